import ArithmeticUnits
import NumberFormats

/// `fp16-mac`: the FP16×FP16 MAC with FP32 accumulation (the FP16 baseline), outputs in
/// `output_format` (default fp32); see `ElementMACKind` for what follows.
///
/// ```swift
/// FP16MACKind().operandWidths.b   // OperandWidth(bits: 16)
/// ```
public struct FP16MACKind: ElementMACKind {
    public static let name = "fp16-mac"
    public static let mac = FloatMAC.Kind.fp16, element = ElementFormat.fp16
    public var outputFormat: ElementFormat
    public init(outputFormat: ElementFormat = .fp32) { self.outputFormat = outputFormat }
}
