import Testing
@testable import NumberFormats

/// Activation quantizers; expected values by hand.
@Suite struct ActivationQuantizerTests {
    @Test("per-token INT8: scale amax/127 in FP32, RNE, symmetric clamp")
    func perTokenInt8() throws {
        // Row 0: [1, −0.5]: 1/127 = 2^-7 · 1.0000001000000100000010|000001…b → FP32 rounds down:
        //   s0 = 2^-7 (1 + 2^-7 + 2^-14 + 2^-21). 1/s0 = 127.0000… → 127; −0.5/s0 = −63.50000024 → −64 (0xC0).
        // Row 1: [254, −127, 0.5, 0]: scale 2; 127, −63.5 → −64 (tie → even), 0.25 → 0, 0.
        let q = try ActivationQuantizer.perTokenInt8([1, -0.5, 0, 0, 254, -127, 0.5, 0], m: 2, k: 4)
        let s0 = 0x1p-7 * (1 + 0x1p-7 + 0x1p-14 + 0x1p-21)
        #expect(q.scales == [s0, 2])
        #expect(q.codes == [127, 0xC0, 0, 0, 127, 0xC0, 0, 0])
        #expect(q.value(row: 1, column: 1) == -128)
        #expect(q.granularity == .perToken && q.format == .int(8))
        // Non-finite: NaN → 0, ±∞ → ±127 (amax over finite values only; row 0 has none → scale 0).
        let r = try ActivationQuantizer.perTokenInt8([.nan, .infinity, -.infinity, 2, 0, 0], m: 2, k: 3)
        #expect(r.codes == [0, 127, 0x81, 127, 0, 0] && r.scales[0] == 0)   // row 0 has no finite value
        #expect(throws: QuantizationError.shapeMismatch(rows: 2, columns: 2, found: 3)) {
            try ActivationQuantizer.perTokenInt8([1, 2, 3], m: 2, k: 2)
        }
    }

    @Test("FP16 pass-through: RNE, IEEE overflow")
    func fp16() throws {
        // 65520 is the midpoint of 65504 and 65536 → even → 65536 → ∞ (0x7C00);
        // 1e-8 < 2^-25 (half the smallest subnormal 2^-24) → 0; 1 + 2^-11 is a tie → 1 (even).
        let q = try ActivationQuantizer.fp16([1, 65520, 1e-8, 1 + 0x1p-11], m: 1, k: 4)
        #expect(q.codes == [0x3C00, 0x7C00, 0x0000, 0x3C00])
        #expect(q.scales == [1])
    }

    @Test("HiF8: per-tensor power-of-two scale centring the RMS at 2^0, TA rounding")
    func hif8() throws {
        // [1, 2, −2]: rms = √3 → floor(log2) = 0; amax 2 needs e ≥ 1 − 14: scale 2^0.
        // 1 → 0x08, 2 → 0x10 (§2.3 anchors), −2 → 0x90.
        let q = try ActivationQuantizer.hif8([1, 2, -2], m: 1, k: 3)
        #expect(q.scales == [1])
        #expect(q.codes == [0x08, 0x10, 0x90])
        #expect(q.dequantized() == [1, 2, -2])
        // [1e6, 1, 1]: rms ≈ 577,350 → floor(log2) = 19: scale 2^19. 1e6/2^19 = 1.9073…
        // → 8 · 1.9073 = 15.26 → TA 15 → 1.875 = 0x0F; 1/2^19 = 2^-19 is the denormal
        // 2^(M−23) with M = 4 → 0x04.
        let big = try ActivationQuantizer.hif8([1e6, 1, 1], m: 1, k: 3)
        #expect(big.scales == [0x1p19])
        #expect(big.codes == [0x0F, 0x04, 0x04])
        // Given scale 1: 3 = 2 · 1.5 → dot 001, field 0, mantissa 100 → 0x14;
        // 18 is a TA tie between 16 and 20 → 20 = 0x41 (§2.3 vector).
        let u = try ActivationQuantizer.hif8([3, 18, .nan], m: 1, k: 3, scale: 1)
        #expect(u.codes == [0x14, 0x41, 0x80])
    }

    @Test("MXFP4 / NVFP4 rows: blocks along K; NVFP4 tensor scale over all rows")
    func blockRows() throws {
        let a: [Double] = [6, 3, 0.3, 0.1, 2688, 0]
        let mx = try ActivationQuantizer.block(a, m: 3, k: 2, format: .mxfp4)
        #expect(mx.count == 3)
        #expect(mx[0].values == [6, 3] && mx[1].scaleCodes == [123])   // amax 0.3 → 2^-4
        let nv = try ActivationQuantizer.block(a, m: 3, k: 2, format: .nvfp4)
        #expect(nv.allSatisfy { $0.tensorScale == 1 })                 // 2688 / 2688
        #expect(nv[2].values == [2688, 0])
    }
}
