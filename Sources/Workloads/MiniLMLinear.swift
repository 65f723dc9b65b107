import NumberFormats

/// One dense (Linear) layer of the MiniLM checkpoint as GEMM weights.
///
/// Safetensors stores a Linear weight W as [out, in]; the GEMM C = A·B needs B[K×N] with
/// K = in and N = out, so `weights` is Wᵀ.
///
/// ```swift
/// let q = checkpoint.linears[0]
/// q.name            // "layer0.query"
/// q.tensor          // "encoder.layer.0.attention.self.query.weight"
/// (q.weights.rows, q.weights.cols)   // (384, 384): K × N
/// ```
public struct MiniLMLinear: Sendable, Equatable {
    /// The six dense layers of a BERT encoder layer, in forward order.
    public enum Role: String, Sendable, CaseIterable, Codable {
        case query, key, value
        case attentionOutput = "attention_output"
        case intermediate
        case output

        /// The tensor name between `encoder.layer.N.` and `.weight`.
        ///
        /// ```swift
        /// MiniLMLinear.Role.attentionOutput.tensorPath   // "attention.output.dense"
        /// ```
        public var tensorPath: String {
            switch self {
            case .query: return "attention.self.query"
            case .key: return "attention.self.key"
            case .value: return "attention.self.value"
            case .attentionOutput: return "attention.output.dense"
            case .intermediate: return "intermediate.dense"
            case .output: return "output.dense"
            }
        }
    }

    /// The encoder layer, from 0.
    public let layer: Int
    public let role: Role
    /// The checkpoint tensor the weights come from.
    public let tensor: String
    /// B = Wᵀ, K (input features) × N (output features).
    public let weights: Matrix
    /// The layer's bias (N values).
    public let bias: [Double]

    public init(layer: Int, role: Role, tensor: String, weights: Matrix, bias: [Double]) {
        self.layer = layer
        self.role = role
        self.tensor = tensor
        self.weights = weights
        self.bias = bias
    }

    /// A short name, `layer<N>.<role>`, e.g. `layer3.intermediate`.
    public var name: String { "layer\(layer).\(role.rawValue)" }
}
