/// Why an output file or report folder was not written: the path and the reason, as one
/// line for `qarch: error: …`.
///
/// ```swift
/// OutputProblem(path: "/tmp", reason: "expected a file to write, found a directory").description
/// // "/tmp: expected a file to write, found a directory"
/// ```
public struct OutputProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as given.
    public let path: String
    /// What is wrong, e.g. "cannot write (no space left on device)".
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
