/// A problem with a workload input file, reported as one line naming the file and field.
///
/// ```swift
/// WorkloadError.invalid(path: "w.safetensors", field: "w.dtype", message: "expected F32").description
/// // "w.safetensors: w.dtype: expected F32"
/// ```
public enum WorkloadError: Error, Sendable, Equatable, CustomStringConvertible {
    case io(path: String, message: String)
    case invalid(path: String, field: String, message: String)

    public var description: String {
        switch self {
        case .io(let p, let m): return "\(p): \(m)"
        case .invalid(let p, let f, let m): return "\(p): \(f): \(m)"
        }
    }
}
