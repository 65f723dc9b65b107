/// Why a quantizer rejected its input.
///
/// ```swift
/// do { _ = try WeightQuantizer.asymmetric([1, 2, 3], k: 2, n: 2) }
/// catch { print(error) }   // "expected 4 values (2×2), found 3"
/// ```
public enum QuantizationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The value count does not match the stated shape.
    case shapeMismatch(rows: Int, columns: Int, found: Int)
    /// A dimension or group size is not positive (name, value).
    case invalidDimension(String, Int)
    /// The bit width is not supported by this quantizer.
    case unsupportedBits(Int)
    /// A weight is NaN or infinite (weights must be finite), at this flat index.
    case nonFiniteInput(index: Int)
    /// The format cannot be used here (name).
    case unsupportedFormat(String)

    public var description: String {
        switch self {
        case .shapeMismatch(let r, let c, let found):
            let (p, overflow) = r.multipliedReportingOverflow(by: c)
            return "expected \(overflow ? "\(r)·\(c)" : String(p)) values (\(r)×\(c)), found \(found)"
        case .invalidDimension(let name, let v): return "\(name) must be positive, found \(v)"
        case .unsupportedBits(let b): return "unsupported bit width \(b)"
        case .nonFiniteInput(let i): return "value at index \(i) is not finite"
        case .unsupportedFormat(let f): return "format \(f) is not supported here"
        }
    }

    /// Checks a row-major rows×columns shape and optionally a group size.
    static func check(count: Int, rows: Int, columns: Int, groupSize: Int? = nil) throws(QuantizationError) {
        guard rows > 0 else { throw .invalidDimension("rows", rows) }
        guard columns > 0 else { throw .invalidDimension("columns", columns) }
        if let g = groupSize, g <= 0 { throw .invalidDimension("group size", g) }
        let (p, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow, p == count else { throw .shapeMismatch(rows: rows, columns: columns, found: count) }
    }

    /// Throws for the first non-finite value.
    static func checkFinite(_ values: [Double]) throws(QuantizationError) {
        if let i = values.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteInput(index: i) }
    }
}
