import Testing
@testable import NumberFormats

/// The formats of issue 14 item 5: E3M4, NF4, UE4M3, UE5M3, MXINT4, NVINT4 and the UE4M3 /
/// UE5M3 scale options. Expected values worked out by hand in the comments.
@Suite struct NewFormatTests {
    @Test func elementFacts() throws {
        let e3m4 = ElementFormat.e3m4
        // Bias 3, exponent 111 reserved: max 1.1111₂ · 2^(6−3) = 15.5; min subnormal 2^(1−3−4) = 2^-6.
        #expect(e3m4.bits == 8 && e3m4.maxFinite == 15.5 && e3m4.decode(0x01) == 0x1p-6 && e3m4.hasInfinity)
        #expect(e3m4.decode(0x70) == .infinity && e3m4.decode(0x71).isNaN && e3m4.decode(0x30) == 1)   // 0 011 0000: 2^(3−3)
        let nf4 = ElementFormat.nf4
        #expect(nf4.decode(0x0) == -1 && nf4.decode(0x7) == 0 && nf4.decode(0xF) == 1)
        #expect(nf4.decode(0x8) == Double(Float(0.07958029955625534)))
        // 0.5 lies between 0.44070982933044434 (0xC, 0.0593 away) and 0.5626170039176941 (0xD, 0.0626 away).
        #expect(nf4.encode(0.5) == 0xC && nf4.encode(-0.0) == 0x7 && nf4.encode(3) == 0xF && nf4.kind == "lookup")
        let ue4m3 = ElementFormat.ue4m3, ue5m3 = ElementFormat.ue5m3
        // UE4M3: 7 bits, the positive half of E4M3: 0x7E = 1.75 · 2^8 = 448, 0x7F NaN.
        #expect(ue4m3.bits == 7 && ue4m3.maxFinite == 448 && ue4m3.minFinite == 0 && ue4m3.nanCode == 0x7F)
        #expect(ue4m3.decode(0x01) == 0x1p-9 && ue4m3.kind == "scale" && !ue4m3.isSigned)
        // UE5M3: bias 15: 0xFE = 11111.110 = 1.75 · 2^(31−15) = 114688 (11111.111 is NaN); min subnormal 2^(1−15−3) = 2^-17.
        #expect(ue5m3.bits == 8 && ue5m3.maxFinite == 114688 && ue5m3.decode(0x01) == 0x1p-17 && ue5m3.nanCode == 0xFF)
        // Negatives clamp to +0 whatever the overflow policy; too large saturates or gives NaN.
        #expect(ue5m3.encode(-3) == 0 && ue5m3.encode(-.infinity, overflow: .infinity) == 0)
        #expect(ue5m3.encode(1e9) == 0xFE && ue5m3.encode(1e9, overflow: .infinity) == 0xFF)
        #expect(ElementFormat.all.suffix(4).map(\.name) == ["e3m4", "nf4", "ue4m3", "ue5m3"])
    }

    @Test func mxint4() {
        let f = BlockFormat.mxint4
        #expect(f.bitsPerElement == 4.25 && f.elementMax == 1.75)
        // amax 1.5: shared_exp floor(log2 1.5) − 0 = 0 (code 127); steps of 2^-2:
        // 1.5 → 6 (1.5), −0.3 → −1.2 → −1 (−0.25, code 0xF), 0.1 → 0.4 → 0.
        let b = f.quantize([1.5, -0.3, 0.1]).blocks[0]
        #expect(b.scaleCode == 127 && b.codes == [0x6, 0xF, 0x0] && b.values == [1.5, -0.25, 0])
        // −1.9 / 0.25 = −7.6 → −8 (code 0x8) → clamped to −7: −1.75.
        let c = f.quantize([-1.9, 1.0]).blocks[0]
        #expect(c.codes == [0x9, 0x4] && c.values == [-1.75, 1.0])
    }

    @Test func nvint4() {
        let f = BlockFormat.nvint4
        #expect(f.bitsPerElement == 4.5 && f.elementMax == 7 && f.scaleFormat == .e4m3)
        // amax 3136 = 7 · 448 → s_tensor = 1; s_block = E4M3(3136 / 7 = 448) = 0x7E;
        // 3136 / 448 = 7; −1568 / 448 = −3.5 → −4 (tie to even, code 0xC); 100 / 448 → 0.
        let t = f.quantize([3136, -1568, 100])
        #expect(t.tensorScale == 1 && t.blocks[0].scaleCode == 0x7E)
        #expect(t.blocks[0].codes == [0x7, 0xC, 0x0] && t.values == [3136, -1792, 0])
        // s_tensor fixed at 1: s_block = E4M3(3400 / 7 ≈ 485.7) saturates to 448; −3400 / 448 ≈ −7.59 → −8 → −7.
        let c = f.quantize([-3400], options: .init(tensorScale: 1))
        #expect(c.blocks[0].codes == [0x9] && c.values == [-3136])
    }

    @Test func scaleOptions() throws {
        let nv = try #require(BlockFormat.named("NVFP4-UE5M3"))
        #expect(nv.name == "nvfp4-ue5m3" && nv.scaleFormat == .ue5m3 && nv.scaling == .twoLevel && nv.bitsPerElement == 4.5)
        let mx = try #require(BlockFormat.named("mxfp4-ue4m3"))
        // 7-bit UE4M3 stored in a byte: 4 + 8/32.
        #expect(mx.blockSize == 32 && mx.bitsPerElement == 4.25 && mx.scaling == .twoLevel)
        #expect(BlockFormat.named("nvint4-ue4m3")?.element == .int(4) && BlockFormat.named("nvfp4-ue6m2") == nil)
        // nvfp4-ue5m3: s_tensor = RN(688128 / (6 · 114688)) = 1; block 1: s = UE5M3(688128 / 6 = 114688) = 0xFE,
        // 688128 / 114688 = 6 (0x7). Block 2 (elements 16, 17): s = UE5M3(3 / 6) = 0.5; 3 / 0.5 = 6, 0.5 / 0.5 = 1.
        let x = [688128.0] + [Double](repeating: 0, count: 15) + [3, 0.5]
        let t = nv.quantize(x)
        #expect(t.tensorScale == 1 && t.blocks.map(\.scaleCode) == [0xFE, ElementFormat.ue5m3.encode(0.5)])
        #expect(t.blocks[1].codes == [0x7, 0x2] && t.values == x)
        // Small blocks the E4M3 scale cannot reach: with s_tensor fixed at 1, amax 6 · 2^-16 needs
        // s = 2^-16. E4M3's smallest scale is 2^-9 and 2^-16 rounds to 0 (all elements 0); UE5M3 holds
        // 2^-16 (subnormal code 0x02) and the elements 6 and 1 exactly.
        let tiny = [6 * 0x1p-16, 0x1p-16]
        #expect(BlockFormat.nvfp4.quantize(tiny, options: .init(tensorScale: 1)).values == [0, 0])
        let small = nv.quantize(tiny, options: .init(tensorScale: 1))
        #expect(small.blocks[0].scaleCode == 0x02 && small.blocks[0].codes == [0x7, 0x2] && small.values == tiny)
    }

    /// A block dot product with UE5M3 scales equals the exact sum of the products of the
    /// dequantized values (small integers times powers of two, exact in Double and FP32).
    @Test func blockDotWithUE5M3Scales() throws {
        let f = try #require(BlockFormat.named("nvfp4-ue5m3"))
        // a: amax 6 · 2^-16 → s = 2^-16 (UE5M3 code 0x02, not an E4M3 value's reach); every element exact.
        let a = f.quantize([3, 0.5, -1.5, 2, 0.5, -6, 1, 4].map { $0 * 0x1p-16 }, options: .init(tensorScale: 1))
        // b: amax 6 → s = 1; every element an E2M1 value.
        let b = f.quantize([1, -2, 0.5, 4, 3, 1.5, -0.5, 6], options: .init(tensorScale: 1))
        #expect(a.blocks[0].scaleCode == 0x02 && b.blocks[0].scaleCode == ElementFormat.ue5m3.encode(1))
        let exact = zip(a.values, b.values).map { $0 * $1 }.reduce(0, +)
        #expect(BlockDot.dot(a, b) == Float(exact))
        #expect(exact == (3 - 1 - 0.75 + 8 + 1.5 - 9 - 0.5 + 24) * 0x1p-16)   // 25.25 · 2^-16
    }
}
