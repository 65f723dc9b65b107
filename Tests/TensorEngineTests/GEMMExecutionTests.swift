import Foundation
import Testing
import ArithmeticUnits
import NumberFormats
@testable import TensorEngine

@Suite struct GEMMExecutionTests {
    static func data(m: Int, k: Int, n: Int, seed: UInt64) -> (Matrix, Matrix) {
        var rng = SplitMix64(seed: seed)
        var a = Matrix(rows: m, cols: k), b = Matrix(rows: k, cols: n)
        for i in 0..<a.storage.count { a.storage[i] = (rng.nextUnit() * 2 - 1) * (i % k == 1 ? 25 : 1) }
        for i in 0..<b.storage.count { b.storage[i] = (rng.nextUnit() * 2 - 1) * 0.05 }
        return (a, b)
    }

    /// Integer and block-exact units give the same bits on every dataflow and array size.
    @Test("exact accumulation: identical C across dataflows", arguments: ["mixpe-w4a8", "int8-mac", "mxfp4-dot", "lut-int8"])
    func exactUnitsAgreeAcrossDataflows(name: String) throws {
        let (a, b) = Self.data(m: 5, k: 300, n: 7, seed: 17)
        func run(_ df: Dataflow, _ rows: Int) throws -> [UInt32] {
            let array = ArrayConfig(rows: rows, cols: 4, dataflow: df)
            switch name {
            case "mixpe-w4a8": return try GEMMExecution.run(unit: MixPE(mode: .w4a8), activations: a, weights: b, array: array, convention: .native).output.bits
            case "int8-mac": return try GEMMExecution.run(unit: Int8MAC(), activations: a, weights: b, array: array, convention: .native).output.bits
            case "lut-int8": return try GEMMExecution.run(unit: LUTTensorCore(weights: .uint(bits: 4), activations: .int8), activations: a, weights: b, array: array, convention: .native).output.bits
            default: return try GEMMExecution.run(unit: BlockDotUnit(format: .mxfp4), activations: a, weights: b, array: array, convention: .native).output.bits
            }
        }
        let reference = try run(.os, 8)
        for df in Dataflow.allCases { for rows in [3, 8, 32] { #expect(try run(df, rows) == reference, "\(df) \(rows)") } }
    }

    /// FP16 MAC on a ws array of R rows: fold partials of R consecutive k start from zero and
    /// are added to the running sum in fold order; reference from FormatArithmetic.
    @Test("FP32 accumulation follows the ws fold order", arguments: [4, 16])
    func floatAccumulationFollowsFolds(rows: Int) throws {
        let (m, k, n) = (2, 100, 3)
        let (a, b) = Self.data(m: m, k: k, n: n, seed: UInt64(rows))
        let r = try GEMMExecution.run(unit: FloatMAC(kind: .fp16), activations: a, weights: b,
                                      array: ArrayConfig(rows: rows, cols: 4, dataflow: .ws), convention: .scalesim)
        let h = ElementFormat.fp16, f = ElementFormat.fp32
        func fp16(_ x: Double) -> Double { h.decode(h.encode(x)) }
        for row in 0..<m {
            for c in 0..<n {
                var acc = 0.0
                for start in stride(from: 0, to: k, by: rows) {
                    var partial = 0.0
                    for kk in start..<min(start + rows, k) {
                        partial = f.decode(FormatArithmetic.fma(fp16(a[row, kk]), fp16(b[kk, c]), partial, to: f, rule: .nearestEven, overflow: .infinity))
                    }
                    acc = f.decode(FormatArithmetic.add(acc, partial, to: f, rule: .nearestEven, overflow: .infinity))
                }
                #expect(r.output.bits[row * n + c] == Float(acc).bitPattern)
            }
        }
    }

    /// BitMoD does a 4-wide dot product every 2 cycles: K = 16 streams as 4 steps of 2 cycles.
    /// scalesim os on 4×4, M = N = 4: the streamed phase takes 4·2 = 8 cycles instead of K = 4,
    /// so 8 + 4 + 4 − 2 − 1 = 13 (against 9 for a one-cycle unit with K = 4).
    @Test func multiCycleUnitsStretchTheStream() throws {
        let (a, b) = Self.data(m: 4, k: 16, n: 4, seed: 1)
        let array = ArrayConfig(rows: 4, cols: 4, dataflow: .os)
        let r = try GEMMExecution.run(unit: BitMoDPE(bits: 4), activations: a, weights: b, array: array, convention: .scalesim)
        #expect(r.timing.totalCycles == 13)
        #expect(r.order == .sequential)
    }

    @Test func errorMetricsAndMismatch() throws {
        let (a, b) = Self.data(m: 8, k: 256, n: 8, seed: 3)
        let array = ArrayConfig(rows: 8, cols: 8, dataflow: .os)
        let fp16 = try GEMMExecution.run(unit: FloatMAC(kind: .fp16), activations: a, weights: b, array: array, convention: .native)
        let w4 = try GEMMExecution.run(unit: MixPE(mode: .w4a8), activations: a, weights: b, array: array, convention: .native)
        #expect(fp16.error.sqnrDB > 50 && w4.error.sqnrDB > 10 && w4.error.sqnrDB < fp16.error.sqnrDB)
        #expect(throws: TensorEngineError.self) {
            _ = try GEMMExecution.run(unit: Int8MAC(), activations: a, weights: Matrix(rows: 3, cols: 2), array: array, convention: .native)
        }
    }

    /// Hand values: result [1, 2.5], reference [1, 2]: max |Δ| = 0.5, ‖Δ‖/‖ref‖ = 0.5/√5,
    /// SQNR = 10·log10(5/0.25) = 10·log10(20) = 13.0103 dB.
    @Test func errorMetricsByHand() {
        let e = ErrorMetrics(result: [1, 2.5], reference: [1, 2])
        #expect(e.maxAbs == 0.5)
        #expect(abs(e.relativeFrobenius - 0.5 / 5.0.squareRoot()) < 1e-15)
        #expect(abs(e.sqnrDB - 13.010_299_956_639_812) < 1e-12)
        #expect(ErrorMetrics(result: [1], reference: [1]).sqnrDB == .infinity)
        for x in [1e-300, 0.5, 3.0, 1e10, 123_456.789] { #expect(abs(DeterministicMath.log10(x) - Foundation.log10(x)) < 1e-13 * max(1, abs(Foundation.log10(x)))) }
    }
}
