import DesignModel
import Foundation
import NumberFormats
import TensorEngine
import Testing
import Workloads
@testable import CostModel

/// Random workloads (shapes up to 2^62 per dimension, counts up to 2^62) through the cost
/// model: MACs and cycles are exact — equal to Σ count·M·K·N and Σ count·cycles computed
/// here with full-width products — or the workload is refused with one error; energies,
/// areas and latency stay finite. Never negative, wrapped, saturated or trapped.
@Suite struct WorkloadCountPropertyTests {
    /// Π factors exactly, or nil beyond Int.max (full-width products, not the code under test).
    static func product(_ factors: [Int]) -> Int? {
        var p = 1
        for f in factors {
            let wide = UInt64(p).multipliedFullWidth(by: UInt64(f))
            guard wide.high == 0, wide.low <= UInt64(Int.max) else { return nil }
            p = Int(wide.low)
        }
        return p
    }

    /// Σ terms exactly, or nil beyond Int.max (a nil term makes the sum nil).
    static func sum(_ terms: [Int?]) -> Int? {
        var total: UInt64 = 0
        for t in terms {
            guard let t else { return nil }
            let (s, overflow) = total.addingReportingOverflow(UInt64(t))
            guard !overflow, s <= UInt64(Int.max) else { return nil }
            total = s
        }
        return Int(total)
    }

    static func magnitude(_ rng: inout SplitMix64, upTo e: Int) -> Int {
        let x = Int.random(in: 0...e, using: &rng)
        return Int.random(in: (1 << x)...(x == 62 ? 1 << 62 : (1 << (x + 1)) - 1), using: &rng)
    }

    @Test(arguments: ["int8-systolic.json", "mixpe-w4a8.json", "fp16-tensor-core.json", "lut-tc-tile-w2a16.json",
                      "bitmod-w4.json"])
    func totalsAreExactOrRefused(file: String) throws {
        let design = try GoldenTotalsTests.design(file)
        let evaluator = CostEvaluator()
        var rng = SplitMix64(seed: UInt64(file.utf8.count))
        var exact = 0, refused = 0
        for trial in 0..<150 {
            let gemms = (0..<Int.random(in: 1...4, using: &rng)).map { i -> GEMMShape in
                let budget = Int.random(in: 0...64, using: &rng)
                let em = Int.random(in: 0...min(62, budget), using: &rng), ek = Int.random(in: 0...min(62, budget - em), using: &rng)
                return GEMMShape(name: "g\(i)", m: Self.magnitude(&rng, upTo: em), k: Self.magnitude(&rng, upTo: ek),
                                 n: Self.magnitude(&rng, upTo: min(62, budget - em - ek)),
                                 count: Bool.random(using: &rng) ? Int.random(in: 0...3, using: &rng)
                                                                 : Self.magnitude(&rng, upTo: 62 - budget / 2))
            }
            let workload = Workload(name: "w\(trial)", gemms: gemms)
            let macs = Self.sum(gemms.map { Self.product([$0.count, $0.m, $0.k, $0.n]) })
            let context = "\(file) \(gemms.map { "\($0.count)×\($0.m)·\($0.k)·\($0.n)" })"
            guard let macs, macs <= MACLimit.value else {
                #expect(workload.macs == nil, "\(context)")
                #expect(throws: WorkloadError.self, "\(context)") { try evaluator.evaluate(design, on: workload) }
                refused += 1
                continue
            }
            #expect(workload.macs == macs, "\(context)")
            // Per-GEMM cycles from the engine (exact on their own, ShapeOverflowPropertyTests);
            // a GEMM the engine refuses refuses the workload.
            let perGEMM = gemms.map { g in (try? evaluator.run(design, GEMMDims(m: g.m, k: g.k, n: g.n)))?.cycles }
            let cycles = Self.sum(zip(gemms, perGEMM).map { g, c in g.count == 0 ? 0 : c.flatMap { Self.product([$0, g.count]) } })
            do {
                let cost = try evaluator.evaluate(design, on: workload)
                #expect(cost.macs == macs && cost.cycles == cycles, "\(context)")
                #expect(cost.cycles >= 0 && cost.latencyS >= 0)
                #expect((cost.energyPJ + cost.areaUm2).allSatisfy { $0.value.isFinite && $0.value >= 0 }, "\(context)")
                exact += 1
            } catch {
                #expect(error is CostEvaluationError, "\(error): \(context)")
                #expect(cycles == nil, "refused although the cycles fit: \(error): \(context)")
                #expect("\(error)".split(whereSeparator: \.isNewline).count == 1)
                refused += 1
            }
        }
        #expect(exact > 10 && refused > 10, "exact \(exact), refused \(refused)")
    }
}
