import ArithmeticUnits
import ExactJSON
import TensorEngine

/// `mixpe`: the MixPE processing element (arXiv 2411.16158): uint4 weights with a per-group
/// zero point and FP16 scale × per-token INT8 (`w4a8`) or FP16 (`w4a16`) activations,
/// shift-and-add products, dequantization after each group.
///
/// | field | values (default) |
/// |---|---|
/// | `mode` | `w4a8`, `w4a16` (required) |
/// | `group_size` | 1…65536 (128) |
/// | `accumulator` | `{bits, overflow}` of the W4A8 group accumulator ({32, wrap}) |
///
/// Widths (DesignModel/README.md, "Operand widths"): A 8 or 16 bits; B 4 bits each + an FP16 scale
/// and a 4-bit zero point per group. The epilogue reads, per (m, n, group), the scale, zero point
/// and INT32 activation sum and reads and writes the accumulator (`DequantTraffic`).
///
/// ```swift
/// MixPEKind(mode: .w4a8).operandWidths.b   // OperandWidth(bits: 532, per: 128)
/// ```
public struct MixPEKind: UnitKind {
    public var mode: MixPE.Mode
    public var groupSize: Int
    public var accumulator: IntegerAccumulator

    public init(mode: MixPE.Mode, groupSize: Int = 128, accumulator: IntegerAccumulator = .int32) {
        self.mode = mode
        self.groupSize = groupSize
        self.accumulator = accumulator
    }

    public static let name = "mixpe"
    static let modeField = UnitField<MixPE.Mode>.choice("mode", what: "MixPE mode", MixPE.Mode.allCases.map { ($0.rawValue, $0) },
                                                        description: "INT4 weights × INT8 or FP16 activations.")
    public static let fields = [modeField.info, UnitField<Int>.groupSize.info, UnitField<IntegerAccumulator>.accumulator.info]

    public static func decode(_ object: [String: JSONNode], at path: JSONPath, _ r: inout FieldReader) -> MixPEKind? {
        let groupSize = UnitField<Int>.groupSize.read(object, at: path, &r)
        let accumulator = UnitField<IntegerAccumulator>.accumulator.read(object, at: path, &r)
        // A bad group size stops here; the mode is read only when it is valid.
        guard let groupSize, let mode = modeField.read(object, at: path, &r), let accumulator else { return nil }
        return MixPEKind(mode: mode, groupSize: groupSize, accumulator: accumulator)
    }

    public static let benchCases = [UnitBenchCase(MixPE(mode: .w4a8)), UnitBenchCase(MixPE(mode: .w4a16))]

    public func makeUnit() -> any ArithmeticUnit { MixPE(mode: mode, groupSize: groupSize, accumulator: accumulator) }

    public var operandWidths: (a: OperandWidth, b: OperandWidth, c: OperandWidth) {
        (OperandWidth(bits: mode == .w4a8 ? 8 : 16), OperandWidth(bits: 4 * groupSize + 16 + 4, per: groupSize), outputWidth)
    }

    /// INT8 (or FP16, as a 16-bit operand of the (16,8) PE) activations × 4-bit weights.
    public static let isPackable = true
    public var packableOperandBits: (activation: Int, weight: Int)? { (mode == .w4a8 ? 8 : 16, 4) }

    public var storedWeightWidth: OperandWidth { operandWidths.b }

    /// FP16 scale, uint4 zero point, INT32 activation sum and the accumulator (W4A8: the group
    /// register's width; W4A16: FP32), after each group GEMM (ArithmeticUnits/README.md, "MixPE").
    public var dequantTraffic: DequantTraffic.Scheme? {
        DequantTraffic.Scheme(groupSize: groupSize, scaleBits: 16, zeroBits: 4, activationSumBits: 32,
                              accumulatorBits: mode == .w4a8 ? accumulator.bits : 32, granularity: .perOutputGroup)
    }

    public var formatNames: (activations: String, weights: String) { (mode == .w4a8 ? "int8" : "fp16", "uint4 g\(groupSize)") }
}
