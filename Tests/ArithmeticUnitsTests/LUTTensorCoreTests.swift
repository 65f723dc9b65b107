import Testing
@testable import ArithmeticUnits
import NumberFormats

@Suite struct LUTTensorCoreTests {
    /// numeric-units.md §7.5, exactly as written.
    @Test func specWorkedExample() {
        let t = LUTTable(activations: [1, 2, 4, 8], entryFormat: .fp16)
        #expect(t.stored == [-15, -11, -7, -3, 1, 5, 9, 13])
        #expect(t.lookup(0b0001) == -13)
        #expect(t.lookup(0b0101) == -5)
        #expect(t.lookup(0b1001) == 3)
        // q = [3, 0, 1, 2], B = 2: Σ_b 2^b T_b = 1; ½·1 + (3/2)·15 = 23.
        let ops = LUTTensorCoreOperands(m: 1, k: 4, n: 1, groupSize: 4, weightBits: 2, weightCodesKN: [3, 0, 1, 2],
                                        zeroPoints: [0], scales: [1], activations: .fp16([1, 2, 4, 8]))
        for mode in LUTAccumulation.allCases {
            let r = LUTTensorCoreKernel.gemm(ops, accumulation: mode, integerAccumulator: .int32)
            #expect(Float(bitPattern: r.bits[0]) == 23)
        }
    }

    /// Every 4-bit index of an integer table equals the signed sum Σ (2·bit_i − 1)·a_i.
    @Test func symmetricTableIsExact() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<200 {
            let a = (0..<4).map { _ in Int(Int8(truncatingIfNeeded: rng.next())) }
            let t = LUTTable(integerActivations: a)
            for idx in 0..<16 {
                let expected = (0..<4).reduce(0) { $0 + (((idx >> $1) & 1) == 1 ? a[$1] : -a[$1]) }
                #expect(t.lookup(idx) == Double(expected))
            }
        }
    }

    /// With int8 activations and integer accumulation, the LUT TC and MixPE W4A8 compute the
    /// same integer group sums and the same FP32 epilogue, so their bits agree.
    @Test("LUT TC (int8, integer acc) agrees with MixPE W4A8", arguments: [32, 64, 128])
    func agreesWithMixPE(g: Int) {
        var rng = SplitMix64(seed: UInt64(g))
        let (m, k, n) = (3, 2 * g + 12, 5)
        let groups = (k + g - 1) / g
        let w = (0..<(k * n)).map { _ in UInt8(rng.next() % 16) }
        let z = (0..<(groups * n)).map { _ in Int32(rng.next() % 16) }
        let s = (0..<(groups * n)).map { _ in Float(rng.nextUnit()) }
        let a = (0..<(m * k)).map { _ in Int8(truncatingIfNeeded: rng.next()) }
        let sa = (0..<m).map { _ in Float(rng.nextUnit()) }
        let lut = LUTTensorCoreOperands(m: m, k: k, n: n, groupSize: g, weightBits: 4, weightCodesKN: w, zeroPoints: z,
                                        scales: s, activations: .int8(codes: a, rowScales: sa))
        let mix = MixPEOperands(m: m, k: k, n: n, groupSize: g, weightCodesKN: w, zeroPoints: z, scales: s,
                                activations: .int8(codes: a, rowScales: sa))
        let r1 = LUTTensorCoreKernel.gemm(lut, accumulation: .fp16, integerAccumulator: .int32)
        let r2 = MixPEKernel.w4a8(mix, codes: a, rowScales: sa, order: .sequential, accumulator: .int32)
        #expect(r1.bits == r2.bits)
    }

    /// 2^(K−1) = 8 entries per activation group, N·B lookups per group.
    @Test func actionCountClosedForms() {
        let (m, k, n, b) = (2, 64, 3, 2)
        let ops = LUTTensorCoreOperands(m: m, k: k, n: n, groupSize: 32, weightBits: b, weightCodesKN: [UInt8](repeating: 1, count: k * n),
                                        zeroPoints: [Int32](repeating: 0, count: 2 * n), scales: [Float](repeating: 1, count: 2 * n),
                                        activations: .fp16([Float](repeating: 1, count: m * k)))
        let r = LUTTensorCoreKernel.gemm(ops, accumulation: .fp16, integerAccumulator: .int32)
        let activationGroups = m * k / 4
        #expect(r.counts[Action(.lutWrite, bits: 16)] == UInt64(activationGroups * 8))
        #expect(r.counts[Action(.lutRead, bits: 16)] == UInt64(activationGroups * n * b))
    }

    /// Random FP16 tiles against a reference built from NumberFormats' correctly rounded
    /// operations: table entries (FP32 sums rounded to FP16), FP16 adds with denormal flush,
    /// then the FP32 epilogue.
    @Test("random FP16 tiles, FP16 and FP32 accumulation", arguments: [32, 64, 128])
    func randomTiles(g: Int) {
        var rng = SplitMix64(seed: 100 + UInt64(g))
        for (k, bits) in [(g, 2), (3 * g, 4), (4096, 1)] {
            let (m, n) = (2, 2)
            let groups = (k + g - 1) / g
            let w = (0..<(k * n)).map { _ in UInt8(rng.next() % UInt64(1 << bits)) }
            let z = (0..<(groups * n)).map { _ in Int32(rng.next() % UInt64(1 << bits)) }
            let s = (0..<(groups * n)).map { _ in Float(rng.nextUnit()) }
            let a = (0..<(m * k)).map { _ in Float(ElementFormat.fp16.decode(ElementFormat.fp16.encode((rng.nextUnit() - 0.5) * 4))) }
            let ops = LUTTensorCoreOperands(m: m, k: k, n: n, groupSize: g, weightBits: bits, weightCodesKN: w,
                                            zeroPoints: z, scales: s, activations: .fp16(a))
            for mode in LUTAccumulation.allCases {
                let r = LUTTensorCoreKernel.gemm(ops, accumulation: mode, integerAccumulator: .int32)
                let accFormat: ElementFormat = mode == .fp16 ? .fp16 : .fp32
                func f32(_ x: Double) -> Double { ElementFormat.fp32.decode(ElementFormat.fp32.encode(x)) }
                for row in 0..<m {
                    for c in 0..<n {
                        var y = 0.0
                        for gi in 0..<groups {
                            var acc = 0.0, sumA = 0.0
                            for k0 in stride(from: gi * g, to: min((gi + 1) * g, k), by: 4) {
                                let acts = (0..<4).map { k0 + $0 < k ? Double(a[row * k + k0 + $0]) : 0 }
                                for b in 0..<bits {
                                    // The signed sum for this bit-plane, as the table would hold it.
                                    var e = 0.0
                                    for i in 0..<4 {
                                        let bit = k0 + i < k ? (Int(w[(k0 + i) * n + c]) >> b) & 1 : 0
                                        let sign = bit == 1 ? 1.0 : -1.0
                                        // FP32 sum in order a0..a3; for idx0 = 1 the stored entry is the negated
                                        // complement, whose FP32 sum is the exact negation (sign-symmetric rounding).
                                        e = i == 0 ? sign * acts[0] : f32(e + sign * acts[i])
                                    }
                                    e = ElementFormat.fp16.decode(ElementFormat.fp16.encode(e))
                                    if mode == .fp16 {
                                        let operand = abs(e) < 0x1p-14 ? 0 : e * Double(1 << b)
                                        let sum = ElementFormat.fp16.decode(FormatArithmetic.add(acc, operand, to: .fp16, rule: .nearestEven, overflow: .infinity))
                                        acc = abs(sum) < 0x1p-14 ? 0 : sum
                                    } else {
                                        acc = accFormat.decode(FormatArithmetic.add(acc, e * Double(1 << b), to: .fp32, rule: .nearestEven, overflow: .infinity))
                                    }
                                }
                            }
                            for kk in (gi * g)..<min((gi + 1) * g, k) { sumA = f32(sumA + Double(a[row * k + kk])) }
                            let coefficient = Double((1 << bits) - 1) / 2 - Double(z[gi * n + c])
                            let u = f32(acc / 2 + f32(coefficient * sumA))
                            y = f32(y + f32(Double(s[gi * n + c]) * u))
                        }
                        #expect(r.bits[row * n + c] == Float(y).bitPattern, "mode \(mode) k \(k) row \(row) col \(c)")
                    }
                }
            }
        }
    }
}
