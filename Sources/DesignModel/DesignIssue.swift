/// One problem found in a design document: where it is and what was expected/found.
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

/// Every problem found in one design document, in document order.
///
/// ```swift
/// do { _ = try Design.decode(data) }
/// catch { for issue in error.issues { print(issue) } }
/// ```
public struct DesignErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var issues: [DesignIssue]

    public init(_ issues: [DesignIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
