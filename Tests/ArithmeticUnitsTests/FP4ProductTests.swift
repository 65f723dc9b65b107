import Testing
@testable import ArithmeticUnits
import NumberFormats

/// numeric-units.md §1.1: the product of two E2M1 values is exact, lies in {0, ±0.25 … ±36},
/// fits FP8 E4M3 exactly, and in units of 1/4 has magnitude ≤ 144.
@Suite struct FP4ProductTests {
    static func vector(_ code: UInt8) -> BlockVector {
        let v = ElementFormat.e2m1.decode(UInt32(code))
        let block = QuantizedBlock(scaleCode: 127, scale: 1, codes: [code], values: [v])
        return BlockVector(QuantizedTensor(format: .mxfp4, count: 1, tensorScale: 1, blocks: [block]))
    }

    @Test func everyE2M1PairThroughTheDotUnit() {
        let codes = (0..<16).map { UInt8($0) }
        let vectors = codes.map(Self.vector)
        let bits = BlockDotKernel.gemm(rows: vectors, columns: vectors, k: 1, unitExponent: BlockVector.unitExponent(.mxfp4))
        for a in codes {
            for b in codes {
                let exact = ElementFormat.e2m1.decode(UInt32(a)) * ElementFormat.e2m1.decode(UInt32(b))
                let got = Double(Float(bitPattern: bits[Int(a) * 16 + Int(b)]))
                #expect(got == exact)
                #expect(abs(exact * 4) <= 144 && (exact * 4).rounded() == exact * 4)
                // Fits E4M3 exactly: encoding and decoding gives the product back.
                #expect(ElementFormat.e4m3.decode(ElementFormat.e4m3.encode(exact)) == exact)
            }
        }
    }
}
