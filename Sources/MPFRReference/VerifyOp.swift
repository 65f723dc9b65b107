import NumberFormats
import QArchSupport

/// An operation `qarch verify` checks against MPFR.
public enum VerifyOp: String, CaseIterable, Sendable, Codable {
    case encode, decode, add, mul, fma, dot
}
