/// One problem found in a JSON document (a design, a sweep spec, a workload file): where it
/// is and what was expected/found. `FieldReader` collects them; `JSONNode.parse` and
/// `JSONPath(parsing:)` throw one.
///
/// The CLI prints it as `qarch: error: <file>: <path>: <message>`.
///
/// ```swift
/// let issue = DesignIssue(path: JSONPath.root.key("array").key("rows"),
///                         message: "expected an integer 1…65536, found 0")
/// issue.description   // "array.rows: expected an integer 1…65536, found 0"
/// ```
public struct DesignIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: JSONPath
    public var message: String

    public init(path: JSONPath, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
