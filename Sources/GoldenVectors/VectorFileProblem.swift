import ExactJSON

/// A problem on one line of a `vectors.jsonl`: the line, the JSON path in it and what was
/// expected and found, written `line 3: in.a: expected …, found …`.
public struct VectorFileProblem: Error, Sendable, CustomStringConvertible {
    public let line: Int
    public let path: JSONPath
    public let message: String

    public var description: String { "line \(line): \(path): \(message)" }
}
