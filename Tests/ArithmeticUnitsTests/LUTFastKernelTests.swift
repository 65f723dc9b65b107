import Testing
@testable import ArithmeticUnits
import NumberFormats

/// The fast LUT Tensor Core kernel equals the step-by-step reference model in every bit,
/// and its FP16 rounding equals `Float16`.
@Suite struct LUTFastKernelTests {
    /// Every finite FP32 value whose low 13 significand bits are one of the rounding-critical
    /// patterns (around the half and the ends), for all exponents, signs and the 10 bits above;
    /// plus seeded random FP32 bit patterns.
    @Test func fp16RoundingEqualsFloat16() {
        let lowPatterns: [UInt32] = [0, 1, 0xFFF, 0x1000, 0x1001, 0x1FFF, 0x2000, 0x2001, 0x2FFF, 0x3000, 0x3001, 0x3FFF]
        var mismatches = 0
        func check(_ bits: UInt32) {
            let x = Float(bitPattern: bits)
            guard x.isFinite else { return }
            let h = Float16(x)
            let expected: Int64? = h.isFinite ? Int64(Double(h) * 0x1p24) : nil
            if FP16Rounding.units(x) != expected { mismatches += 1 }
        }
        for field in UInt32(0)..<255 {
            for high in UInt32(0)..<512 {
                for low in lowPatterns {
                    let significand = (high << 14) | low
                    check(field << 23 | significand)
                    check(1 << 31 | field << 23 | significand)
                }
            }
        }
        var rng = SplitMix64(seed: 16)
        for _ in 0..<200_000 { check(UInt32(truncatingIfNeeded: rng.next())) }
        #expect(mismatches == 0)
    }

    /// FP16 activations of four kinds: any FP16 code (including ±∞ and NaN), small values
    /// around the FP16 normal boundary (denormal table entries, flushed sums), a few values
    /// that cancel exactly (zero and negative-zero accumulators), and large ones (overflow).
    static func activations(_ kind: Int, count: Int, _ rng: inout SplitMix64) -> [Float] {
        (0..<count).map { _ in
            switch kind {
            case 0: return Float(Float16(bitPattern: UInt16(truncatingIfNeeded: rng.next())))
            case 1: return Float(Float16(bitPattern: UInt16(truncatingIfNeeded: rng.next() % 0x0C00) | (rng.next() % 2 == 0 ? 0 : 0x8000)))
            case 2: return [0, -0.0, 1, -1, 0.5, -0.5, 0x1p-14, -0x1p-14, 0x1p-13][Int(rng.next() % 9)]
            default: return Float(Float16(bitPattern: UInt16(truncatingIfNeeded: 0x7000 + rng.next() % 0x0C00) | (rng.next() % 2 == 0 ? 0 : 0x8000)))
            }
        }
    }

    @Test("fast kernel equals the reference, FP16 activations", arguments: [1, 2, 3, 4])
    func fp16EqualsReference(bits: Int) {
        var rng = SplitMix64(seed: 40 + UInt64(bits))
        for kind in 0..<4 {
            for (g, k, n) in [(4, 4, 5), (6, 23, 37), (32, 96, 5), (128, 300, 70)] {   // n past one and two 32-column blocks
                let m = 3
                let groups = (k + g - 1) / g
                let w = (0..<(k * n)).map { _ in UInt8(rng.next() % 256) }   // the operands mask to `bits`
                let z = (0..<(groups * n)).map { _ in Int32(rng.next() % UInt64(1 << bits)) }
                let s = (0..<(groups * n)).map { _ in Float(rng.nextUnit() - 0.5) }
                let a = Self.activations(kind, count: m * k, &rng)
                let ops = LUTTensorCoreOperands(m: m, k: k, n: n, groupSize: g, weightBits: bits, weightCodesKN: w,
                                                zeroPoints: z, scales: s, activations: .fp16(a))
                for mode in LUTAccumulation.allCases {
                    let fast = LUTTensorCoreKernel.gemm(ops, accumulation: mode, integerAccumulator: .int32)
                    let reference = LUTTensorCoreKernel.referenceGemm(ops, accumulation: mode, integerAccumulator: .int32)
                    #expect(fast.bits == reference.bits, "kind \(kind) g \(g) k \(k) \(mode)")
                    // Both paths, whichever one `gemm` took on this machine.
                    for simd in [false, SIMDKernels.available] {
                        #expect(LUTFastKernel.gemm(ops, accumulation: mode, integerAccumulator: .int32, simd: simd) == reference.bits)
                    }
                    #expect(fast.counts == reference.counts)
                }
            }
        }
    }

    /// Hand-made special cases of the FP16 accumulator, all weight bits set (T = Σ a): a sum
    /// of 2^−14 and −(2^−14 + 2^−24) flushed to negative zero; FP16 tables that overflow to
    /// +∞ (4·65504); sums that cancel to exactly zero.
    @Test func handMadeEdgeCases() {
        let cases: [([Float], [UInt8])] = [([0x1p-14, 0, 0, 0, -(0x1p-14 + 0x1p-24), 0, 0, 0], [1, 1, 1, 1, 1, 1, 1, 1]),
                                           ([65504, 65504, 65504, 65504, 65504, 65504, 65504, 65504], [1, 1, 1, 1, 1, 1, 1, 1]),
                                           ([0.5, 0.5, 0.5, 0.5, -0.5, -0.5, -0.5, -0.5], [1, 1, 1, 1, 1, 1, 1, 1])]
        for (a, w) in cases {
            let ops = LUTTensorCoreOperands(m: 1, k: 8, n: 1, groupSize: 8, weightBits: 1, weightCodesKN: w,
                                            zeroPoints: [1], scales: [1], activations: .fp16(a))
            let fast = LUTTensorCoreKernel.gemm(ops, accumulation: .fp16, integerAccumulator: .int32)
            let reference = LUTTensorCoreKernel.referenceGemm(ops, accumulation: .fp16, integerAccumulator: .int32)
            #expect(fast.bits == reference.bits)
            for simd in [false, SIMDKernels.available] {
                #expect(LUTFastKernel.gemm(ops, accumulation: .fp16, integerAccumulator: .int32, simd: simd) == reference.bits)
            }
        }
    }

    @Test("fast kernel equals the reference, int8 activations", arguments: [
        IntegerAccumulator.int32, IntegerAccumulator(bits: 12, overflow: .wrap), IntegerAccumulator(bits: 14, overflow: .saturate),
    ])
    func int8EqualsReference(accumulator: IntegerAccumulator) {
        var rng = SplitMix64(seed: 77)
        for bits in 1...4 {
            for (g, k) in [(4, 4), (6, 23), (32, 96), (128, 300)] {
                let (m, n) = (3, 5)
                let groups = (k + g - 1) / g
                let w = (0..<(k * n)).map { _ in UInt8(rng.next() % 256) }
                let z = (0..<(groups * n)).map { _ in Int32(rng.next() % UInt64(1 << bits)) }
                let s = (0..<(groups * n)).map { _ in Float(rng.nextUnit() - 0.5) }
                let a = (0..<(m * k)).map { _ in Int8(truncatingIfNeeded: rng.next()) }
                let sa = (0..<m).map { _ in Float(rng.nextUnit()) }
                let ops = LUTTensorCoreOperands(m: m, k: k, n: n, groupSize: g, weightBits: bits, weightCodesKN: w,
                                                zeroPoints: z, scales: s, activations: .int8(codes: a, rowScales: sa))
                let fast = LUTTensorCoreKernel.gemm(ops, accumulation: .fp16, integerAccumulator: accumulator)
                let reference = LUTTensorCoreKernel.referenceGemm(ops, accumulation: .fp16, integerAccumulator: accumulator)
                #expect(fast.bits == reference.bits, "bits \(bits) g \(g) k \(k)")
            }
        }
    }
}
