import NumberFormats

/// An operation `qarch verify` checks against MPFR.
public enum VerifyOp: String, CaseIterable, Sendable, Codable {
    case encode, decode, add, mul, fma, dot
}

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

/// Runs the bit-exact checks of NumberFormats against MPFR. (Contract; implementation pending.)
public enum Verifier {
    /// Check `ops` for each of `formats`: exhaustive where the input space is small, else
    /// `samples` seeded random cases. Deterministic for a given seed whatever `jobs` is.
    public static func run(formats: [ElementFormat], ops: [VerifyOp], samples: Int, seed: UInt64,
                           jobs: Int) -> [VerificationCheck] {
        []
    }
}
