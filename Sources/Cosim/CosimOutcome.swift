import GoldenVectors

/// The result of driving every vector through the module: how many, how many differ,
/// which fields failed how often, and the first mismatches.
public struct CosimOutcome: Sendable {
    public let cases: Int
    public let mismatchCount: Int
    /// Output fields in port-map order with the number of operations where they differ.
    public let failingCounts: [(field: String, count: Int)]
    /// Operations where the handshake's `done` never came.
    public let timeouts: Int
    public let firstMismatches: [CosimMismatch]

    public var passed: Bool { mismatchCount == 0 }
}
