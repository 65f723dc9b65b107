import NumberFormats

/// Why a format-error study could not run, as one line.
///
/// ```swift
/// FormatErrorStudyError.emptyDataset.description   // "format-error study: the dataset has no GEMMs"
/// ```
public enum FormatErrorStudyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A design file could not be read or decoded.
    case designFile(path: String, message: String)
    /// The dataset has no GEMMs (or a GEMM with an empty dimension).
    case emptyDataset
    /// A GEMM's A columns do not match its B rows.
    case shapeMismatch(gemm: String, activationColumns: Int, weightRows: Int)
    /// A unit could not quantize a GEMM's operands.
    case quantization(format: String, gemm: String, QuantizationError)
    /// The unit or the cost model rejected a GEMM or design.
    case evaluation(format: String, message: String)

    public var description: String {
        switch self {
        case .designFile(let p, let m): return "\(p): \(m)"
        case .emptyDataset: return "format-error study: the dataset has no GEMMs"
        case .shapeMismatch(let g, let a, let b):
            return "format-error study: \(g): A has \(a) columns but B has \(b) rows"
        case .quantization(let f, let g, let e): return "format-error study: \(f): \(g): \(e)"
        case .evaluation(let f, let m): return "format-error study: \(f): \(m)"
        }
    }
}
