import TensorEngine

extension Design {
    /// The design's exact operand storage widths: the unit's (`UnitKind.operandWidths`),
    /// with B as the unit stores it (`UnitKind.storedWeightWidth`, e.g. a `dequant-fp16`
    /// unit's `weight_storage_bits`).
    ///
    /// ```swift
    /// antLike.operandWidths.b   // OperandWidth(bits: 88, per: 16): 5.5 bits per weight
    /// ```
    public var operandWidths: (a: OperandWidth, b: OperandWidth, c: OperandWidth) {
        var w = unit.operandWidths
        w.b = unit.storedWeightWidth
        return w
    }

    /// The DRAM interface of the design, with its exact operand widths (`operandWidths`),
    /// which the SRAM traffic uses too.
    public func dramConfig() -> DRAMConfig {
        let w = operandWidths
        return DRAMConfig(bytesPerCycle: dram.bytesPerCycle, a: w.a, b: w.b, c: w.c)
    }

    /// The buffer model of the design: the first memory holding each operand (unbounded when
    /// none does) and the unit's dequantization traffic (`UnitKind.dequantTraffic`).
    ///
    /// ```swift
    /// design.bufferModel().dequant?.zeroBits   // 4 for mixpe-w4a8.json
    /// ```
    public func bufferModel() -> BufferModel {
        func buffer(_ operand: MemorySpec.Operand) -> SRAMBuffer {
            guard let m = memories.first(where: { $0.operand == operand }) else { return .unbounded }
            return SRAMBuffer(kib: m.sizeKiB, banks: m.banks, widthBits: m.widthBits, doubleBuffered: m.doubleBuffered)
        }
        return BufferModel(buffers: (buffer(.a), buffer(.b), buffer(.c)), dequant: unit.dequantTraffic)
    }
}
