import Testing
@testable import TensorEngine

@Suite struct OperandWidthTests {
    /// 128 uint4 weights with an FP16 scale and a 4-bit zero point: 4·128 + 16 + 4 = 532 bits
    /// = 66.5 bytes → 67; 256 of them: 133 bytes exactly; int8 is whole bytes.
    @Test func fractionalWidthsAreExact() throws {
        let dram = try DRAMConfig(bytesPerCycle: 16, a: OperandWidth(bits: 8), b: OperandWidth(bits: 532, per: 128),
                                  c: OperandWidth(bits: 32)).validated()
        #expect(try dram.bytes(elements: 128, width: dram.b) == 67)
        #expect(try dram.bytes(elements: 256, width: dram.b) == 133)
        #expect(try dram.bytes(elements: 3, width: dram.a) == 3)
        #expect(OperandWidth(bits: 532, per: 128).bitsPerElement == 4.15625)
        #expect(throws: TensorEngineError.self) {
            _ = try DRAMConfig(bytesPerCycle: 1, a: OperandWidth(bits: 8, per: 0), b: OperandWidth(bits: 4), c: OperandWidth(bits: 8)).validated()
        }
    }
}
