import ArithmeticUnits
import NumberFormats

/// `hif8-mac`: the HiF8×HiF8 MAC (ArithmeticUnits/README.md, "Floating-point MACs"): per-tensor
/// scales, exact products, FP32 accumulation, outputs in `output_format` (e.g. re-encoded to HiF8
/// with ties away; default fp32); see `ElementMACKind` for what follows.
///
/// ```swift
/// HiF8MACKind(outputFormat: .hif8).operandWidths.c   // OperandWidth(bits: 8)
/// ```
public struct HiF8MACKind: ElementMACKind {
    public static let name = "hif8-mac"
    public static let mac = FloatMAC.Kind.hif8, element = ElementFormat.hif8
    public var outputFormat: ElementFormat
    public init(outputFormat: ElementFormat = .fp32) { self.outputFormat = outputFormat }
}
