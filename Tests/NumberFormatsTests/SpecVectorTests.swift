import Testing
@testable import NumberFormats

/// The test vectors of numeric-units.md §1.5 and §2.3, exactly as written there.
@Suite struct SpecVectorTests {
    @Test("§1.1 E2M1 value table", arguments: Array(0..<16))
    func e2m1Table(code: Int) {
        let magnitudes: [Double] = [0, 0.5, 1, 1.5, 2, 3, 4, 6]
        let expected = code >= 8 ? -magnitudes[code - 8] : magnitudes[code]
        let v = ElementFormat.e2m1.decode(UInt32(code))
        #expect(v == expected && v.sign == expected.sign)
    }

    @Test("§1.5 E2M1 ties: RNE and half-away columns", arguments: [
        (0.25, 0.0, 0.5), (0.75, 1.0, 1.0), (1.25, 1.0, 1.5), (2.5, 2.0, 3.0),
        (5.0, 4.0, 6.0), (7.0, 6.0, 6.0), (1e9, 6.0, 6.0),
    ])
    func e2m1Ties(input: Double, rne: Double, away: Double) {
        let f = ElementFormat.e2m1
        #expect(f.decode(f.encode(input, rule: .nearestEven)) == rne)
        #expect(f.decode(f.encode(input, rule: .nearestAway)) == away)
        #expect(f.decode(f.encode(-input, rule: .nearestEven)) == -rne)
    }

    @Test("§2.3 HiF8 TA encode table", arguments: [
        (1.0, 0x08, 1.0), (1.0625, 0x09, 1.125), (1.0624, 0x08, 1.0), (1.1875, 0x0A, 1.25),
        (3.14159, 0x15, 3.25), (-2.5, 0x92, -2.5), (0.1, 0x52, 0.09375), (-0.1, 0xD2, -0.09375),
        (15.5, 0x40, 16), (15.9, 0x40, 16), (17.0, 0x40, 16), (18.0, 0x41, 20), (1000.0, 0x64, 1024),
        (32768, 0x6E, 32768), (40959, 0x6E, 32768), (40960, 0x6F, .infinity),
        (0x1p-22, 0x01, 0x1p-22), (0x1p-23, 0x01, 0x1p-22), (0.99 * 0x1p-23, 0x00, 0),
        (1.4 * 0x1p-16, 0x07, 0x1p-16), (1.5 * 0x1p-16, 0x7E, 0x1p-15),
    ] as [(Double, Int, Double)])
    func hif8TA(input: Double, code: Int, decoded: Double) {
        let f = ElementFormat.hif8
        let c = f.encode(input)           // default rule for HiF8 is TA
        #expect(c == UInt32(code), "encode(\(input)) = 0x\(String(c, radix: 16))")
        #expect(f.decode(c) == decoded)
    }

    @Test("§2.3 HiF8 decode anchors", arguments: [
        (0x00, 0.0), (0x6F, Double.infinity), (0xEF, -Double.infinity), (0x6E, 32768),
        (0x7E, 0x1p-15), (0x7F, 1.5 * 0x1p-15), (0x01, 0x1p-22), (0x07, 0x1p-16), (0x08, 1.0),
        (0x0F, 1.875), (0x10, 2.0), (0x18, 0.5), (0x20, 4), (0x38, 0.125), (0x40, 16), (0x60, 256),
    ] as [(Int, Double)])
    func hif8Decode(code: Int, value: Double) {
        #expect(ElementFormat.hif8.decode(UInt32(code)) == value)
    }

    @Test func hif8SpecialsAndNaN() {
        let f = ElementFormat.hif8
        #expect(f.decode(0x80).isNaN)
        #expect(f.encode(.nan) == 0x80)
        #expect(f.encode(-0.0) == 0x00)
        #expect(f.encode(.infinity) == 0x6F && f.encode(-.infinity) == 0xEF)
        #expect(f.encode(40960, overflow: .saturate) == 0x6E)
        #expect(f.classify(0x01) == .subnormal && f.classify(0x7E) == .normal)
    }

    @Test func formatLimits() {
        #expect(ElementFormat.e4m3.maxFinite == 448)
        #expect(ElementFormat.e5m2.maxFinite == 57344)
        #expect(ElementFormat.e2m3.maxFinite == 7.5)
        #expect(ElementFormat.e3m2.maxFinite == 28)
        #expect(ElementFormat.fp16.maxFinite == 65504)
        #expect(ElementFormat.e8m0.decode(127) == 1 && ElementFormat.e8m0.decode(0) == 0x1p-127)
        #expect(ElementFormat.e8m0.decode(0xFF).isNaN)
        #expect(ElementFormat.e4m3.decode(0x7F).isNaN && ElementFormat.e4m3.decode(0x7E) == 448)
        #expect(ElementFormat.int(4).minFinite == -8 && ElementFormat.uint(1).maxFinite == 1)
    }

    @Test func overflowPolicies() {
        let e4m3 = ElementFormat.e4m3
        #expect(e4m3.encode(464) == 0x7E)                                   // tie → even 448
        #expect(e4m3.encode(465, overflow: .infinity) == 0x7F)              // → 480 → NaN
        #expect(e4m3.encode(465, overflow: .saturate) == 0x7E)
        #expect(e4m3.encode(1e6, rule: .towardZero, overflow: .infinity) == 0x7E)
        let h = ElementFormat.fp16
        #expect(h.encode(65519) == 0x7BFF && h.encode(65520) == 0x7C00)
        #expect(h.encode(1e6, rule: .down) == 0x7BFF && h.encode(-1e6, rule: .down) == 0xFC00)
        #expect(h.encode(.infinity, overflow: .saturate) == 0x7BFF)
        #expect(ElementFormat.int(8).encode(-128.6) == 0x80 && ElementFormat.int(8).encode(300) == 0x7F)
        #expect(ElementFormat.uint(4).encode(-3) == 0)
    }
}

/// E8M0 has no sign and no zero (numeric-units.md §1.2): negatives, −∞ and zeros are NaN
/// under every policy; +∞ saturates to 2^127 or becomes NaN.
@Suite struct E8M0EdgeTests {
    @Test(arguments: OverflowPolicy.allCases)
    func signAndZero(policy: OverflowPolicy) {
        let f = ElementFormat.e8m0
        for x in [-Double.infinity, -1, -0x1p-200, -0.0, 0.0] { #expect(f.encode(x, overflow: policy) == 0xFF) }
        #expect(f.encode(.infinity, overflow: policy) == (policy == .saturate ? 0xFE : 0xFF))
        #expect(f.encode(0x1p-300, overflow: policy) == 0x00)     // below 2^-127: no zero, so the minimum
    }
}
