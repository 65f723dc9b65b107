import NumberFormats
import QArchSupport

/// The outcome of one (format, op) check.
public struct VerificationCheck: Sendable, Codable, Equatable {
    public var format: String
    public var op: String
    public var cases: Int
    public var mismatches: Int
    /// A one-line description of the first mismatch, or nil.
    public var firstMismatch: String?

    public init(format: String, op: String, cases: Int, mismatches: Int, firstMismatch: String?) {
        self.format = format; self.op = op; self.cases = cases; self.mismatches = mismatches
        self.firstMismatch = firstMismatch
    }
}
