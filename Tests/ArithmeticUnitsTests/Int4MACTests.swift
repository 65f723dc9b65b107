import Testing
@testable import ArithmeticUnits
import NumberFormats

/// The INT4×INT8 MAC against references written here from integers: exact dot products,
/// an accumulator register that wraps or saturates after every addition, and operands
/// chosen so that quantization is exact.
@Suite struct Int4MACTests {
    /// Random int4 codes (−7…7) and int8 activations, unit scales: each output is the exact
    /// integer dot product (|Σ| < 2^24, so its FP32 value is exact), over several groups.
    @Test("exact integer dot products", arguments: [16, 64, 1000])
    func exactIntegers(groupSize: Int) {
        var rng = SplitMix64(seed: 41 + UInt64(groupSize))
        let (m, k, n) = (3, 200, 5)
        let groups = (k + groupSize - 1) / groupSize
        let a = (0..<(m * k)).map { _ in Int8(truncatingIfNeeded: rng.next()) }
        let w = (0..<(n * k)).map { _ in Int8(Int(rng.next() % 15) - 7) }
        let ops = Int4MAC.Operands(m: m, k: k, n: n, groupSize: groupSize, activations: a, rowScales: [Float](repeating: 1, count: m),
                                   weightsNK: w, groupScales: [Float](repeating: 1, count: groups * n))
        let r = Int4MAC(groupSize: groupSize).gemm(ops, order: .sequential)
        for row in 0..<m {
            for c in 0..<n {
                let exact = (0..<k).reduce(0) { $0 + Int(a[row * k + $1]) * Int(w[c * k + $1]) }
                #expect(r.bits[row * n + c] == Float(exact).bitPattern, "C[\(row), \(c)]")
            }
        }
        #expect(r.actions[Action(.intMul, bits: 8)] == UInt64(m * n * k))
        #expect(r.actions[Action(.regRead, bits: 4)] == UInt64(m * n * k))
        #expect(r.actions[Action(.convert, bits: 32)] == UInt64(m * n * groups))
        #expect(r.actions[Action(.fpMul, bits: 32)] == UInt64(m * n * (groups + 1)))
    }

    /// An 8-bit accumulator: saturate clamps to −128…127 after every addition in k order;
    /// wrap keeps the low 8 bits of the exact sum. One group spans K.
    @Test func narrowAccumulatorWrapsOrSaturates() {
        let k = 40
        let a = [Int8](repeating: 100, count: k)
        let w = (0..<k).map { Int8($0 < 30 ? 7 : -7) }   // 30 · 700 up, then 10 · 700 down
        let ops = Int4MAC.Operands(m: 1, k: k, n: 1, groupSize: k, activations: a, rowScales: [1], weightsNK: w, groupScales: [1])
        var saturated = 0
        for kk in 0..<k { saturated = min(max(saturated + Int(a[kk]) * Int(w[kk]), -128), 127) }
        let exact = (0..<k).reduce(0) { $0 + Int(a[$1]) * Int(w[$1]) }
        let wrapped = Int(Int8(truncatingIfNeeded: exact))
        let sat = Int4MAC(groupSize: k, accumulator: IntegerAccumulator(bits: 8, overflow: .saturate)).gemm(ops, order: .sequential)
        let wrap = Int4MAC(groupSize: k, accumulator: IntegerAccumulator(bits: 8, overflow: .wrap)).gemm(ops, order: .sequential)
        #expect(sat.bits == [Float(saturated).bitPattern])
        #expect(wrap.bits == [Float(wrapped).bitPattern])
        #expect(saturated == -128 && exact == 14_000 && wrapped == -80)
    }

    /// Through the quantizers: weights q·2^-4 with ±7 in every (group, column), so each
    /// FP16 scale is exactly 2^-4 and each code is q; integer activations with 127 in every
    /// row, so each per-token scale is 1. The output is then the exact Σ a·w.
    @Test func quantizedOperandsAreExact() throws {
        var rng = SplitMix64(seed: 9)
        let (m, k, n, g) = (4, 96, 3, 32)
        var aValues = (0..<(m * k)).map { _ in Double(Int(rng.next() % 255) - 127) }
        for row in 0..<m { aValues[row * k] = 127 }
        var codes = (0..<(k * n)).map { _ in Int(rng.next() % 15) - 7 }
        for group in 0..<(k / g) { for c in 0..<n { codes[group * g * n + c] = c % 2 == 0 ? 7 : -7 } }
        let a = try #require(Matrix(rows: m, cols: k, storage: aValues))
        let b = try #require(Matrix(rows: k, cols: n, storage: codes.map { Double($0) / 16 }))
        let unit = Int4MAC(groupSize: g)
        let ops = try unit.quantize(activations: a, weights: b)
        #expect(ops.groupScales.allSatisfy { $0 == 0.0625 } && ops.rowScales.allSatisfy { $0 == 1 })
        #expect(ops.weightsNK == (0..<(n * k)).map { Int8(codes[($0 % k) * n + $0 / k]) })
        let r = unit.gemm(ops, order: .sequential)
        for row in 0..<m {
            for c in 0..<n {
                let exact = (0..<k).reduce(0.0) { $0 + aValues[row * k + $1] * Double(codes[$1 * n + c]) / 16 }
                #expect(r.bits[row * n + c] == Float(exact).bitPattern, "C[\(row), \(c)]")
            }
        }
    }
}
