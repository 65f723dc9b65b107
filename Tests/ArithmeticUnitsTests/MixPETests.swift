import Testing
@testable import ArithmeticUnits
import NumberFormats

/// MixPE against exact integer math and correctly rounded FP32 steps computed by
/// NumberFormats' FormatArithmetic (an independent path from the unit's kernels).
@Suite struct MixPETests {
    @Test("every 4-bit weight × every int8 activation: shift-add equals the exact product")
    func shiftAddExhaustive() {
        for w in 0..<16 {
            for a in -128...127 {
                let r = ShiftAddMultiplier.multiply(activation: Int8(a), weight: UInt8(w))
                #expect(r.product == Int32(a * w))
                #expect(r.adds + (w == 0 ? 0 : 1) <= w.nonzeroBitCount)   // at most popcount(w) adds incl. accumulate
                #expect(r.shifts == (w >> 1).nonzeroBitCount)
            }
        }
    }

    static func randomOperands(m: Int, k: Int, n: Int, g: Int, seed: UInt64, fp16: Bool) -> MixPEOperands {
        var rng = SplitMix64(seed: seed)
        let groups = (k + g - 1) / g
        let w = (0..<(k * n)).map { _ in UInt8(rng.next() % 16) }
        let z = (0..<(groups * n)).map { _ in Int32(rng.next() % 16) }
        // FP16 scales: random fp16 codes of moderate magnitude.
        let s = (0..<(groups * n)).map { _ in Float(ElementFormat.fp16.decode(UInt32(0x1C00 + rng.next() % 0x1000))) }
        let acts: MixPEOperands.Activations
        if fp16 {
            acts = .fp16((0..<(m * k)).map { _ in Float(ElementFormat.fp16.decode(UInt32(rng.next() % 0x7C00) | (rng.next() % 2 == 0 ? 0 : 0x8000))) * 0x1p-10 })
        } else {
            acts = .int8(codes: (0..<(m * k)).map { _ in Int8(truncatingIfNeeded: rng.next()) },
                         rowScales: (0..<m).map { _ in Float(rng.nextUnit() + 0.01) })
        }
        return MixPEOperands(m: m, k: k, n: n, groupSize: g, weightCodesKN: w, zeroPoints: z, scales: s, activations: acts)
    }

    static func f32(_ op: (ElementFormat, RoundingRule, OverflowPolicy) -> UInt32) -> Double {
        ElementFormat.fp32.decode(op(.fp32, .nearestEven, .infinity))
    }

    @Test("W4A8 random tiles equal exact integer groups + FP32 dequant", arguments: [(32, 1), (64, 2), (128, 3)])
    func w4a8Random(g: Int, seed: UInt64) {
        for k in [g, 3 * g + 5, 4096] {
            let (m, n) = (3, 4)
            let ops = Self.randomOperands(m: m, k: k, n: n, g: g, seed: seed &+ UInt64(k), fp16: false)
            guard case .int8(let a, let sa) = ops.activations else { return }
            let r = MixPEKernel.w4a8(ops, codes: a, rowScales: sa, order: .sequential, accumulator: .int32)
            for row in 0..<m {
                for c in 0..<n {
                    var y = 0.0
                    for gi in 0..<ops.groupCount {
                        var acc = 0, sumA = 0
                        for kk in (gi * g)..<min((gi + 1) * g, k) {
                            let w = Int(ops.weightCodesNK[c * k + kk])
                            acc += Int(a[row * k + kk]) * w
                            sumA += Int(a[row * k + kk])
                        }
                        let d = Double(acc - Int(ops.zeroPoints[gi * n + c]) * sumA)   // exact: |d| < 2^24
                        let sd = Self.f32 { FormatArithmetic.mul(Double(ops.scales[gi * n + c]), d, to: $0, rule: $1, overflow: $2) }
                        y = Self.f32 { FormatArithmetic.add(y, sd, to: $0, rule: $1, overflow: $2) }
                    }
                    y = Self.f32 { FormatArithmetic.mul(Double(sa[row]), y, to: $0, rule: $1, overflow: $2) }
                    #expect(r.bits[row * n + c] == Float(y).bitPattern, "row \(row) col \(c) k \(k)")
                }
            }
        }
    }

    @Test("W4A16 random tiles equal FP32 sequential accumulation, for several chunkings", arguments: [32, 64, 128])
    func w4a16Random(g: Int) {
        for (k, chunk) in [(g, nil), (2 * g + 7, 16), (4096, 128)] as [(Int, Int?)] {
            let (m, n) = (2, 9)            // two blocks of 4 columns and one column alone
            let ops = Self.randomOperands(m: m, k: k, n: n, g: g, seed: UInt64(g * k), fp16: true)
            guard case .fp16(let a) = ops.activations else { return }
            let order = AccumulationOrder(kChunk: chunk)
            let r = MixPEKernel.w4a16(ops, values: a, order: order)
            for row in 0..<m {
                for c in 0..<n {
                    var y = 0.0
                    for gi in 0..<ops.groupCount {
                        var acc = 0.0, sumA = 0.0
                        for ch in order.chunks(of: (gi * g)..<min((gi + 1) * g, k)) {
                            var pAcc = 0.0, pSum = 0.0
                            for kk in ch {
                                let av = Double(a[row * k + kk])
                                pAcc = Self.f32 { FormatArithmetic.fma(av, Double(ops.weightCodesNK[c * k + kk]), pAcc, to: $0, rule: $1, overflow: $2) }
                                pSum = Self.f32 { FormatArithmetic.add(pSum, av, to: $0, rule: $1, overflow: $2) }
                            }
                            acc = Self.f32 { FormatArithmetic.add(acc, pAcc, to: $0, rule: $1, overflow: $2) }
                            sumA = Self.f32 { FormatArithmetic.add(sumA, pSum, to: $0, rule: $1, overflow: $2) }
                        }
                        let t = Self.f32 { FormatArithmetic.mul(Double(ops.zeroPoints[gi * n + c]), sumA, to: $0, rule: $1, overflow: $2) }
                        let d = Self.f32 { FormatArithmetic.add(acc, -t, to: $0, rule: $1, overflow: $2) }
                        let sd = Self.f32 { FormatArithmetic.mul(Double(ops.scales[gi * n + c]), d, to: $0, rule: $1, overflow: $2) }
                        y = Self.f32 { FormatArithmetic.add(y, sd, to: $0, rule: $1, overflow: $2) }
                    }
                    #expect(r.bits[row * n + c] == Float(y).bitPattern, "row \(row) col \(c) k \(k)")
                }
            }
        }
    }

    /// A 16-bit wrapping accumulator overflows on 128 products of 127·15 = 1905 (sum 243840);
    /// the expected bits are the exact sum reduced mod 2^16 and sign-extended.
    @Test func narrowAccumulatorWrapsAndSaturates() {
        let k = 128
        let ops = MixPEOperands(m: 1, k: k, n: 1, groupSize: k, weightCodesKN: [UInt8](repeating: 15, count: k),
                                zeroPoints: [0], scales: [1], activations: .int8(codes: [Int8](repeating: 127, count: k), rowScales: [1]))
        let wrapped = MixPEKernel.w4a8(ops, codes: [Int8](repeating: 127, count: k), rowScales: [1], order: .sequential,
                                       accumulator: IntegerAccumulator(bits: 16, overflow: .wrap))
        let exact = 243_840
        let expectedWrap = Int16(truncatingIfNeeded: exact)
        #expect(Float(bitPattern: wrapped.bits[0]) == Float(expectedWrap))
        let saturated = MixPEKernel.w4a8(ops, codes: [Int8](repeating: 127, count: k), rowScales: [1], order: .sequential,
                                         accumulator: IntegerAccumulator(bits: 16, overflow: .saturate))
        #expect(Float(bitPattern: saturated.bits[0]) == 32767)
    }

    /// Closed forms: adds per product ≤ popcount(w); shifts = set bits above bit 0; M·N·K register reads.
    @Test func actionCountsClosedForm() {
        let ops = Self.randomOperands(m: 2, k: 64, n: 3, g: 32, seed: 9, fp16: false)
        guard case .int8(let a, let sa) = ops.activations else { return }
        let r = MixPEKernel.w4a8(ops, codes: a, rowScales: sa, order: .sequential, accumulator: .int32)
        let pop = ops.weightCodesNK.reduce(0) { $0 + $1.nonzeroBitCount }
        let high = ops.weightCodesNK.reduce(0) { $0 + ($1 >> 1).nonzeroBitCount }
        let nonzero = ops.weightCodesNK.filter { $0 != 0 }.count
        #expect(r.counts[Action(.shift, bits: 8)] == UInt64(2 * high))
        #expect(r.counts[Action(.intAdd, bits: 12)] + UInt64(2 * nonzero) == UInt64(2 * pop))
        #expect(r.counts[Action(.regRead, bits: 8)] == UInt64(2 * 3 * 64))
    }
}

/// MixPE-W4A16's FP32 adds in closed form: one per nonzero-weight product, one per
/// activation in the per-group activation sums (m·k), two per (row, column, group).
@Suite struct MixPEW4A16AddCountTests {
    @Test func fpAddsInClosedForm() throws {
        let m = 3, k = 256, n = 5, g = 128
        var rng = SplitMix64(seed: 11)
        let a = try #require(Matrix(rows: m, cols: k, storage: (0..<(m * k)).map { _ in Double(rng.next() % 200) / 100 - 1 }))
        let b = try #require(Matrix(rows: k, cols: n, storage: (0..<(k * n)).map { _ in Double(rng.next() % 200) / 1000 - 0.1 }))
        let unit = MixPE(mode: .w4a16, groupSize: g)
        let ops = try unit.quantize(activations: a, weights: b)
        let nonzero = ops.weightCodesNK.filter { $0 != 0 }.count * m
        let r = unit.gemm(ops, order: .sequential)
        #expect(r.actions[Action(.fpAdd, bits: 32)] == UInt64(nonzero + m * k + 2 * m * n * (k / g)))
    }
}
