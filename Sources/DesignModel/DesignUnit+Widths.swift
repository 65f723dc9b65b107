import ArithmeticUnits
import NumberFormats
import TensorEngine

extension DesignUnit {
    /// How many bits each operand occupies in DRAM, per-group scales and zero points
    /// included, exactly (numeric-units.md §3–§5, §8.9):
    /// - MixPE / dequant-FP16 / LUT TC uint-B weights: B bits each + an FP16 scale and a
    ///   B-bit zero point per group (ternary: 2 bits + the FP16 scale);
    /// - BitMoD: `bits` each + the 8-bit integer group scale (the simulator's 0.0625 bit/weight);
    /// - block formats: element bits + the scale's bits per block (MXFP4 4.25, NVFP4 4.5);
    /// - int8, FP16 and HiF8 operands at their element width; outputs FP32 (or HiF8).
    ///
    /// ```swift
    /// DesignUnit.mixpe(MixPE(mode: .w4a8)).operandWidths.b   // 532 bits per 128 weights
    /// ```
    public var operandWidths: (a: OperandWidth, b: OperandWidth, c: OperandWidth) {
        func grouped(_ bits: Int, _ g: Int, extra: Int) -> OperandWidth { OperandWidth(bits: bits * g + extra, per: g) }
        let c = OperandWidth(bits: unit.outputFormat.bits)
        switch self {
        case .mixpe(let u):
            return (OperandWidth(bits: u.mode == .w4a8 ? 8 : 16), grouped(4, u.groupSize, extra: 16 + 4), c)
        case .lutTensorCore(let u):
            let a = OperandWidth(bits: u.activations == .fp16 ? 16 : 8)
            switch u.weights {
            case .uint(let bits): return (a, grouped(bits, u.groupSize, extra: 16 + bits), c)
            case .ternary: return (a, grouped(2, u.groupSize, extra: 16), c)
            }
        case .bitmod(let u):
            return (OperandWidth(bits: 16), grouped(u.bits, u.groupSize, extra: 8), c)
        case .int8MAC:
            return (OperandWidth(bits: 8), OperandWidth(bits: 8), c)
        case .floatMAC(let u):
            switch u.kind {
            case .fp16: return (OperandWidth(bits: 16), OperandWidth(bits: 16), c)
            case .dequantFP16: return (OperandWidth(bits: 16), grouped(4, u.groupSize, extra: 16 + 4), c)
            case .hif8: return (OperandWidth(bits: 8), OperandWidth(bits: 8), c)
            }
        case .blockDot(let u):
            let f = u.format
            let w = grouped(f.element.bits, f.blockSize, extra: f.scaleFormat.bits)
            return (w, w, c)
        }
    }
}

extension Design {
    /// The design's exact operand storage widths: the unit's (`DesignUnit.operandWidths`),
    /// with B replaced by `unit.weight_storage_bits` when a `dequant-fp16` unit gives it.
    ///
    /// ```swift
    /// antLike.operandWidths.b   // OperandWidth(bits: 88, per: 16): 5.5 bits per weight
    /// ```
    public var operandWidths: (a: OperandWidth, b: OperandWidth, c: OperandWidth) {
        var w = makeUnit().operandWidths
        if case .floatMAC(_, _, _, let storage?) = unit { w.b = storage.operandWidth }
        return w
    }

    /// The DRAM interface of the design, with its exact operand widths (`operandWidths`),
    /// which the SRAM traffic uses too.
    public func dramConfig() -> DRAMConfig {
        let w = operandWidths
        return DRAMConfig(bytesPerCycle: dram.bytesPerCycle, a: w.a, b: w.b, c: w.c)
    }
}

extension Design {
    /// The buffer model of the design: the first memory holding each operand (unbounded when
    /// none does) and the dequantization traffic of group-quantized units (MixPE, LUT TC, BitMoD).
    ///
    /// ```swift
    /// design.bufferModel().dequant   // .mixpe(groupSize: 128, …) for mixpe-w4a8.json
    /// ```
    public func bufferModel() -> BufferModel {
        func buffer(_ operand: MemorySpec.Operand) -> SRAMBuffer {
            guard let m = memories.first(where: { $0.operand == operand }) else { return .unbounded }
            return SRAMBuffer(kib: m.sizeKiB, banks: m.banks, widthBits: m.widthBits, doubleBuffered: m.doubleBuffered)
        }
        let dequant: DequantTraffic.Scheme?
        switch makeUnit() {
        case .mixpe(let u): dequant = .mixpe(groupSize: u.groupSize, accumulatorBits: u.mode == .w4a8 ? u.accumulator.bits : 32)
        case .lutTensorCore(let u):
            if case .uint(let bits) = u.weights {
                dequant = .lutTensorCore(groupSize: u.groupSize, weightBits: bits)
            } else {
                dequant = .lutTensorCore(groupSize: u.groupSize, weightBits: 0)   // ternary: no zero point
            }
        case .bitmod(let u): dequant = .bitmod(groupSize: u.groupSize)
        default: dequant = nil
        }
        return BufferModel(buffers: (buffer(.a), buffer(.b), buffer(.c)), dequant: dequant)
    }
}
