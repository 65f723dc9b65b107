import Testing
@testable import ArithmeticUnits
import NumberFormats

/// BitMoD's fast kernels equal their reference models in every bit.
@Suite struct BitMoDFastKernelTests {
    /// `FP32FusedMultiplyAdd` equals `addingProduct` on random bit patterns, on operands whose
    /// exact result lies next to an FP32 rounding midpoint (c = 1, a·b = ±2^−24·(1 ± 2^−23)),
    /// and on results in the subnormal and overflow ranges.
    @Test func fusedMultiplyAddEqualsAddingProduct() {
        var rng = SplitMix64(seed: 9)
        var mismatches = 0
        func check(_ a: Float, _ b: Float, _ c: Float) {
            let expected = c.addingProduct(a, b), found = FP32FusedMultiplyAdd.fused(a, b, c)
            if expected.bitPattern != found.bitPattern && !(expected.isNaN && found.isNaN) { mismatches += 1 }
        }
        func random() -> Float { Float(bitPattern: UInt32(truncatingIfNeeded: rng.next())) }
        for _ in 0..<200_000 { check(random(), random(), random()) }
        for _ in 0..<200_000 {
            // Same-scale operands: cancellation, midpoints and ties are common.
            let e = Int(rng.next() % 40) - 20
            func near() -> Float { Float(sign: rng.next() % 2 == 0 ? .plus : .minus, exponent: e + Int(rng.next() % 3),
                                         significand: 1 + Float(rng.next() % 0x80_0000) * 0x1p-23) }
            check(near(), near(), Float(sign: .plus, exponent: 2 * e, significand: 1) * near())
        }
        for sa in [Float(1), -1] {
            for ta in [1 + 0x1p-23, 1, 1 - 0x1p-24] as [Float] {
                for c in [Float(1), -1, 0x1p-100, 0x1p127, -0.0, 0] {
                    check(sa * 0x1p-24 * ta, 1, c)
                    check(sa * 0x1p-24 * ta, 1 + 0x1p-23, c)
                    check(sa * 0x1p-70, 0x1p-70, c)              // subnormal products
                    check(sa * 0x1p100, 0x1p100, c)              // overflow
                }
            }
        }
        #expect(mismatches == 0)
    }

    static func fp4Operands(m: Int, k: Int, n: Int, g: Int, seed: UInt64, finite: Bool = false) -> BitMoDOperands {
        var rng = SplitMix64(seed: seed)
        let fp4Values: [Int16] = [0, 1, 2, 3, 4, 6, 8, 12, 10, 16, -1, -2, -3, -4, -6, -8, -12, -10, -16]
        let groups = (k + g - 1) / g
        let w = (0..<(k * n)).map { _ in fp4Values[Int(rng.next() % UInt64(fp4Values.count))] }
        let q = (0..<(groups * n)).map { _ in UInt8(rng.next() % 256) }
        let sch = (0..<(groups * n)).map { _ in Float(Float16(bitPattern: UInt16(truncatingIfNeeded: rng.next() % 0x7C00))) }
        let a = (0..<(m * k)).map { _ in
            let x = Float(Float16(bitPattern: UInt16(truncatingIfNeeded: rng.next())))
            return finite && !x.isFinite ? 1.5 : x
        }
        return BitMoDOperands(m: m, k: k, n: n, groupSize: g, kind: .fp4, weightValuesKN: w, groupScales: q,
                              channelScales: sch, activations: a)
    }

    /// Any FP16 activation (±∞ and NaN included) or only finite ones, and any channel scale,
    /// every chunking of K; the scalar path and (where the CPU has AVX2 + FMA) the SIMD one.
    @Test("functional mode equals its reference", arguments: [AccumulationOrder.sequential, AccumulationOrder(kChunk: 7), AccumulationOrder(kChunk: 32)])
    func functionalEqualsReference(order: AccumulationOrder) {
        // 8-, 4- and 1-column paths; 4×16 SIMD blocks with row and column tails.
        for (m, n, k, g) in [(3, 1, 5, 4), (3, 6, 64, 32), (3, 9, 300, 128), (3, 13, 64, 32), (4, 16, 64, 32), (9, 37, 300, 128)] {
            for finite in [false, true] {
                let ops = Self.fp4Operands(m: m, k: k, n: n, g: g, seed: UInt64(k * n), finite: finite)
                let reference = BitMoDKernel.functionalReference(ops, order: order)
                for simd in Set([false, SIMDKernels.fma]) {
                    let fast = BitMoDKernel.functional(ops, order: order, simd: simd)
                    #expect(fast.bits == reference.bits, "m \(m) n \(n) k \(k) finite \(finite) simd \(simd)")
                    #expect(fast.counts == reference.counts)
                }
            }
        }
    }
}

extension BitMoDFastKernelTests {
    /// Seeded FP4 and FP3 tiles with any FP16 activation (subnormals, ±∞, NaN included) and
    /// group scale, groups not a multiple of 4 lanes, and N not a multiple of 4 columns.
    @Test("rtl fast path equals the cycle-by-cycle reference", arguments: [false, true])
    func rtlEqualsReference(fp3: Bool) {
        for (m, n, k, g, seed) in [(2, 1, 5, 4, 1), (3, 6, 64, 32, 2), (2, 9, 300, 128, 3), (4, 4, 130, 6, 4), (3, 70, 96, 32, 5)]
                as [(Int, Int, Int, Int, UInt64)] {   // the last: past two 32-column blocks
            var rng = SplitMix64(seed: seed + (fp3 ? 100 : 0))
            let values: [Int16] = fp3 ? [0, 1, 2, 3, 4, 6, -1, -2, -3, -4, -6] : [0, 1, 2, 3, 4, 6, 8, 12, 10, 16, -1, -2, -3, -4, -6, -8, -12, -10, -16]
            let groups = (k + g - 1) / g
            let w = (0..<(k * n)).map { _ in values[Int(rng.next() % UInt64(values.count))] }
            let q = (0..<(groups * n)).map { _ in UInt8(rng.next() % 256) }
            let sch = (0..<(groups * n)).map { _ in Float(Float16(bitPattern: UInt16(truncatingIfNeeded: rng.next() % 0x7C00))) }
            // Mostly same-scale activations (long carries, normalization), some of any code.
            let a = (0..<(m * k)).map { _ -> Float in
                rng.next() % 4 == 0 ? Float(Float16(bitPattern: UInt16(truncatingIfNeeded: rng.next())))
                    : Float(Float16(Float(rng.nextUnit() * 2 - 1)))
            }
            let ops = BitMoDOperands(m: m, k: k, n: n, groupSize: g, kind: fp3 ? .fp3 : .fp4, weightValuesKN: w, groupScales: q,
                                     channelScales: sch, activations: a)
            let fast = BitMoDKernel.rtl(ops), reference = BitMoDKernel.rtlReference(ops)
            #expect(fast.bits == reference.bits, "m \(m) n \(n) k \(k) g \(g)")
            #expect(fast.counts == reference.counts)
            for simd in Set([false, SIMDKernels.available]) {   // both paths, whichever one `rtl` took
                #expect(BitMoDRTLFastKernel.gemm(ops, simd: simd) == reference.bits, "m \(m) n \(n) k \(k) g \(g) simd \(simd)")
            }
        }
    }

    /// Exhaustive over one lane: every FP16 code of activation 0 (2^16, ±∞ and NaN included;
    /// 256 codes per GEMM, one per row) against every FP4 weight value (one column each), with
    /// lane 1 fixed at 1.0 × 1.
    @Test func rtlExhaustiveOneLane() {
        let values: [Int16] = [0, 1, 2, 3, 4, 6, 8, 12, 10, 16, -1, -2, -3, -4, -6, -8, -12, -10, -16]
        var mismatches = 0
        for block in 0..<256 {
            let activations = (0..<256).flatMap { [Float(Float16(bitPattern: UInt16(block * 256 + $0))), Float(1)] }
            let ops = BitMoDOperands(m: 256, k: 2, n: values.count, groupSize: 2, kind: .fp4,
                                     weightValuesKN: values + [Int16](repeating: 1, count: values.count),
                                     groupScales: [UInt8](repeating: 255, count: values.count),
                                     channelScales: [Float](repeating: 1, count: values.count), activations: activations)
            let fast = BitMoDKernel.rtl(ops).bits, reference = BitMoDKernel.rtlReference(ops).bits
            mismatches += zip(fast, reference).filter { $0 != $1 }.count
            if SIMDKernels.available, let scalar = BitMoDRTLFastKernel.gemm(ops, simd: false) {   // the other path too
                mismatches += zip(scalar, reference).filter { $0 != $1 }.count
            }
        }
        #expect(mismatches == 0)
    }
}
