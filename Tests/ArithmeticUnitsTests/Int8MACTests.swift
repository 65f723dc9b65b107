import Testing
@testable import ArithmeticUnits
import NumberFormats

@Suite struct Int8MACTests {
    /// On the same uint4 × int8 data (zero points, FP16 scales, per-token scales), MixPE W4A8
    /// (shift-add), the INT8 baseline (multiplier) and the LUT TC with int8 activations and
    /// integer accumulation (tables) produce identical bits.
    @Test("MixPE W4A8 = INT8 MAC = LUT TC (int8)", arguments: [32, 64, 128])
    func threeUnitsAgree(g: Int) {
        var rng = SplitMix64(seed: 77 + UInt64(g))
        let (m, k, n) = (4, 4 * g + 8, 6)
        let groups = (k + g - 1) / g
        let w = (0..<(k * n)).map { _ in UInt8(rng.next() % 16) }
        let z = (0..<(groups * n)).map { _ in Int32(rng.next() % 16) }
        let s = (0..<(groups * n)).map { _ in Float(ElementFormat.fp16.decode(UInt32(0x2000 + rng.next() % 0x1000))) }
        let a = (0..<(m * k)).map { _ in Int8(truncatingIfNeeded: rng.next()) }
        let sa = (0..<m).map { _ in Float(rng.nextUnit()) }
        let mix = MixPEKernel.w4a8(MixPEOperands(m: m, k: k, n: n, groupSize: g, weightCodesKN: w, zeroPoints: z, scales: s,
                                                 activations: .int8(codes: a, rowScales: sa)),
                                   codes: a, rowScales: sa, order: .sequential, accumulator: .int32)
        var wNK = [Int8](repeating: 0, count: k * n)
        for kk in 0..<k { for c in 0..<n { wNK[c * k + kk] = Int8(w[kk * n + c]) } }
        let int8 = Int8MACKernel.gemm(m: m, k: k, n: n, groupSize: g, activations: a, rowScales: sa, weightsNK: wNK,
                                      zeroPoints: z, scales: s, order: AccumulationOrder(kChunk: 16), accumulator: .int32)
        let lut = LUTTensorCoreKernel.gemm(LUTTensorCoreOperands(m: m, k: k, n: n, groupSize: g, weightBits: 4, weightCodesKN: w,
                                                                 zeroPoints: z, scales: s, activations: .int8(codes: a, rowScales: sa)),
                                           accumulation: .fp16, integerAccumulator: .int32)
        #expect(mix.bits == int8.bits)
        #expect(lut.bits == int8.bits)
    }

    /// Signed int8 × int8 per-channel against exact integer dot products: with unit scales the
    /// FP32 result is float(Σ a·w), exact since |Σ| < 2^24.
    @Test func signedExactIntegers() {
        var rng = SplitMix64(seed: 5)
        let (m, k, n) = (3, 1000, 4)
        let a = (0..<(m * k)).map { _ in Int8(truncatingIfNeeded: rng.next()) }
        let w = (0..<(n * k)).map { _ in Int8(truncatingIfNeeded: rng.next()) }
        let r = Int8MACKernel.gemm(m: m, k: k, n: n, groupSize: k, activations: a, rowScales: [1, 1, 1], weightsNK: w,
                                   zeroPoints: [0, 0, 0, 0], scales: [1, 1, 1, 1], order: .sequential, accumulator: .int32)
        for row in 0..<m {
            for c in 0..<n {
                let exact = (0..<k).reduce(0) { $0 + Int(a[row * k + $1]) * Int(w[c * k + $1]) }
                #expect(r.bits[row * n + c] == Float(exact).bitPattern)
            }
        }
        #expect(r.counts[Action(.intMul, bits: 8)] == UInt64(m * n * k))
    }
}

/// A GEMM large enough to run on parallel tiles gives exactly the serial exact-integer
/// result: every output is computed by one tile, independently.
@Suite struct ParallelTileTests {
    @Test func parallelTilesMatchSerialIntegers() {
        var rng = SplitMix64(seed: 99)
        let (m, k, n) = (160, 64, 128)          // 20,480 outputs: above the inline threshold
        let a = (0..<(m * k)).map { _ in Int8(truncatingIfNeeded: rng.next()) }
        let w = (0..<(n * k)).map { _ in Int8(truncatingIfNeeded: rng.next()) }
        let r = Int8MACKernel.gemm(m: m, k: k, n: n, groupSize: k, activations: a, rowScales: [Float](repeating: 1, count: m),
                                   weightsNK: w, zeroPoints: [Int32](repeating: 0, count: n), scales: [Float](repeating: 1, count: n),
                                   order: .sequential, accumulator: .int32)
        var mismatches = 0
        for row in 0..<m {
            for c in 0..<n {
                var exact = 0
                for kk in 0..<k { exact += Int(a[row * k + kk]) * Int(w[c * k + kk]) }
                if r.bits[row * n + c] != Float(exact).bitPattern { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }
}
