import GoldenVectors
import NumberFormats
import Testing

@Suite struct FieldValueTests {
    @Test func packingSlicingAndHex() {
        let v = FieldValue.packed([0x1, 0x2, 0xF], elementBits: 4)
        #expect(v.low == 0xF21 && v.hex(width: 12) == "0xf21" && v.digits(width: 16) == "0f21")
        #expect(v.element(2, elementBits: 4) == 15 && v.bitLength == 12)
        #expect(FieldValue(0xABCD).slice(at: 4, bits: 8) == FieldValue(0xBC))
        let wide = FieldValue.packed((0..<32).map { UInt64($0 % 16) }, elementBits: 4)
        #expect(wide.words.count == 2 && wide.element(31, elementBits: 4) == 15 && wide.bits(at: 60, count: 8) == 0x0F && wide.bits(at: 62, count: 8) == 0x43)
        #expect(FieldValue(parsingHex: wide.hex(width: 128)) == wide)
        #expect(FieldValue(parsingHex: "0x0f21")?.bitLength == 12)
        #expect(FieldValue(parsingHex: "f21") == nil && FieldValue(parsingHex: "0x") == nil && FieldValue(parsingHex: "0xg") == nil)
    }

    @Test func signedValuesAreTwosComplement() {
        #expect(FieldValue(signed: -1, bits: 8).low == 0xFF)
        #expect(FieldValue(signed: -3, bits: 15).signed(bits: 15) == -3)
        #expect(FieldValue(signed: Int64.min, bits: 64).low == 0x8000_0000_0000_0000)
        #expect(FieldDraw.signedEdges(bits: 4) == [0, 1, 0xF, 7, 8])
    }

    @Test func formatEdgesAndCanonicalNaN() {
        #expect(FieldDraw.edges(.e2m1) == [0x0, 0x8, 0x1, 0x9, 0x2, 0x7, 0xF])
        let hif8 = FieldDraw.edges(.hif8)
        #expect([0x00, 0x01, 0x81, 0x07, 0x7E, 0x08, 0x6E, 0xEE, 0x80, 0x6F, 0xEF].allSatisfy { hif8.contains($0) })
        #expect(FieldDraw.fp32(.nan) == FieldValue(0x7FC0_0000) && FieldDraw.fp32(-.nan) == FieldValue(0x7FC0_0000))
        #expect(FieldDraw.fp32(1.5) == FieldValue(0x3FC0_0000))
    }
}
