/// The shape of C[M×N] = A[M×K]·B[K×N].
///
/// ```swift
/// let d = GEMMDims(m: 64, k: 4096, n: 4096)
/// d.macs   // 1_073_741_824
/// ```
public struct GEMMDims: Equatable, Hashable, Sendable, Codable {
    public var m: Int
    public var k: Int
    public var n: Int

    public init(m: Int, k: Int, n: Int) {
        self.m = m
        self.k = k
        self.n = n
    }

    /// Multiply-accumulates in the GEMM, M·K·N (saturating at `Int.max`).
    public var macs: Int { Saturating.mul(Saturating.mul(m, k), n) }

    /// Returns `self` if every dimension is positive, otherwise the first bad one.
    public func validated() throws(TensorEngineError) -> GEMMDims {
        for (name, value) in [("m", m), ("k", k), ("n", n)] where value <= 0 {
            throw .invalidDimension(name: name, value: value)
        }
        return self
    }
}
