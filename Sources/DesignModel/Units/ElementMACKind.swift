import ArithmeticUnits
import ExactJSON
import NumberFormats
import TensorEngine

/// The unit kinds that are a `FloatMAC` over one element format, both operands in it
/// (`fp16-mac`, `hif8-mac`): exact products, FP32 accumulation, and one field,
/// `output_format` (any element format, default fp32). A kind of this family states its
/// name, its `FloatMAC.Kind` and element format; everything else follows from them here.
///
/// Widths: A and B the element's bits (per-tensor scales are not counted); no per-group
/// scales, so no dequantization traffic.
///
/// ```swift
/// HiF8MACKind(outputFormat: .hif8).operandWidths   // (8 bits, 8 bits, 8 bits)
/// FP16MACKind().formatNames                        // ("fp16", "fp16")
/// ```
public protocol ElementMACKind: OutputFormatChoosing {
    /// The MAC.
    static var mac: FloatMAC.Kind { get }
    /// The element format of both operands.
    static var element: ElementFormat { get }
    init(outputFormat: ElementFormat)
}

extension ElementMACKind {
    public static var fields: [UnitFieldInfo] { [UnitField<ElementFormat>.outputFormat.info] }

    public static func decode(_ object: [String: JSONNode], at path: JSONPath, _ r: inout FieldReader) -> Self? {
        UnitField<ElementFormat>.outputFormat.read(object, at: path, &r).map { Self(outputFormat: $0) }
    }

    public static var benchCases: [UnitBenchCase] { [UnitBenchCase(FloatMAC(kind: mac))] }

    public func makeUnit() -> any ArithmeticUnit { FloatMAC(kind: Self.mac, outputFormat: outputFormat) }

    public var operandWidths: (a: OperandWidth, b: OperandWidth, c: OperandWidth) {
        let element = OperandWidth(bits: Self.element.bits)
        return (element, element, outputWidth)
    }

    public var storedWeightWidth: OperandWidth { operandWidths.b }

    public var dequantTraffic: DequantTraffic.Scheme? { nil }

    public var formatNames: (activations: String, weights: String) { (Self.element.name, Self.element.name) }
}
