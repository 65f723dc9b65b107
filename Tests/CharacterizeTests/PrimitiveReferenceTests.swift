import NumberFormats
import Testing
@testable import Characterize

/// The references the primitives are checked against, on values worked out by hand.
@Suite struct PrimitiveReferenceTests {
    @Test func integerReferences() {
        #expect(Primitive.adder(bits: 8).reference([255, 255]) == [510])
        #expect(Primitive.multiplier(bits: 4, by: 4, signed: false).reference([15, 15]) == [225])
        // −1 · 2 = −2 in 16-bit two's complement; −128 · −128 = 16384.
        #expect(Primitive.multiplier(bits: 8, by: 8, signed: true).reference([0xFF, 0x02]) == [0xFFFE])
        #expect(Primitive.multiplier(bits: 8, by: 8, signed: true).reference([0x80, 0x80]) == [0x4000])
        // 8×4 signed: −8 (0x8 in 4 bits) · 3 = −24 → 0xFE8 in 12 bits.
        #expect(Primitive.multiplier(bits: 8, by: 4, signed: true).reference([3, 0x8]) == [0xFE8])
        #expect(Primitive.shifter(bits: 8).reference([0xF0, 3]) == [0x1E])
        #expect(Primitive.leadingOne(bits: 16).reference([0x0130]) == [8, 1])
        #expect(Primitive.leadingOne(bits: 16).reference([0]) == [0, 0])
        #expect(Primitive.comparator(bits: 8).reference([3, 7]) == [1, 0])
        #expect(Primitive.comparator(bits: 8).reference([7, 7]) == [0, 1])
        #expect(Primitive.tableRead(entries: 4, bits: 4).reference([1, 2, 3, 4, 2]) == [3])
        #expect(Primitive.register(bits: 16).reference([0xBEEF]) == [0xBEEF])
    }

    @Test func floatReferencesFollowIEEE() {
        let add = Primitive.floatAdder(.fp16), mul = Primitive.floatMultiplier(.fp16)
        #expect(add.reference([0x3C00, 0x3C00]) == [0x4000])      // 1 + 1 = 2
        #expect(add.reference([0x3C00, 0xBC00]) == [0x0000])      // 1 − 1 = +0
        #expect(add.reference([0x8000, 0x8000]) == [0x8000])      // −0 + −0 = −0
        #expect(add.reference([0x7C00, 0xFC00]) == [0x7E00])      // ∞ − ∞ = canonical NaN
        #expect(add.reference([0x7BFF, 0x7BFF]) == [0x7C00])      // overflow → ∞
        #expect(add.reference([0x0001, 0x0001]) == [0x0002])      // subnormals add exactly
        #expect(mul.reference([0x7C00, 0x0000]) == [0x7E00])      // ∞ · 0 = NaN
        #expect(mul.reference([0x3C00, 0xC000]) == [0xC000])      // 1 · −2 = −2
        #expect(mul.reference([0x0400, 0x3800]) == [0x0200])      // min normal · ½ = a subnormal
        // 1.0009765625 · 1.0009765625 = 1.001953… + 2^-20: rounds to 1 + 2·2^-10 (0x3C02).
        #expect(mul.reference([0x3C01, 0x3C01]) == [0x3C02])
    }

    @Test func narrowFormatsOverflowByTheirOwnRules() {
        // E4M3 has no ∞: 448 + 448 saturates to 448 (0x7E); its NaN is 0x7F.
        #expect(Primitive.floatAdder(.e4m3).reference([0x7E, 0x7E]) == [0x7E])
        #expect(Primitive.floatMultiplier(.e4m3).reference([0x7F, 0x38]) == [0x7F])
        // E5M2 here is IEEE-style: 57344 + 57344 overflows to ∞ (0x7C), NaN is 0x7E.
        #expect(Primitive.floatAdder(.e5m2).reference([0x7B, 0x7B]) == [0x7C])
        #expect(FloatPrimitiveFormat.e5m2.nan == 0x7E)
        #expect(FloatPrimitiveFormat.e4m3.maxFinite == 0x7E)
        #expect(FloatPrimitiveFormat.fp32.infinityField == 0x7F80_0000)
        // E2M1 has neither: 6 + 6 saturates to 6 (0x7), 6 · −6 to −6 (0xF); 0.5 + 0.5 = 1 (0x2).
        #expect(Primitive.floatAdder(.e2m1).reference([0x7, 0x7]) == [0x7])
        #expect(Primitive.floatMultiplier(.e2m1).reference([0x7, 0xF]) == [0xF])
        #expect(Primitive.floatAdder(.e2m1).reference([0x1, 0x1]) == [0x2])
        #expect(FloatPrimitiveFormat.e2m1.maxFinite == 0x7 && FloatPrimitiveFormat.e2m1.overflowLimit == 0x8)
    }

    @Test func generatedVerilogNamesTheModuleAndPorts() {
        for p in PrimitiveCatalog.all {
            #expect(p.verilog.contains("module \(p.module) ("), "\(p.name)")
            for port in p.inputs + p.outputs { #expect(p.verilog.contains(" \(port.name)"), "\(p.name): \(port.name)") }
            #expect(p.inputs.allSatisfy { $0.width <= 64 } && p.outputs.allSatisfy { $0.width <= 64 })
        }
        #expect(Set(PrimitiveCatalog.names).count == PrimitiveCatalog.all.count)
    }
}
