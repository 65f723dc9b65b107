/// Why an input file could not be read: the path and what was found there.
///
/// ```swift
/// let p = InputFileProblem(path: "x.npy", found: "a directory")
/// p.describe(expected: "a .npy file")   // "x.npy: expected a .npy file, found a directory"
/// p.description                         // "x.npy: expected a readable file, found a directory"
/// ```
public struct InputFileProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as given.
    public let path: String
    /// What was found instead of a readable file, e.g. "no such file", "a directory",
    /// "a symbolic link loop (too many levels of symbolic links)", "an empty file".
    public let found: String

    public init(path: String, found: String) {
        self.path = path
        self.found = found
    }

    /// `<path>: expected <expected>, found <found>`.
    public func describe(expected: String) -> String { "\(path): expected \(expected), found \(found)" }

    public var description: String { describe(expected: "a readable file") }
}
