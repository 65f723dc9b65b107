import NumberFormats
import Workloads

/// One GEMM of the format-error study: real-valued activations A (M×K) and weights B (K×N),
/// before any quantization.
///
/// ```swift
/// let g = FormatErrorGEMM(name: "layer0.query", activations: a, weights: w)   // a: 64×384, w: 384×384
/// g.shape   // GEMMShape(name: "layer0.query", m: 64, k: 384, n: 384, count: 1)
/// ```
public struct FormatErrorGEMM: Sendable, Equatable {
    public let name: String
    /// A, M×K.
    public let activations: Matrix
    /// B, K×N (for a Linear layer stored [out, in], B = Wᵀ).
    public let weights: Matrix

    public init(name: String, activations: Matrix, weights: Matrix) {
        self.name = name
        self.activations = activations
        self.weights = weights
    }

    /// The GEMM's shape, occurring once.
    public var shape: GEMMShape { GEMMShape(name: name, m: activations.rows, k: activations.cols, n: weights.cols) }
}
