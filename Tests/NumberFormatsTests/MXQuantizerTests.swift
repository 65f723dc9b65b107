import Testing
@testable import NumberFormats

/// MX block quantization: numeric-units.md §1.3, §1.5, §8.1, §8.2. Every expected value is
/// worked out by hand in the comments.
@Suite struct MXQuantizerTests {
    /// One block with the given values followed by nothing (a partial block is fine).
    func mx(_ values: [Double], _ f: BlockFormat = .mxfp4, _ o: BlockQuantizationOptions = .standard) -> QuantizedBlock {
        let t = f.quantize(values, options: o)
        return t.blocks[0]
    }

    @Test func catalog() {
        #expect(BlockFormat.all.map(\.name) == ["mxfp4", "mxfp6-e2m3", "mxfp6-e3m2", "mxfp8-e4m3", "mxfp8-e5m2", "mxint8", "nvfp4",
                                                "mxint4", "nvint4"])
        #expect(BlockFormat.named("MXFP4") == .mxfp4 && BlockFormat.named("nope") == nil)
        // 4 + 8/32, 6 + 8/32, 8 + 8/32, 4 + 8/16
        #expect(BlockFormat.mxfp4.bitsPerElement == 4.25)
        #expect(BlockFormat.mxfp6E3M2.bitsPerElement == 6.25)
        #expect(BlockFormat.mxint8.bitsPerElement == 8.25)
        #expect(BlockFormat.nvfp4.bitsPerElement == 4.5)
        #expect(BlockFormat.mxfp4.blockSize == 32 && BlockFormat.nvfp4.blockSize == 16)
        #expect(BlockFormat.all.map(\.elementEmax) == [2, 2, 4, 8, 15, 0, 0, 0, 0])
        #expect(BlockFormat.mxint8.elementMax == 1.984375)
    }

    @Test("§1.5: amax 6.0 → shared_exp 2−2 = 0 → E8M0 code 127")
    func amaxSix() {
        let b = mx([6.0, -3.0, 1.0])
        #expect(b.scaleCode == 127 && b.scale == 1)
        #expect(b.codes == [0x7, 0xD, 0x2])
        #expect(b.values == [6, -3, 1])
    }

    @Test("§1.5: amax 7.0 → code 127 too, and 7.0 saturates to 6.0")
    func amaxSeven() {
        let b = mx([7.0, 0.5])
        #expect(b.scaleCode == 127)
        #expect(b.values == [6.0, 0.5])
        // With overflow .infinity E2M1 has neither Inf nor NaN, so it still saturates.
        #expect(mx([7.0], .mxfp4, .init(overflow: .infinity)).values == [6.0])
    }

    @Test("§1.5: amax 0.3 → X = 2^-4; 0.3/X = 4.8 → 4 under RNE and half-away → 0.25")
    func amaxPointThree() {
        for rule in [RoundingRule.nearestEven, .nearestAway] {
            let b = mx([0.3], .mxfp4, .init(rounding: rule))
            #expect(b.scaleCode == 127 - 4)
            #expect(b.scale == 0x1p-4)
            #expect(b.codes == [0x6])       // 4.0
            #expect(b.values == [0.25])
        }
    }

    @Test("§1.5 tie table at X = 2^0 (6.0 pins the scale): RNE vs half-away")
    func tieTable() {
        let input: [Double] = [6.0, 0.25, 0.75, 1.25, 2.5, 5.0, -2.5]
        // RNE: 0.25 → 0 (tie 0/0.5, even 0); 0.75 → 1 (tie .5/1, even 1); 1.25 → 1; 2.5 → 2; 5 → 4
        #expect(mx(input).values == [6, 0, 1, 1, 2, 4, -2])
        // half-away: 0.25 → 0.5; 0.75 → 1; 1.25 → 1.5; 2.5 → 3; 5 → 6
        #expect(mx(input, .mxfp4, .microxcaling).values == [6, 0.5, 1, 1.5, 3, 6, -3])
    }

    @Test("shared_exp above 127 → NaN scale 0xFF, whole block NaN; 127 itself is fine")
    func nanScale() {
        // floor(log2 2^130) − 2 = 128 > 127
        let b = mx([0x1p130, 1.0])
        #expect(b.scaleCode == 0xFF && b.isNaN)
        #expect(b.values.allSatisfy { $0.isNaN })
        #expect(b.codes == [0, 0])
        // 2^129: shared_exp 127 → code 254; 2^129 / 2^127 = 4 → code 0x6
        let ok = mx([0x1p129, -0x1p127])
        #expect(ok.scaleCode == 254 && ok.codes == [0x6, 0xA] && ok.values == [0x1p129, -0x1p127])
        #expect(MXQuantizer.sharedExponent(amax: 0x1p130, emax: 2) == nil)
        #expect(MXQuantizer.scaleCode(amax: 0x1p130, emax: 2) == 0xFF)
        #expect(ElementFormat.e8m0.decode(0xFF).isNaN)
    }

    @Test("zero block → scale code 0 (2^-127), elements 0")
    func zeroBlock() {
        let b = mx([0, 0, 0, 0])
        #expect(b.scaleCode == 0 && b.scale == 0x1p-127)
        #expect(b.codes == [0, 0, 0, 0] && b.values == [0, 0, 0, 0])
        #expect(MXQuantizer.sharedExponent(amax: 0, emax: 2) == -127)
    }

    @Test("shared_exp below −127 clamps to −127")
    func clampLow() {
        // floor(log2 2^-126) − 2 = −128 → −127: 2^-126 / 2^-127 = 2 → code 0x4, exact round trip
        let b = mx([0x1p-126, -0x1p-127])
        #expect(b.scaleCode == 0 && b.codes == [0x4, 0xA] && b.values == [0x1p-126, -0x1p-127])
        // 2^-200: far below; 2^-200 / 2^-127 = 2^-73 → 0
        let tiny = mx([0x1p-200])
        #expect(tiny.scaleCode == 0 && tiny.values == [0])
        // A subnormal Double amax (exponent −1074) clamps too; half-away still gives 0 (below 0.25)
        #expect(mx([0x1p-1074], .mxfp4, .microxcaling).values == [0])
        #expect(MXQuantizer.sharedExponent(amax: 0x1p-1074, emax: 2) == -127)
        // Directed rounding sees the exact (non-zero) quotient: up → 0.5 · 2^-127
        #expect(mx([0x1p-1074], .mxfp4, .init(rounding: .up)).values == [0x1p-128])
    }

    @Test("floor(log2) comes from the exponent bits: values just below a power of two")
    func floorLog2() {
        let justBelow = 8.0.nextDown   // floor(log2) = 2 → shared_exp 0
        #expect(MXQuantizer.sharedExponent(amax: justBelow, emax: 2) == 0)
        #expect(MXQuantizer.sharedExponent(amax: 8.0, emax: 2) == 1)
        #expect(MXQuantizer.sharedExponent(amax: 0.3, emax: 2) == -4)
        #expect(MXQuantizer.sharedExponent(amax: 1.0, emax: 8) == -8)
    }

    @Test("partial last block: 40 values → blocks of 32 and 8 with independent scales")
    func partialBlock() {
        var v = [Double](repeating: 1.0, count: 40)
        v[0] = 6.0            // block 0: amax 6 → code 127
        v[32] = 0.375         // block 1: amax 1 → shared_exp 0 − 2 = −2 → code 125, X = 1/4
        let t = BlockFormat.mxfp4.quantize(v)
        #expect(t.blocks.count == 2 && t.count == 40)
        #expect(t.blocks[0].codes.count == 32 && t.blocks[1].codes.count == 8)
        #expect(t.scaleCodes == [127, 125])
        // 0.375 / 0.25 = 1.5 (exact, code 0x3); 1 / 0.25 = 4 (code 0x6)
        #expect(t.blocks[1].codes == [0x3] + [UInt8](repeating: 0x6, count: 7))
        #expect(t.values == v)
        #expect(t.dequantize() == t.values)
    }

    @Test("the quantize doc example: amax 0.3 → X = 2^-4; 1.6 → 1.5 (below the 1.75 midpoint); −0.8 → −1")
    func docExample() {
        let t = BlockFormat.mxfp4.quantize([0.3, 0.1, -0.05])
        #expect(t.scaleCodes == [123])
        #expect(t.values == [0.25, 0.09375, -0.0625])
        // 2.5: floor(log2) 1 → X = 2^-1; 5 is a tie 4/6 → away → 6 → 3.0
        #expect(BlockFormat.mxfp4.quantize([2.5], options: .microxcaling).values == [3.0])
        #expect(BlockFormat.mxfp4.quantize([2.5]).values == [2.0])
    }

    @Test("an empty vector has no blocks")
    func empty() {
        #expect(BlockFormat.mxfp4.quantize([]).blocks.isEmpty)
    }

    @Test("non-finite inputs: ±∞ → NaN scale; NaN → NaN scale unless the element has a NaN")
    func nonFinite() {
        #expect(mx([1, .infinity]).scaleCode == 0xFF)
        #expect(mx([1, -.infinity], .mxfp8E5M2).scaleCode == 0xFF)
        #expect(mx([1, .nan]).scaleCode == 0xFF)                 // E2M1 has no NaN
        #expect(mx([1, .nan], .mxint8).scaleCode == 0xFF)
        // E4M3 has NaN (0x7F): the NaN stays an element, amax = 3 → floor 1 − 8 = −7
        let b = mx([3.0, .nan, -1.0], .mxfp8E4M3)
        #expect(b.scaleCode == 120)
        #expect(b.codes[1] == 0x7F && b.values[1].isNaN)
        #expect(b.values[0] == 3.0 && b.values[2] == -1.0)
    }

    @Test("MXINT8: fixed point 1.6 with symmetric clamp to ±127/64")
    func mxint8() {
        // amax 1.99 → floor(log2) 0, emax 0 → X = 1. 1.99·64 = 127.36 → 127; 1 → 64; −1 → −64; 0.5 → 32
        let b = mx([1.99, 1.0, -1.0, 0.5], .mxint8)
        #expect(b.scaleCode == 127)
        #expect(b.codes == [127, 64, 0xC0, 32])
        #expect(b.values == [127.0 / 64, 1, -1, 0.5])
        // −1.999·64 = −127.94 → −128, clamped to −127 (code 0x81), never 0x80
        let c = mx([-1.999], .mxint8)
        #expect(c.codes == [0x81] && c.values == [-127.0 / 64])
        // 3.0: floor(log2 3) = 1 → X = 2; 1.5·64 = 96
        #expect(mx([3.0], .mxint8).values == [3.0] && mx([3.0], .mxint8).scaleCode == 128)
    }

    @Test("MXFP8/MXFP6 elements: emax and saturation")
    func otherElements() {
        // E5M2: amax 65000 → floor(log2) 15 − 15 = 0 → X = 1; 65000 > midpoint 61440 of
        // 57344 and 65536 → 65536 → saturates to 57344
        #expect(mx([65000], .mxfp8E5M2).values == [57344])
        // E4M3: amax 500 → floor 8 − 8 = 0; 500 → 512 on the unbounded grid → saturate 448
        #expect(mx([500], .mxfp8E4M3).values == [448])
        // E3M2: amax 30 → floor 4 − 4 = 0; 30 rounds to 32 (tie 28/32 → even 32) → saturate 28
        #expect(mx([30], .mxfp6E3M2).values == [28])
        // E2M3: amax 7.75 → floor 2 − 2 = 0; 7.75 tie 7.5/8 → 8 (even) → saturate 7.5
        #expect(mx([7.75], .mxfp6E2M3).values == [7.5])
        // E2M3 subnormal step 1/8 at X = 1: 0.0625 is a tie 0/0.125 → 0 under RNE
        #expect(mx([7.5, 0.0625], .mxfp6E2M3).values == [7.5, 0])
    }

    @Test("stochastic rounding is reproducible from the seed")
    func stochasticSeeded() {
        let v = (0..<64).map { Double($0) * 0.037 - 1.1 }
        let a = BlockFormat.mxfp4.quantize(v, options: .init(rounding: .stochastic, seed: 7))
        let b = BlockFormat.mxfp4.quantize(v, options: .init(rounding: .stochastic, seed: 7))
        #expect(a == b)
        // Every stochastic result is one of the two neighbours.
        let down = BlockFormat.mxfp4.quantize(v, options: .init(rounding: .down)).values
        let up = BlockFormat.mxfp4.quantize(v, options: .init(rounding: .up)).values
        for i in v.indices { #expect(a.values[i] == down[i] || a.values[i] == up[i]) }
    }

    @Test("decoding from codes matches the quantizer's values")
    func decodeFromCodes() {
        #expect(BlockFormat.mxfp4.value(code: 0x5, scaleCode: 126) == 1.5)
        #expect(BlockFormat.mxfp4.value(code: 0x5, scaleCode: 0xFF).isNaN)
        #expect(BlockFormat.mxint8.value(code: 0x80, scaleCode: 127) == -2)
        #expect(BlockFormat.nvfp4.value(code: 0x7, scaleCode: 0x38, tensorScale: 0.5) == 3)
    }
}
