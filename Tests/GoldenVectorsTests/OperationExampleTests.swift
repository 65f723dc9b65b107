import ArithmeticUnits
import GoldenVectors
import NumberFormats
import Testing

/// The worked examples of the operations' documentation, each derived by hand there.
@Suite struct OperationExampleTests {
    @Test func documentedExamples() {
        #expect(ElementProductOperation().outputs([FieldValue(0x3), FieldValue(0xB)]) == [FieldValue(0xC1)])
        #expect(ElementProductOperation().outputs([FieldValue(0x8), FieldValue(0x1)]) == [FieldValue(0x80)])   // −0
        #expect(BlockDotOperation(format: .mxfp4).outputs([FieldValue(7), FieldValue(7), FieldValue(127), FieldValue(127)])
                == [FieldValue(0x4210_0000)])
        let int4 = IntegerMACStepOperation(weightBits: 4, accumulator: .int32)
        #expect(int4.outputs([FieldValue(signed: -3, bits: 8), FieldValue(signed: 7, bits: 4), FieldValue(1)]) == [FieldValue(0xFFFF_FFEC)])
        let sat = IntegerMACStepOperation(weightBits: 8, accumulator: .init(bits: 16, overflow: .saturate))
        #expect(sat.outputs([FieldValue(0x7F), FieldValue(0x7F), FieldValue(0x7FF0)]) == [FieldValue(0x7FFF)])
        #expect(MixPEStepOperation(unit: MixPE(mode: .w4a8)).outputs([FieldValue(1), FieldValue(5), FieldValue(0x7FFF_FFFF)])
                == [FieldValue(0x8000_0004)])
        #expect(MixPEEpilogueOperation(unit: MixPE(mode: .w4a8)).outputs([FieldValue(100), FieldValue(10), FieldValue(8),
                                                                         FieldValue(0x3800), FieldValue(0)]) == [FieldValue(0x4120_0000)])
        #expect(FloatMACStepOperation(mac: FloatMAC(kind: .hif8)).outputs([FieldValue(0x08), FieldValue(0x09), FieldValue(0x3F80_0000)])
                == [FieldValue(0x4008_0000)])
        #expect(DequantOperation().outputs([FieldValue(9), FieldValue(8), FieldValue(0x3800)]) == [FieldValue(0x3800)])
        #expect(BitMoDDequantOperation().outputs([FieldValue(signed: -3, bits: 15), FieldValue(5)]) == [FieldValue(0x7F_FFF1)])
        let bitmod = BitMoDStepOperation().outputs([FieldValue(0x3C00), FieldValue(0), FieldValue(0), FieldValue(1), FieldValue(0),
                                                    FieldValue(0), FieldValue(0)])
        #expect(bitmod[0] == FieldValue(0x2000) && bitmod[1] == FieldValue(15))
    }
}
