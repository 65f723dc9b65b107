/// One GEMM C[M×N] = A[M×K]·B[K×N] of a workload, with how many times it repeats.
///
/// ```swift
/// let q = GEMMShape(name: "q_proj", m: 1, k: 4096, n: 4096, count: 32)
/// q.macs   // 536_870_912 (= 4096·4096·32)
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

    /// Multiply-accumulates of all occurrences (wrapping, never trapping).
    public var macs: Int { m.multipliedReportingOverflow(by: k).partialValue
        .multipliedReportingOverflow(by: n).partialValue.multipliedReportingOverflow(by: count).partialValue }
}
