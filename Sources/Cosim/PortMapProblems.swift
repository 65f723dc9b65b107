import ExactJSON

/// Every problem found in a port map, each with its JSON path.
public struct PortMapProblems: Error, Sendable {
    public let issues: [DesignIssue]
    public init(_ issues: [DesignIssue]) { self.issues = issues }
}
