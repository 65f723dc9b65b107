import Testing
@testable import ArithmeticUnits
import NumberFormats

/// The AVX-512 BW group sums of `GroupedIntegerKernel` (Sources/CSIMD/int8_dot.c) give the
/// scalar loop's bits: seeded shapes around the kernel's 4×4 blocks and 32-deep K chunks,
/// groups that do not divide K, all-(−128) operands (the largest products), and registers of
/// 32, 20 and 8 bits that wrap (narrow ones wrap often) next to a saturating one (which stays
/// on the scalar path); the BW form (`vpmaddwd` + `vpaddd`) and, where the CPU has it, the
/// VNNI form (`vpdpwssd`) both. Without AVX-512 BW every call runs the scalar loop.
@Suite struct GroupedIntegerSIMDTests {
    static func gemm(_ m: Int, _ k: Int, _ n: Int, _ g: Int, _ a: [Int8], _ w: [Int8], _ z: [Int32], _ s: [Float],
                     _ sa: [Float], _ acc: IntegerAccumulator, simd: Bool, vnni: Bool = false) -> [UInt32] {
        GroupedIntegerKernel.gemm(m: m, k: k, n: n, groupSize: g, activations: a, rowScales: sa, weightsNK: w,
                                  zeroPoints: z, scales: s, order: AccumulationOrder(kChunk: 16), accumulator: acc,
                                  simd: simd, vnni: vnni)
    }

    @Test func vectorSumsMatchTheScalarLoopBitForBit() {
        var rng = SplitMix64(seed: 0x1_28D07)
        var cases = [(1, 1, 1, 1), (4, 32, 4, 32), (5, 33, 5, 33), (3, 31, 7, 8), (9, 100, 13, 64), (8, 1000, 6, 1000),
                     (17, 257, 9, 128)]
        for _ in 0..<16 {
            let k = 1 + Int(rng.next() % 300)
            cases.append((1 + Int(rng.next() % 24), k, 1 + Int(rng.next() % 24), 1 + Int(rng.next() % UInt64(k))))
        }
        let registers = [IntegerAccumulator.int32, IntegerAccumulator(bits: 20, overflow: .wrap),
                         IntegerAccumulator(bits: 8, overflow: .wrap), IntegerAccumulator(bits: 16, overflow: .saturate)]
        for (index, (m, k, n, g)) in cases.enumerated() {
            let groups = (k + g - 1) / g
            let extreme = index == 5
            let a = (0..<(m * k)).map { _ in extreme ? Int8.min : Int8(truncatingIfNeeded: rng.next()) }
            let w = (0..<(n * k)).map { _ in extreme ? Int8.min : Int8(truncatingIfNeeded: rng.next()) }
            let z = (0..<(groups * n)).map { _ in Int32(rng.next() % 16) }
            let s = (0..<(groups * n)).map { _ in Float(rng.nextUnit()) }
            let sa = (0..<m).map { _ in Float(rng.nextUnit() * 4) }
            for acc in registers {
                let scalar = Self.gemm(m, k, n, g, a, w, z, s, sa, acc, simd: false)
                let vector = Self.gemm(m, k, n, g, a, w, z, s, sa, acc, simd: SIMDKernels.avx512bw)
                let dpwssd = Self.gemm(m, k, n, g, a, w, z, s, sa, acc, simd: SIMDKernels.avx512bw, vnni: SIMDKernels.vnni)
                #expect(vector == scalar, "\(m)×\(k)×\(n) g\(g) \(acc.bits)")
                #expect(dpwssd == scalar, "VNNI \(m)×\(k)×\(n) g\(g) \(acc.bits)")
            }
        }
    }

    /// The sums are exact where they fit: 1000 products of (−128)·(−128) = 16 384 000 < 2^31.
    @Test func largestProductsSumExactly() {
        let k = 1000
        let bits = Self.gemm(1, k, 1, k, [Int8](repeating: .min, count: k), [Int8](repeating: .min, count: k), [0], [1], [1],
                             .int32, simd: SIMDKernels.avx512bw)
        #expect(bits == [Float(16_384_000).bitPattern])
    }
}
