import ArithmeticUnits
import ExactJSON
import NumberFormats
import TensorEngine

/// `block-dot`: the block-format dot-product unit (MXFP4×MXFP4, NVFP4×NVFP4, any
/// `BlockFormat`): exact integer block sums, one RNE rounding to FP32 per block, FP32
/// accumulation across blocks (ArithmeticUnits/README.md, "Block dot unit").
///
/// | field | values (default) |
/// |---|---|
/// | `format` | a block format: `mxfp4`, `nvfp4`, … (required) |
/// | `lanes` | 1…1024 elements per cycle (8) |
///
/// Widths: A and B the element bits + the scale's bits per block (MXFP4 4.25, NVFP4 4.5);
/// the scales travel with the blocks, so there is no separate epilogue traffic. The dot
/// width is `lanes`.
///
/// ```swift
/// BlockDotKind(format: .nvfp4).operandWidths.a   // OperandWidth(bits: 72, per: 16)
/// ```
public struct BlockDotKind: UnitKind {
    public var format: BlockFormat
    public var lanes: Int

    public init(format: BlockFormat, lanes: Int = 8) {
        self.format = format
        self.lanes = lanes
    }

    public static let name = "block-dot"
    static let formatField = UnitField<BlockFormat>.choice("format", what: "block format", BlockFormat.all.map { ($0.name, $0) },
                                                           description: "Block format of both operands.")
    static let lanesField = UnitField<Int>.integer("lanes", in: 1...1024, default: 8,
                                                   description: "Elements multiplied per cycle (default 8).")
    public static let fields = [formatField.info, lanesField.info]

    public static func decode(_ object: [String: JSONNode], at path: JSONPath, _ r: inout FieldReader) -> BlockDotKind? {
        let format = formatField.read(object, at: path, &r)
        let lanes = lanesField.read(object, at: path, &r)
        guard let format, let lanes else { return nil }
        return BlockDotKind(format: format, lanes: lanes)
    }

    public static let benchCases = [UnitBenchCase(BlockDotUnit(format: .mxfp4)), UnitBenchCase(BlockDotUnit(format: .nvfp4))]

    public func makeUnit() -> any ArithmeticUnit { BlockDotUnit(format: format, lanes: lanes) }

    public var operandWidths: (a: OperandWidth, b: OperandWidth, c: OperandWidth) {
        let w = OperandWidth(bits: format.element.bits * format.blockSize + format.scaleFormat.bits, per: format.blockSize)
        return (w, w, outputWidth)
    }

    public var storedWeightWidth: OperandWidth { operandWidths.b }

    public var dequantTraffic: DequantTraffic.Scheme? { nil }

    public var formatNames: (activations: String, weights: String) { (format.name, format.name) }
}
