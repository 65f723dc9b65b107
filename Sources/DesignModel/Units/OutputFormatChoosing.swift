import NumberFormats

/// A unit kind whose outputs a design may write in any element format (`unit.output_format`),
/// so a study can run the same unit with FP32 outputs to separate operand rounding from
/// output re-encoding.
///
/// ```swift
/// var hif8 = HiF8MACKind(outputFormat: .hif8)
/// hif8.outputFormat = .fp32
/// ```
public protocol OutputFormatChoosing: UnitKind {
    var outputFormat: ElementFormat { get set }
}
