import ArithmeticUnits
import ExactJSON
import TensorEngine

/// `int4-mac`: the INT4×INT8 MAC baseline (`Int4MAC`): symmetric int4 weights with an FP16
/// scale per group, per-token int8 activations, exact integer products, an integer
/// accumulator, a grouped FP32 epilogue.
///
/// | field | values (default) |
/// |---|---|
/// | `group_size` | 1…65536 (128); a group spanning K is a per-channel scale |
/// | `accumulator` | `{bits, overflow}`: wrap or saturate ({32, wrap}) |
///
/// Widths: A 8 bits; B 4 bits each + the FP16 group scale (no zero point). The epilogue
/// reads, per (m, n, group), the scale and reads and writes the running accumulator.
///
/// ```swift
/// Int4MACKind(groupSize: 128).operandWidths.b   // OperandWidth(bits: 528, per: 128): 4.125 bits per weight
/// ```
public struct Int4MACKind: UnitKind {
    public var groupSize: Int
    public var accumulator: IntegerAccumulator

    public init(groupSize: Int = 128, accumulator: IntegerAccumulator = .int32) {
        self.groupSize = groupSize
        self.accumulator = accumulator
    }

    public static let name = "int4-mac"
    public static let fields = [UnitField<Int>.groupSize.info, UnitField<IntegerAccumulator>.accumulator.info]

    public static func decode(_ object: [String: JSONNode], at path: JSONPath, _ r: inout FieldReader) -> Int4MACKind? {
        let groupSize = UnitField<Int>.groupSize.read(object, at: path, &r)
        let accumulator = UnitField<IntegerAccumulator>.accumulator.read(object, at: path, &r)
        guard let groupSize, let accumulator else { return nil }
        return Int4MACKind(groupSize: groupSize, accumulator: accumulator)
    }

    public static let benchCases = [UnitBenchCase(Int4MAC())]

    public func makeUnit() -> any ArithmeticUnit { Int4MAC(groupSize: groupSize, accumulator: accumulator) }

    public var operandWidths: (a: OperandWidth, b: OperandWidth, c: OperandWidth) {
        (OperandWidth(bits: 8), OperandWidth(bits: 4 * groupSize + 16, per: groupSize), outputWidth)
    }

    /// INT8 activations × INT4 weights.
    public static let isPackable = true
    public var packableOperandBits: (activation: Int, weight: Int)? { (8, 4) }

    public var storedWeightWidth: OperandWidth { operandWidths.b }

    /// The FP16 group scale and the accumulator (the register's width), per (m, n, group);
    /// symmetric weights need no zero point and no activation sums.
    public var dequantTraffic: DequantTraffic.Scheme? {
        DequantTraffic.Scheme(groupSize: groupSize, scaleBits: 16, zeroBits: 0, activationSumBits: 0,
                              accumulatorBits: accumulator.bits, granularity: .perOutputGroup)
    }

    public var formatNames: (activations: String, weights: String) { ("int8", "int4 g\(groupSize)") }
}
