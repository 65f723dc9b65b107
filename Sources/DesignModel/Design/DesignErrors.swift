import ExactJSON

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
