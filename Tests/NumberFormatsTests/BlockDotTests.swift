import Testing
@testable import NumberFormats

/// MX / NVFP4 block dot products (numeric-units.md §1.3, §8.3). Expected values come from an
/// independent integer model of the element codes (written out here from the bit layouts),
/// summed exactly in `Int64`, scaled exactly, and rounded to FP32 by the IEEE `Double → Float`
/// conversion; blocks are then summed with IEEE `Float` additions.
@Suite struct BlockDotTests {
    /// E2M1 code → value in units of 1/2 (§1.1 table: 0, .5, 1, 1.5, 2, 3, 4, 6).
    static func e2m1Halves(_ c: UInt8) -> Int64 {
        let m: [Int64] = [0, 1, 2, 3, 4, 6, 8, 12]
        return c & 8 != 0 ? -m[Int(c & 7)] : m[Int(c & 7)]
    }

    /// E4M3 code → value in units of 2^-9 (bias 7: normal (8+m)·2^(e−1), subnormal m).
    static func e4m3Units(_ c: UInt8) -> Int64 {
        let e = Int64((c >> 3) & 0xF), m = Int64(c & 7)
        let mag = e == 0 ? m : (8 + m) << (e - 1)
        return c & 0x80 != 0 ? -mag : mag
    }

    /// int8 two's complement (units of 2^-6 in MXINT8).
    static func int8(_ c: UInt8) -> Int64 { Int64(Int8(bitPattern: c)) }

    /// A block made directly from codes (values are not used by the dot product).
    static func block(_ scaleCode: UInt32, _ codes: [UInt8], scale: Double) -> QuantizedBlock {
        QuantizedBlock(scaleCode: scaleCode, scale: scale, codes: codes, values: codes.map { _ in 0 })
    }

    /// 2^e for any e in the Double normal range (stdlib only).
    static func p2(_ e: Int) -> Double { Double(sign: .plus, exponent: e, significand: 1) }

    /// Random seeded MX vectors: exact integer Σ per block, one FP32 rounding, FP32 accumulation.
    func randomMX(format: BlockFormat, unitExponent: Int, codes: (inout SplitMix64) -> UInt8,
                  integer: (UInt8) -> Int64, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for trial in 0..<200 {
            let blocks = 1 + Int(rng.next() % 4)
            let count = (blocks - 1) * 32 + 1 + Int(rng.next() % 32)   // last block partial
            var a: [QuantizedBlock] = [], b: [QuantizedBlock] = []
            var expected: Float = 0
            for blk in 0..<blocks {
                let n = min(32, count - blk * 32)
                let ca = (0..<n).map { _ in codes(&rng) }, cb = (0..<n).map { _ in codes(&rng) }
                let ea = 100 + Int(rng.next() % 50), eb = 100 + Int(rng.next() % 50)
                a.append(Self.block(UInt32(ea), ca, scale: Self.p2(ea - 127)))
                b.append(Self.block(UInt32(eb), cb, scale: Self.p2(eb - 127)))
                var s: Int64 = 0
                for i in 0..<n { s += integer(ca[i]) * integer(cb[i]) }
                // |s| < 2^53, so Double(s) · 2^k is exact; Float(_:) rounds it once (RNE).
                let exact = Double(s) * Self.p2(2 * unitExponent + ea + eb - 254)
                expected += Float(exact)
            }
            let ta = QuantizedTensor(format: format, count: count, tensorScale: 1, blocks: a)
            let tb = QuantizedTensor(format: format, count: count, tensorScale: 1, blocks: b)
            let got = BlockDot.dot(ta, tb)
            #expect(got?.bitPattern == expected.bitPattern, "trial \(trial): \(String(describing: got)) vs \(expected)")
        }
    }

    @Test func randomMXFP4() {
        randomMX(format: .mxfp4, unitExponent: -1, codes: { UInt8($0.next() & 0xF) }, integer: Self.e2m1Halves, seed: 1)
    }

    @Test func randomMXFP8E4M3() {
        randomMX(format: .mxfp8E4M3, unitExponent: -9, codes: { rng in
            var c: UInt8
            repeat { c = UInt8(truncatingIfNeeded: rng.next()) } while c & 0x7F == 0x7F   // skip NaN
            return c
        }, integer: Self.e4m3Units, seed: 2)
    }

    @Test func randomMXINT8() {
        randomMX(format: .mxint8, unitExponent: -6, codes: { UInt8(truncatingIfNeeded: $0.next()) },
                 integer: Self.int8, seed: 3)
    }

    @Test("quantized MXFP4 vectors: dot equals the FP32 sum of exactly-rounded block products")
    func quantizedMXFP4() {
        var rng = SplitMix64(seed: 9)
        let x = (0..<70).map { _ in rng.nextUnit() * 8 - 4 }, y = (0..<70).map { _ in rng.nextUnit() * 2 - 1 }
        let a = BlockFormat.mxfp4.quantize(x), b = BlockFormat.mxfp4.quantize(y)
        var expected: Float = 0
        for (ba, bb) in zip(a.blocks, b.blocks) {
            var s: Int64 = 0
            for i in ba.codes.indices { s += Self.e2m1Halves(ba.codes[i]) * Self.e2m1Halves(bb.codes[i]) }
            expected += Float(Double(s) * Self.p2(-2 + Int(ba.scaleCode) + Int(bb.scaleCode) - 254))
        }
        #expect(BlockDot.dot(a, b) == expected)
        // The block values agree with the decoded values too.
        var direct = 0.0
        for (u, v) in zip(a.blocks[0].values, b.blocks[0].values) { direct += u * v }   // exact here: few bits
        #expect(BlockDot.blockProduct(a.blocks[0], b.blocks[0], format: .mxfp4) == Float(direct))
    }

    @Test("one FP32 rounding per block, including FP32 subnormals and overflow")
    func roundingOnce() {
        // 1.5 · 1.0 = 6 quarter-units; scales 2^(52−127), 2^(53−127) → 6 · 2^-2 · 2^-149 = 1.5 · 2^-149:
        // a tie between FP32 subnormals 1·2^-149 and 2·2^-149 → even → 2^-148.
        let a = Self.block(52, [0x3], scale: Self.p2(-75)), b = Self.block(53, [0x2], scale: Self.p2(-74))
        #expect(BlockDot.blockProduct(a, b, format: .mxfp4) == Float(bitPattern: 2))
        // 6 · 6 · 2^127 · 2^127 = 36 · 2^254 → +∞ in FP32
        let big = Self.block(254, [0x7], scale: Self.p2(127))
        #expect(BlockDot.blockProduct(big, big, format: .mxfp4) == .infinity)
    }

    @Test("MXFP8 E5M2 needs more than 64 bits: 128-bit exact sum, tie broken by a tiny term")
    func e5m2Wide() {
        // Elements (E5M2 codes, bias 15): 2^15 = 0x78, 2^9 = 0x60, 1 = 0x3C, 2^-16 = 0x01.
        // Products: 2^15·2^9 = 2^24, 1·1 = 1, 2^-16·2^-16 = 2^-32.
        // Exact sum 2^24 + 1 + 2^-32: just above the FP32 midpoint 2^24 + 1 → 2^24 + 2.
        let a = Self.block(127, [0x78, 0x3C, 0x01], scale: 1), b = Self.block(127, [0x60, 0x3C, 0x01], scale: 1)
        let s = BlockDot.exactBlockSum(a, b, format: .mxfp8E5M2)
        #expect(s.integer == nil || s.integer! > (Int64(1) << 53))   // 2^56 + 2^32 + 1 in 2^-32 units
        #expect(s.exponent == -32)
        #expect(BlockDot.blockProduct(a, b, format: .mxfp8E5M2) == 16_777_218)
        // Without the tiny term: an exact tie → even → 2^24.
        let a2 = Self.block(127, [0x78, 0x3C], scale: 1), b2 = Self.block(127, [0x60, 0x3C], scale: 1)
        #expect(BlockDot.blockProduct(a2, b2, format: .mxfp8E5M2) == 16_777_216)
        // 32 products of the largest E5M2 value 57344 = 7·2^13 (code 0x7B): 32 · 49 · 2^26 = 49 · 2^31,
        // an integer of 2^-32 units beyond 64 bits (49 · 2^63).
        let m = Self.block(127, [UInt8](repeating: 0x7B, count: 32), scale: 1)
        let w = BlockDot.exactBlockSum(m, m, format: .mxfp8E5M2)
        #expect(w.integer == nil && w.high == 24 && w.low == UInt64(1) << 63)   // 49·2^63 = 24·2^64 + 2^63
        #expect(BlockDot.blockProduct(m, m, format: .mxfp8E5M2) == 49 * 0x1p31)
    }

    @Test("NaN scales and NaN elements make the dot NaN; shapes must match")
    func specials() {
        let nanBlock = Self.block(0xFF, [0x2], scale: .nan), one = Self.block(127, [0x2], scale: 1)
        #expect(BlockDot.blockProduct(nanBlock, one, format: .mxfp4).isNaN)
        let nanElem = Self.block(127, [0x7F], scale: 1), e4 = Self.block(127, [0x38], scale: 1)
        #expect(BlockDot.blockProduct(nanElem, e4, format: .mxfp8E4M3).isNaN)
        // E5M2 +∞ (0x7C) times 1 (0x3C) → +∞; +∞ + (−∞) → NaN
        let inf = Self.block(127, [0x7C], scale: 1), pos = Self.block(127, [0x3C], scale: 1)
        #expect(BlockDot.blockProduct(inf, pos, format: .mxfp8E5M2) == .infinity)
        let both = Self.block(127, [0x7C, 0xFC], scale: 1), ones = Self.block(127, [0x3C, 0x3C], scale: 1)
        #expect(BlockDot.blockProduct(both, ones, format: .mxfp8E5M2).isNaN)
        let a = BlockFormat.mxfp4.quantize([1, 2, 3]), b = BlockFormat.mxfp4.quantize([1, 2])
        #expect(BlockDot.dot(a, b) == nil)
        #expect(BlockDot.dot(a, BlockFormat.nvfp4.quantize([1, 2, 3])) == nil)
    }

    @Test("NVFP4: E4M3 block scales inside the exact block sum, tensor scales at the end")
    func nvfp4() {
        // The hand-worked tensor of NVFP4QuantizerTests (s_tensor = 1):
        // block 0: 6·6 · 448·448 = 7 225 344; block 1: (36 + 4 + 0 + 4 + 2.25 + 0.25) · 10·10 = 4650.
        let v: [Double] = [2688] + [Double](repeating: 0, count: 15) + [57, 24, -2.375, 25, -14.25, 4.75, 2.375, 0]
        let t = BlockFormat.nvfp4.quantize(v)
        #expect(BlockDot.dot(t, t) == 7_229_994)
        // Tensor scales: 1/2 and 1/4 → the FP32 sum times 1/8.
        let a = BlockFormat.nvfp4.quantize([3, 1.5], options: .init(tensorScale: 0.5))
        let b = BlockFormat.nvfp4.quantize([2, 1], options: .init(tensorScale: 0.25))
        // a: s_block = 3/(6·0.5) = 1, elements 6, 3; b: s_block = 2/(6·0.25) = 4/3 → E4M3 1.375
        // (1.333… between 1.25 and 1.375, nearer 1.375), elements 2/(1.375·0.25) = 5.82 → 6,
        // 1/(0.34375) = 2.909 → 3. Block sum (6·6 + 3·3) · 1 · 1.375 = 61.875; × 0.5 · 0.25 = 7.734375
        #expect(b.blocks[0].scale == 1.375 && b.blocks[0].codes == [0x7, 0x5])
        #expect(BlockDot.dot(a, b) == 7.734375)
        // The exact block sum: Σ = 180 quarter-units (45) times 512 · 704 in 2^-18 units → 2^-20 overall
        let s = BlockDot.exactBlockSum(a.blocks[0], b.blocks[0], format: .nvfp4)
        #expect(s.integer == 180 * 512 * 704 && s.exponent == -20)
    }
}
