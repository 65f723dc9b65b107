import NumberFormats
import Workloads

/// The tensors of a BERT encoder (names with or without a `bert.` prefix), as float64:
/// embeddings, their LayerNorm, and per layer the six dense layers (`MiniLMLinear`, B = Wᵀ)
/// and the two LayerNorms.
///
/// ```swift
/// let w = try BertWeights(file: SafetensorsFile(contentsOf: url), config: config)
/// w.layers[0].dense[0].name   // "layer0.query"
/// ```
public struct BertWeights: Sendable {
    public struct LayerNorm: Sendable { public var gamma: [Double], beta: [Double] }
    public struct Layer: Sendable {
        /// In `MiniLMLinear.Role` order: query, key, value, attention output, intermediate, output.
        public var dense: [MiniLMLinear]
        public var attentionNorm: LayerNorm
        public var outputNorm: LayerNorm
    }

    public var words: Matrix
    public var positions: Matrix
    public var tokenTypes: Matrix
    public var embeddingNorm: LayerNorm
    public var layers: [Layer]

    public init(file: SafetensorsFile, config c: BertConfig) throws(WorkloadError) {
        let prefix = file.tensors["bert.embeddings.word_embeddings.weight"] != nil ? "bert." : ""
        func tensor(_ name: String, _ shape: [Int]) throws(WorkloadError) -> Matrix {
            let full = prefix + name
            guard let info = file.tensors[full] else { throw .invalid(path: file.path, field: full, message: "missing tensor") }
            guard info.shape == shape else {
                throw .invalid(path: file.path, field: "\(full).shape", message: "expected \(shape), found \(info.shape)")
            }
            return try file.matrix(full)
        }
        func norm(_ name: String) throws(WorkloadError) -> LayerNorm {
            LayerNorm(gamma: try tensor(name + ".weight", [c.hidden]).storage, beta: try tensor(name + ".bias", [c.hidden]).storage)
        }
        guard let vocab = file.tensors[prefix + "embeddings.word_embeddings.weight"]?.shape.first else {
            throw .invalid(path: file.path, field: "embeddings.word_embeddings.weight", message: "missing tensor (not a BERT checkpoint?)")
        }
        words = try tensor("embeddings.word_embeddings.weight", [vocab, c.hidden])
        positions = try tensor("embeddings.position_embeddings.weight", [c.maxPositions, c.hidden])
        let types = file.tensors[prefix + "embeddings.token_type_embeddings.weight"]?.shape.first ?? 0
        tokenTypes = try tensor("embeddings.token_type_embeddings.weight", [max(types, 1), c.hidden])
        embeddingNorm = try norm("embeddings.LayerNorm")
        var layers: [Layer] = []
        for l in 0..<c.layers {
            var dense: [MiniLMLinear] = []
            for role in MiniLMLinear.Role.allCases {
                let k = role == .output ? c.intermediate : c.hidden
                let n = role == .intermediate ? c.intermediate : c.hidden
                let name = "encoder.layer.\(l).\(role.tensorPath)"
                let w = try tensor(name + ".weight", [n, k])
                let b = try tensor(name + ".bias", [n]).storage
                dense.append(MiniLMLinear(layer: l, role: role, tensor: prefix + name + ".weight", weights: w.transposed(), bias: b))
            }
            layers.append(Layer(dense: dense, attentionNorm: try norm("encoder.layer.\(l).attention.output.LayerNorm"),
                                outputNorm: try norm("encoder.layer.\(l).output.LayerNorm")))
        }
        self.layers = layers
    }
}
