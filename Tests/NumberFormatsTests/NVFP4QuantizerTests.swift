import Testing
@testable import NumberFormats

/// NVFP4 quantization: numeric-units.md §1.4, §8.4, on a hand-worked tensor.
///
/// Tensor = block 0: [2688, 0 × 15]; block 1 (partial, 8 values):
/// [57, 24, −2.375, 25, −14.25, 4.75, 2.375, 0].
/// - s_tensor = 2688 / (6·448) = 1 exactly.
/// - block 0: 2688/6 = 448 → E4M3 0x7E; 2688/448 = 6 → code 0x7.
/// - block 1: amax 57 → 57/6 = 9.5, a tie between E4M3 9 (mantissa 001) and 10 (mantissa
///   010) → 10, code 0 1010 010 = 0x52.
///   Default order (divide by the quantized 10): 5.7→6, 2.4→2, −0.2375→−0, 2.5→2 (tie, even),
///   −1.425→−1.5, 0.475→0.5, 0.2375→0, 0→0.
///   razerOrder (divide by the unquantized 9.5, ties to the lower value): 6→6, 2.526→3,
///   −0.25→−0.5 (midpoint of −0.5 and 0 → lower), 2.63→3, −1.5, 0.5, 0.25→0 (midpoint → lower
///   is 0), 0.
@Suite struct NVFP4QuantizerTests {
    let tensor: [Double] = [2688] + [Double](repeating: 0, count: 15) + [57, 24, -2.375, 25, -14.25, 4.75, 2.375, 0]

    @Test func defaultOrder() {
        let t = BlockFormat.nvfp4.quantize(tensor)
        #expect(t.tensorScale == 1)
        #expect(t.blocks.count == 2)
        #expect(t.scaleCodes == [0x7E, 0x52])
        #expect(t.blocks[0].scale == 448 && t.blocks[1].scale == 10)
        #expect(t.blocks[0].codes == [0x7] + [UInt8](repeating: 0, count: 15))
        #expect(t.blocks[1].codes == [0x7, 0x4, 0x8, 0x4, 0xB, 0x1, 0x0, 0x0])
        #expect(t.blocks[1].values == [60, 20, 0, 20, -15, 5, 0, 0])
        #expect(t.blocks[1].values[2].sign == .minus)
        #expect(t.dequantize().map(\.bitPattern) == t.values.map(\.bitPattern))
    }

    @Test func razerOrder() {
        let t = BlockFormat.nvfp4.quantize(tensor, options: .init(razerOrder: true))
        #expect(t.tensorScale == 1)
        #expect(t.scaleCodes == [0x7E, 0x52])
        #expect(t.blocks[1].codes == [0x7, 0x5, 0x9, 0x5, 0xB, 0x1, 0x0, 0x0])
        #expect(t.blocks[1].values == [60, 30, -5, 30, -15, 5, 0, 0])
    }

    @Test("tensor scale: amax/2688 rounded once to FP32; zero tensor → 1; override")
    func tensorScale() {
        #expect(NVFP4Quantizer.tensorScale(amax: 2688) == 1)
        #expect(NVFP4Quantizer.tensorScale(amax: 0) == 1)
        // 1/2688 = 2^-7 · 1/21 and 1/21 = 3/63 = 0.000011 000011 000011…b, so the significand
        // is 1.1 00001 1 00001 1 00001 1 000|011… (fraction bits 1, 6, 7, 12, 13, 18, 19 set);
        // bit 24 and later bits are set → round up: + 2^-23.
        let expected = 0x1p-12 * (1 + 0x1p-1 + 0x1p-6 + 0x1p-7 + 0x1p-12 + 0x1p-13 + 0x1p-18 + 0x1p-19 + 0x1p-23)
        #expect(NVFP4Quantizer.tensorScale(amax: 1) == expected)
        let o = BlockFormat.nvfp4.quantize([1, 2, 3], options: .init(tensorScale: 0.5))
        #expect(o.tensorScale == 0.5)
        // s_block = 3 / (6 · 0.5) = 1 → elements 1/0.5 = 2, 4, 6
        #expect(o.blocks[0].scaleCode == 0x38 && o.values == [1, 2, 3])
    }

    @Test("a block far below the tensor's amax gets scale 0 and zero elements (no division by zero)")
    func zeroBlockScale() {
        // s_tensor = 1; second block amax 0.001 → 0.001/6 = 1.7e-4 < 2^-10 (half of E4M3's 2^-9) → 0
        let v = [2688.0] + [Double](repeating: 0, count: 15) + [0.001, -0.0005]
        let t = BlockFormat.nvfp4.quantize(v)
        #expect(t.blocks[1].scale == 0)
        #expect(t.blocks[1].values == [0, 0])
        let r = BlockFormat.nvfp4.quantize(v, options: .init(razerOrder: true))
        #expect(r.blocks[1].scale == 0 && r.blocks[1].values == [0, 0])
        // all-zero block
        #expect(BlockFormat.nvfp4.quantize([0, 0]).values == [0, 0])
    }

    @Test("non-finite values poison their block only (E4M3 NaN scale 0x7F)")
    func nonFinite() {
        var v = [Double](repeating: 1, count: 32)
        v[20] = .nan
        let t = BlockFormat.nvfp4.quantize(v)
        #expect(t.blocks[1].scaleCode == 0x7F && t.blocks[1].values.allSatisfy { $0.isNaN })
        #expect(!t.blocks[0].isNaN)
    }

    @Test("quantizing on-grid values again is the identity")
    func idempotent() {
        let t = BlockFormat.nvfp4.quantize(tensor)
        #expect(BlockFormat.nvfp4.quantize(t.values).values == t.values)
    }
}
