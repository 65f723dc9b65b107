/// Why the seed reproduction could not be computed: a design file that does not load
/// with the reproduction's overrides, or a cost evaluation that failed.
///
/// ```swift
/// ReproductionError.design(file: "mixpe-w4a8.json", message: "no such file").description
/// // "mixpe-w4a8.json: no such file"
/// ```
public enum ReproductionError: Error, Sendable, Equatable, CustomStringConvertible {
    case design(file: String, message: String)
    case evaluation(design: String, workload: String, message: String)

    public var description: String {
        switch self {
        case let .design(file, message): return "\(file): \(message)"
        case let .evaluation(design, workload, message): return "\(design) on \(workload): \(message)"
        }
    }
}
