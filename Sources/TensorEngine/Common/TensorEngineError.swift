import NumberFormats

/// A configuration the tensor engine cannot run; returned as a value, never trapped on.
///
/// ```swift
/// do { _ = try GEMMDims(m: 0, k: 4, n: 4).validated() }
/// catch { print(error) }   // m: expected a positive GEMM dimension, found 0
/// ```
public enum TensorEngineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A GEMM dimension (`m`, `k`, `n`) was zero or negative.
    case invalidDimension(name: String, value: Int)
    /// An array parameter (`rows`, `cols`, `cyclesPerStep`) was zero or negative.
    case invalidArray(name: String, value: Int)
    /// A DRAM parameter (`bytesPerCycle`, `aBits`, `bBits`, `cBits`) was zero or negative.
    case invalidMemory(name: String, value: Int)
    /// A has `activationColumns` columns but B has `weightRows` rows.
    case dimensionMismatch(activationColumns: Int, weightRows: Int)
    /// A timing convention the engine does not define (`scalesim` is systolic only).
    case unsupportedConvention(String)
    /// M·K·N exceeds `MACLimit` (2^62).
    case tooManyMACs(m: Int, k: Int, n: Int)
    /// A count derived from the shape (the named quantity: cycles, bytes, accesses, …)
    /// would exceed 2^63 − 1, the largest count the engine holds exactly.
    case countOverflow(String)

    public var description: String {
        switch self {
        case let .invalidDimension(name, value):
            return "\(name): expected a positive GEMM dimension, found \(value)"
        case let .invalidArray(name, value):
            return "\(name): expected a positive array parameter, found \(value)"
        case let .invalidMemory(name, value):
            return "\(name): expected a positive memory parameter, found \(value)"
        case let .dimensionMismatch(k, rows):
            return "k: A has \(k) columns but B has \(rows) rows"
        case let .unsupportedConvention(what):
            return "timing: \(what)"
        case let .tooManyMACs(m, k, n):
            return MACLimit.excess("M·K·N", [m, k, n])
        case let .countOverflow(what):
            return "\(what) exceed 2^63−1 (= \(Int.max)), the largest count the engine holds exactly"
        }
    }
}
