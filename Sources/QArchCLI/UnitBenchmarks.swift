import ArgumentParser
import ArithmeticUnits
import DesignModel
import Foundation
import NumberFormats
import QArchSupport

/// Unit-level MAC throughput benchmarks: every bench case of every unit kind
/// (`UnitRegistry`, `UnitKind.benchCases`), on seeded LLM-like data.
struct UnitBenchmarks {
    let name: String
    let run: (Double) throws -> Double

    func run(minimumSeconds: Double) throws -> Double { try run(minimumSeconds) }

    static func all(quick: Bool) -> [UnitBenchmarks] {
        let (m, k, n) = quick ? (8, 256, 8) : (64, 1024, 64)
        return UnitRegistry.kinds.flatMap { $0.benchCases }.map { c in
            let limit = c.maxRowsAndColumns ?? max(m, n)
            return make(c.unit, min(m, limit), k, min(n, limit))
        }
    }

    static func make<U: ArithmeticUnit>(_ unit: U, _ m: Int, _ k: Int, _ n: Int) -> UnitBenchmarks {
        UnitBenchmarks(name: "unit.\(unit.name)") { minimumSeconds in
            let (a, b) = benchmarkOperands(m: m, k: k, n: n, seed: 1)
            let operands = try unit.quantize(activations: a, weights: b)
            var best = 0.0, elapsed = 0.0, checksum: UInt32 = 0
            repeat {
                let start = DispatchTime.now().uptimeNanoseconds
                let r = unit.gemm(operands, order: .sequential)
                let dt = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
                checksum ^= r.bits[0]
                elapsed += dt
                best = max(best, Double(m * k * n) / max(dt, 1e-9))
            } while elapsed < minimumSeconds
            _ = checksum
            return best
        }
    }
}
