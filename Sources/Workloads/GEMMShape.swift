import NumberFormats

/// One GEMM C[M×N] = A[M×K]·B[K×N] of a workload, with how many times it repeats.
///
/// ```swift
/// let q = GEMMShape(name: "q_proj", m: 1, k: 4096, n: 4096, count: 32)
/// q.macs   // 536_870_912 (= 4096·4096·32)
/// GEMMShape(name: "g", m: 1 << 21, k: 1 << 21, n: 1 << 21).macs   // nil: beyond 2^62
/// ```
public struct GEMMShape: Sendable, Hashable, Codable {
    public var name: String
    public var m: Int
    public var k: Int
    public var n: Int
    /// How many times this GEMM occurs (e.g. once per layer).
    public var count: Int

    public init(name: String, m: Int, k: Int, n: Int, count: Int = 1) {
        self.name = name
        self.m = m
        self.k = k
        self.n = n
        self.count = count
    }

    /// Multiply-accumulates of all occurrences, count·M·K·N, exactly; nil when that exceeds
    /// 2^62 (`MACLimit`) or a field is negative.
    public var macs: Int? { MACLimit.product([count, m, k, n]) }
}
