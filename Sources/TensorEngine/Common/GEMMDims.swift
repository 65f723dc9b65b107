import NumberFormats

/// The shape of C[M×N] = A[M×K]·B[K×N].
///
/// The engines accept a shape of positive dimensions with at most 2^62 MACs (`MACLimit`),
/// so M·K·N is always exact.
///
/// ```swift
/// let d = GEMMDims(m: 64, k: 4096, n: 4096)
/// try d.macs   // 1_073_741_824
/// try GEMMDims(m: 1 << 21, k: 1 << 21, n: 1 << 21).validated()
/// // throws: M·K·N = 2097152·2097152·2097152 MACs exceeds the limit 2^62 (= 4611686018427387904)
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

    /// Multiply-accumulates in the GEMM, M·K·N, exactly; throws as `validated()` does.
    public var macs: Int {
        get throws(TensorEngineError) {
            for (name, value) in [("m", m), ("k", k), ("n", n)] where value <= 0 {
                throw .invalidDimension(name: name, value: value)
            }
            guard let p = MACLimit.product([m, k, n]) else { throw .tooManyMACs(m: m, k: k, n: n) }
            return p
        }
    }

    /// Returns `self` if every dimension is positive and M·K·N is at most 2^62
    /// (`MACLimit`), otherwise the first problem.
    public func validated() throws(TensorEngineError) -> GEMMDims {
        _ = try macs
        return self
    }
}
