import ArithmeticUnits
import ExactJSON
import TensorEngine

/// `bitmod`: the BitMoD processing element (HPCA 2025): a 4-lane bit-serial dot product of
/// FP16 activations and mixed-datatype 4- or 3-bit weights with an 8-bit integer group scale.
///
/// | field | values (default) |
/// |---|---|
/// | `bits` | 3, 4 (required) |
/// | `mode` | `functional`, `rtl` (functional) |
/// | `group_size` | 1…65536 (128) |
///
/// Widths (DesignModel/README.md, "Operand widths"): A 16 bits; B `bits` each + the 8-bit group
/// scale. Two weight bits per cycle: the built unit's initiation interval is ⌈bits/2⌉ and its dot
/// width 4. The in-PE dequantizer reads each group's scale once per pass of the array over the
/// weights.
///
/// ```swift
/// BitMoDKind(bits: 4).operandWidths.b   // OperandWidth(bits: 520, per: 128): 4.0625 bits per
/// weight
/// ```
public struct BitMoDKind: UnitKind {
    public var bits: Int
    public var mode: BitMoDMode
    public var groupSize: Int

    public init(bits: Int, mode: BitMoDMode = .functional, groupSize: Int = 128) {
        self.bits = bits
        self.mode = mode
        self.groupSize = groupSize
    }

    public static let name = "bitmod"
    static let bitsField = UnitField<Int>.numberChoice("bits", what: "BitMoD weight bits", [(3, 3), (4, 4)],
                                                       description: "Weight bits.")
    static let modeField = UnitField<BitMoDMode>.choice(
        "mode", what: "BitMoD mode", BitMoDMode.allCases.map { ($0.rawValue, $0) }, default: .functional,
        description: "Exact dequantized math or the RTL's truncating datapath (default functional).")
    public static let fields = [bitsField.info, modeField.info, UnitField<Int>.groupSize.info]

    public static func decode(_ object: [String: JSONNode], at path: JSONPath, _ r: inout FieldReader) -> BitMoDKind? {
        guard let groupSize = UnitField<Int>.groupSize.read(object, at: path, &r) else { return nil }
        let bits = bitsField.read(object, at: path, &r)
        let mode = modeField.read(object, at: path, &r)
        guard let bits, let mode else { return nil }
        return BitMoDKind(bits: bits, mode: mode, groupSize: groupSize)
    }

    public static let benchCases = [UnitBenchCase(BitMoDPE(bits: 4, mode: .functional)),
                                    UnitBenchCase(BitMoDPE(bits: 4, mode: .rtl))]

    public func makeUnit() -> any ArithmeticUnit { BitMoDPE(bits: bits, mode: mode, groupSize: groupSize) }

    public var operandWidths: (a: OperandWidth, b: OperandWidth, c: OperandWidth) {
        (OperandWidth(bits: 16), OperandWidth(bits: bits * groupSize + 8, per: groupSize), outputWidth)
    }

    public var storedWeightWidth: OperandWidth { operandWidths.b }

    /// The 8-bit integer group scale, read by the in-PE dequantizer once per (n, group) per pass
    /// over the weights; the scaled group result stays in the PE (ArithmeticUnits/README.md,
    /// "BitMoD PE").
    public var dequantTraffic: DequantTraffic.Scheme? {
        DequantTraffic.Scheme(groupSize: groupSize, scaleBits: 8, zeroBits: 0, activationSumBits: 0, accumulatorBits: 0,
                              granularity: .perWeightGroupPerPass)
    }

    public var formatNames: (activations: String, weights: String) { ("fp16", "bitmod-fp\(bits) g\(groupSize)") }
}
