import Foundation
import NumberFormats

/// The real all-MiniLM-L6-v2 weights as GEMM operands (Workloads/README.md, "Real data (MiniLM)"):
/// every encoder layer's six dense layers, and real activations.
///
/// - **Weights:** per selected layer, in forward order, query, key, value, attention output,
///   FFN intermediate (384 → 1536) and FFN output (1536 → 384), each as B = Wᵀ (K×N).
/// - **Activations for K = hidden:** `tokens` rows of `embeddings.word_embeddings.weight`,
///   the token ids drawn without replacement by `SplitMix64(seed)` from the regular
///   vocabulary (ids ≥ 999, past BERT's `[PAD]`/`[unused…]` rows; the whole vocabulary when it
///   is smaller than that), then sorted.
/// - **Activations for K = ffn** (the FFN output layer's input): GELU(X·W_intᵀ + b_int) of the
///   same layer for those rows X, in float64 with the exact-erf GELU BERT uses.
///
/// Tensor names may carry a `bert.` prefix. Shapes are checked against the word-embedding
/// width; any problem is a one-line `WorkloadError` naming the tensor.
///
/// ```swift
/// let ckpt = try MiniLMCheckpoint(contentsOf: URL(fileURLWithPath: "model.safetensors"), tokens: 64, seed: 1)
/// ckpt.linears.count                         // 36 (6 layers × 6)
/// ckpt.activations(for: ckpt.linears[0])     // 64 × 384 embedding rows
/// ckpt.activations(for: ckpt.linears[5])     // 64 × 1536 GELU outputs of layer 0's FFN
/// ```
public struct MiniLMCheckpoint: Sendable {
    /// The file the weights were read from (`archive.zip!model.safetensors` for a zip).
    public internal(set) var path: String
    /// Model width (the word-embedding row length).
    public let hidden: Int
    /// FFN inner width.
    public let ffn: Int
    /// Vocabulary size (word-embedding rows).
    public let vocabulary: Int
    /// Encoder layers in the file.
    public let layerCount: Int
    /// The selected layers' dense layers, layer-major, in `MiniLMLinear.Role` order.
    public let linears: [MiniLMLinear]
    /// The word-embedding rows used as activations, ascending.
    public let tokenIDs: [Int]
    /// The seed the token ids were drawn with.
    public let seed: UInt64
    /// `tokenIDs.count` × `hidden`: the embedding rows.
    public let tokenActivations: Matrix
    /// Per selected layer: GELU(tokenActivations·W_intᵀ + b_int), `tokenIDs.count` × `ffn`.
    let ffnActivations: [Int: Matrix]

    /// The first token id past BERT's `[PAD]` and `[unused…]` rows (uncased vocabulary).
    public static let firstRegularToken = 999

    /// Read a `.safetensors` checkpoint.
    public init(contentsOf url: URL, layers: [Int]? = nil, tokens: Int = 64, seed: UInt64 = 0) throws(WorkloadError) {
        try self.init(file: SafetensorsFile(contentsOf: url), layers: layers, tokens: tokens, seed: seed)
    }

    /// Take the weights and activations out of an opened checkpoint; `layers` nil = all.
    public init(file: SafetensorsFile, layers: [Int]? = nil, tokens: Int = 64, seed: UInt64 = 0) throws(WorkloadError) {
        let path = file.path
        let prefix = file.tensors["bert.embeddings.word_embeddings.weight"] != nil ? "bert." : ""
        let embeddingName = prefix + "embeddings.word_embeddings.weight"
        guard let embedding = file.tensors[embeddingName] else {
            throw .invalid(path: path, field: embeddingName, message: "missing tensor (not a BERT/MiniLM checkpoint?)")
        }
        guard embedding.shape.count == 2, embedding.shape[0] > 0, embedding.shape[1] > 0 else {
            throw .invalid(path: path, field: embeddingName, message: "expected a non-empty 2-D [vocabulary, hidden] tensor, found \(embedding.shape)")
        }
        let (vocabulary, hidden) = (embedding.shape[0], embedding.shape[1])
        func layerTensor(_ layer: Int, _ role: MiniLMLinear.Role, _ kind: String) -> String {
            "\(prefix)encoder.layer.\(layer).\(role.tensorPath).\(kind)"
        }
        var layerCount = 0
        while file.tensors[layerTensor(layerCount, .query, "weight")] != nil { layerCount += 1 }
        guard layerCount > 0 else {
            throw .invalid(path: path, field: layerTensor(0, .query, "weight"), message: "missing tensor (no encoder layers)")
        }
        let selected = layers ?? Array(0..<layerCount)
        guard !selected.isEmpty else { throw .invalid(path: path, field: "layers", message: "expected at least one layer, found none") }
        if let bad = selected.first(where: { !(0..<layerCount).contains($0) }) {
            throw .invalid(path: path, field: "layers", message: "expected layers 0…\(layerCount - 1), found \(bad)")
        }
        guard let ffnInfo = file.tensors[layerTensor(selected[0], .intermediate, "weight")], ffnInfo.shape.count == 2,
              ffnInfo.shape[0] > 0 else {
            throw .invalid(path: path, field: layerTensor(selected[0], .intermediate, "weight"),
                           message: "expected a 2-D [ffn, \(hidden)] tensor")
        }
        let ffn = ffnInfo.shape[0]
        let first = vocabulary - Self.firstRegularToken >= tokens ? Self.firstRegularToken : 0
        guard tokens >= 1, tokens <= vocabulary else {
            throw .invalid(path: path, field: "tokens", message: "expected 1…\(vocabulary) token rows, found \(tokens)")
        }
        let ids = Self.drawTokens(count: tokens, from: first..<vocabulary, seed: seed)

        let table = try file.values(embeddingName)
        var x = Matrix(rows: tokens, cols: hidden)
        for (r, id) in ids.enumerated() {
            for c in 0..<hidden { x.storage[r * hidden + c] = table[id * hidden + c] }
        }

        var linears: [MiniLMLinear] = []
        var ffnActivations: [Int: Matrix] = [:]
        for layer in selected {
            for role in MiniLMLinear.Role.allCases {
                let k = role == .output ? ffn : hidden
                let n = role == .intermediate ? ffn : hidden
                let name = layerTensor(layer, role, "weight")
                let w = try Self.matrix(file, name, shape: [n, k])
                let biasName = layerTensor(layer, role, "bias")
                let bias = try Self.matrix(file, biasName, shape: [n]).storage
                let linear = MiniLMLinear(layer: layer, role: role, tensor: name, weights: w.transposed(), bias: bias)
                if role == .intermediate { ffnActivations[layer] = Self.geluLayer(x, linear) }
                linears.append(linear)
            }
        }
        self.path = path
        self.hidden = hidden
        self.ffn = ffn
        self.vocabulary = vocabulary
        self.layerCount = layerCount
        self.linears = linears
        self.tokenIDs = ids
        self.seed = seed
        self.tokenActivations = x
        self.ffnActivations = ffnActivations
    }

    /// The real activations A (M×K) that feed `linear`: the embedding rows when K = hidden,
    /// the layer's GELU FFN activations when K = ffn.
    public func activations(for linear: MiniLMLinear) -> Matrix {
        linear.role == .output ? (ffnActivations[linear.layer] ?? Matrix(rows: tokenIDs.count, cols: ffn)) : tokenActivations
    }

    /// BERT's GELU, 0.5·x·(1 + erf(x/√2)).
    ///
    /// ```swift
    /// MiniLMCheckpoint.gelu(0)   // 0.0
    /// ```
    public static func gelu(_ x: Double) -> Double { 0.5 * x * (1 + erf(x * 0.5.squareRoot())) }

    /// `count` distinct ids from `range`, drawn by a partial Fisher–Yates shuffle driven by
    /// `SplitMix64(seed)`, sorted ascending.
    ///
    /// ```swift
    /// MiniLMCheckpoint.drawTokens(count: 3, from: 0..<3, seed: 7)   // [0, 1, 2]
    /// ```
    public static func drawTokens(count: Int, from range: Range<Int>, seed: UInt64) -> [Int] {
        let span = range.count
        let n = min(max(count, 0), span)
        var rng = SplitMix64(seed: seed)
        var moved: [Int: Int] = [:]
        var picked: [Int] = []
        picked.reserveCapacity(n)
        for i in 0..<n {
            let j = i + Int(rng.next() % UInt64(span - i))
            let atJ = moved[j] ?? j
            moved[j] = moved[i] ?? i
            picked.append(range.lowerBound + atJ)
        }
        return picked.sorted()
    }

    /// A tensor read as a matrix after checking its shape (1-D shapes read as one row).
    static func matrix(_ file: SafetensorsFile, _ name: String, shape: [Int]) throws(WorkloadError) -> Matrix {
        guard let info = file.tensors[name] else { throw .invalid(path: file.path, field: name, message: "missing tensor") }
        guard info.shape == shape else {
            throw .invalid(path: file.path, field: "\(name).shape", message: "expected \(shape), found \(info.shape)")
        }
        return try file.matrix(name)
    }

    /// GELU(X·B + bias) in float64, summed in k order.
    static func geluLayer(_ x: Matrix, _ linear: MiniLMLinear) -> Matrix {
        let (m, k, n) = (x.rows, x.cols, linear.weights.cols)
        var out = Matrix(rows: m, cols: n)
        for r in 0..<m {
            var acc = linear.bias
            for kk in 0..<k {
                let a = x.storage[r * k + kk]
                for c in 0..<n { acc[c] += a * linear.weights.storage[kk * n + c] }
            }
            for c in 0..<n { out.storage[r * n + c] = gelu(acc[c]) }
        }
        return out
    }
}
