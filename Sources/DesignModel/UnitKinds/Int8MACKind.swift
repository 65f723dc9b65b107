import ArithmeticUnits
import ExactJSON
import TensorEngine

/// `int8-mac`: the INT8×INT8→INT32 MAC baseline: per-token int8 activations, per-channel
/// symmetric int8 weights, an integer accumulator and an FP32 dequantization epilogue.
///
/// | field | values (default) |
/// |---|---|
/// | `accumulator` | `{bits, overflow}` ({32, wrap}) |
///
/// Widths: A and B 8 bits (the per-token and per-channel scales are not counted); the
/// per-channel epilogue has no per-group traffic.
///
/// ```swift
/// Int8MACKind().operandWidths.a   // OperandWidth(bits: 8)
/// ```
public struct Int8MACKind: UnitKind {
    public var accumulator: IntegerAccumulator

    public init(accumulator: IntegerAccumulator = .int32) { self.accumulator = accumulator }

    public static let name = "int8-mac"
    public static let fields = [UnitField<IntegerAccumulator>.accumulator.info]

    public static func decode(_ object: [String: JSONNode], at path: JSONPath, _ r: inout FieldReader) -> Int8MACKind? {
        UnitField<IntegerAccumulator>.accumulator.read(object, at: path, &r).map { Int8MACKind(accumulator: $0) }
    }

    public static let benchCases = [UnitBenchCase(Int8MAC())]

    public func makeUnit() -> any ArithmeticUnit { Int8MAC(accumulator: accumulator) }

    public var operandWidths: (a: OperandWidth, b: OperandWidth, c: OperandWidth) {
        (OperandWidth(bits: 8), OperandWidth(bits: 8), outputWidth)
    }

    /// INT8 × INT8.
    public static let isPackable = true
    public var packableOperandBits: (activation: Int, weight: Int)? { (8, 8) }

    public var storedWeightWidth: OperandWidth { operandWidths.b }

    public var dequantTraffic: DequantTraffic.Scheme? { nil }

    public var formatNames: (activations: String, weights: String) { ("int8", "int8") }
}
