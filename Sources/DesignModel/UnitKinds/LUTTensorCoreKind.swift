import ArithmeticUnits
import ExactJSON
import TensorEngine

/// `lut-tc`: the LUT Tensor Core (ISCA 2025): bit-serial uint1…uint4 (per-group zero point
/// and FP16 scale) or ternary weights against tables of 4 FP16 or INT8 activations.
///
/// | field | values (default) |
/// |---|---|
/// | `weights` | `uint1`…`uint4`, `ternary` (required) |
/// | `activations` | `fp16`, `int8` (fp16) |
/// | `accumulation` | `fp16`, `fp32` (fp16) |
/// | `group_size` | 1…65536 (128) |
/// | `accumulator` | `{bits, overflow}` of the INT8-activation accumulator ({32, wrap}) |
///
/// Widths (DesignModel/README.md, "Operand widths"): A 16 or 8 bits; uint-B weights B bits each +
/// an FP16 scale and a B-bit zero point per group, ternary 2 bits + the FP16 scale. One bit-plane
/// per cycle: the built unit's initiation interval is B (2 for ternary), which is also the
/// `lut-tile` engine's weight bits.
///
/// ```swift
/// LUTTensorCoreKind(weights: .uint(bits: 2)).operandWidths.b   // OperandWidth(bits: 274, per:
/// 128)
/// ```
public struct LUTTensorCoreKind: UnitKind {
    public var weights: LUTTensorCore.WeightKind
    public var activations: LUTTensorCore.ActivationKind
    public var accumulation: LUTAccumulation
    public var groupSize: Int
    public var accumulator: IntegerAccumulator

    public init(weights: LUTTensorCore.WeightKind, activations: LUTTensorCore.ActivationKind = .fp16,
                accumulation: LUTAccumulation = .fp16, groupSize: Int = 128, accumulator: IntegerAccumulator = .int32) {
        self.weights = weights
        self.activations = activations
        self.accumulation = accumulation
        self.groupSize = groupSize
        self.accumulator = accumulator
    }

    public static let name = "lut-tc"
    static let weightsField = UnitField<LUTTensorCore.WeightKind>.choice(
        "weights", what: "LUT Tensor Core weight format",
        (1...4).map { ("uint\($0)", .uint(bits: $0)) } + [("ternary", .ternary)],
        description: "Weight format: B-bit unsigned with zero point, or BitNet ternary.")
    static let activationsField = UnitField<LUTTensorCore.ActivationKind>.choice(
        "activations", what: "activation format", [("fp16", .fp16), ("int8", .int8)], default: .fp16,
        description: "Activation format (default fp16).")
    static let accumulationField = UnitField<LUTAccumulation>.choice(
        "accumulation", what: "accumulation", LUTAccumulation.allCases.map { ($0.rawValue, $0) }, default: .fp16,
        description: "Table/accumulator precision (default fp16).")
    public static let fields = [weightsField.info, activationsField.info, accumulationField.info,
                                UnitField<Int>.groupSize.info, UnitField<IntegerAccumulator>.accumulator.info]

    public static func decode(_ object: [String: JSONNode], at path: JSONPath, _ r: inout FieldReader) -> LUTTensorCoreKind? {
        let groupSize = UnitField<Int>.groupSize.read(object, at: path, &r)
        let accumulator = UnitField<IntegerAccumulator>.accumulator.read(object, at: path, &r)
        guard let groupSize else { return nil }
        let weights = weightsField.read(object, at: path, &r)
        let activations = activationsField.read(object, at: path, &r)
        let accumulation = accumulationField.read(object, at: path, &r)
        guard let weights, let accumulator, let activations, let accumulation else { return nil }
        return LUTTensorCoreKind(weights: weights, activations: activations, accumulation: accumulation,
                                 groupSize: groupSize, accumulator: accumulator)
    }

    public static let benchCases = [UnitBenchCase(LUTTensorCore(weights: .uint(bits: 2))),
                                    UnitBenchCase(LUTTensorCore(weights: .ternary))]

    public func makeUnit() -> any ArithmeticUnit {
        LUTTensorCore(weights: weights, activations: activations, accumulation: accumulation, groupSize: groupSize,
                      integerAccumulator: accumulator)
    }

    public var operandWidths: (a: OperandWidth, b: OperandWidth, c: OperandWidth) {
        let a = OperandWidth(bits: activations == .fp16 ? 16 : 8)
        switch weights {
        case .uint(let bits): return (a, OperandWidth(bits: bits * groupSize + 16 + bits, per: groupSize), outputWidth)
        case .ternary: return (a, OperandWidth(bits: 2 * groupSize + 16, per: groupSize), outputWidth)
        }
    }

    public var storedWeightWidth: OperandWidth { operandWidths.b }

    /// FP16 scale, a B-bit zero point (none for ternary), the activation sum of the constant
    /// term and the accumulator, per (m, n, group) (ArithmeticUnits/README.md, "LUT Tensor Core").
    public var dequantTraffic: DequantTraffic.Scheme? {
        var zeroBits = 0
        if case .uint(let bits) = weights { zeroBits = bits }
        return DequantTraffic.Scheme(groupSize: groupSize, scaleBits: 16, zeroBits: zeroBits, activationSumBits: 32,
                                     accumulatorBits: 32, granularity: .perOutputGroup)
    }

    public var formatNames: (activations: String, weights: String) {
        let name = makeUnit().name
        return (name, name)
    }
}
