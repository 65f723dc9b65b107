import NumberFormats
import Workloads

/// Which product of the encoder a GEMM is, so an engine can keep per-layer state (e.g. the
/// weights it quantized once) and tell the dense layers from attention.
///
/// ```swift
/// GEMMOperation.dense(layer: 0, role: .query).isDense   // true
/// ```
public enum GEMMOperation: Sendable, Hashable {
    /// A Linear layer: A = activations, B = Wᵀ of the checkpoint.
    case dense(layer: Int, role: MiniLMLinear.Role)
    /// Attention scores of one head, Q·Kᵀ (B = Kᵀ).
    case attentionScores
    /// Attention context of one head, P·V (B = V).
    case attentionValues

    public var isDense: Bool { if case .dense = self { return true } else { return false } }
}

/// Computes the encoder's GEMMs C = A·B. The encoder stacks the token rows of many
/// sentences into one A; `segments` are each sentence's rows, so an engine whose activation
/// quantization depends on the whole tensor can run each sentence on its own. Rows are
/// independent, so an engine that quantizes per row may run the stack at once.
///
/// The engine side implements this (no dependency from `Models` on the engines):
///
/// ```swift
/// struct Exact: DenseGEMM {
///     func multiply(_ a: Matrix, _ b: Matrix, segments: [Range<Int>], operation: GEMMOperation) throws -> Matrix {
///         ExactGEMM().product(a, b)
///     }
/// }
/// ```
public protocol DenseGEMM: Sendable {
    func multiply(_ a: Matrix, _ b: Matrix, segments: [Range<Int>], operation: GEMMOperation) throws -> Matrix
}
