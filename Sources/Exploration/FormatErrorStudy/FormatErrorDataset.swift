import NumberFormats
import Workloads

/// The GEMMs a format-error study runs, and where their numbers came from: the real
/// all-MiniLM-L6-v2 weights and activations, or seeded synthetic data at the same shapes
/// when the package is not installed.
///
/// ```swift
/// let data = FormatErrorDataset.miniLMOrSynthetic(try MiniLMLoad.load(tokens: 64, seed: 1), tokens: 64, seed: 1)
/// data.source        // .miniLM(path: …, tokenIDs: [...], seed: 1, layers: [0, 1, 2, 3, 4, 5]) or .synthetic(…)
/// data.gemms.count   // 36: six dense layers × six encoder layers
/// ```
public struct FormatErrorDataset: Sendable, Equatable {
    /// Where the operands came from.
    public enum Source: Sendable, Equatable {
        /// Real checkpoint weights (file path), embedding rows `tokenIDs` (drawn with `seed`),
        /// encoder `layers`.
        case miniLM(path: String, tokenIDs: [Int], seed: UInt64, layers: [Int])
        /// `SyntheticData` drawn from `seed`, used because of `reason`.
        case synthetic(seed: UInt64, reason: String)

        /// Whether the data is real.
        public var isReal: Bool {
            if case .miniLM = self { return true }
            return false
        }
    }

    public let source: Source
    public let gemms: [FormatErrorGEMM]

    public init(source: Source, gemms: [FormatErrorGEMM]) {
        self.source = source
        self.gemms = gemms
    }

    /// Every dense layer of the checkpoint, each with the real activations that feed it.
    public init(miniLM checkpoint: MiniLMCheckpoint) {
        var layers: [Int] = []
        for l in checkpoint.linears where layers.last != l.layer { layers.append(l.layer) }
        self.init(source: .miniLM(path: checkpoint.path, tokenIDs: checkpoint.tokenIDs, seed: checkpoint.seed, layers: layers),
                  gemms: checkpoint.linears.map {
                      FormatErrorGEMM(name: $0.name, activations: checkpoint.activations(for: $0), weights: $0.weights)
                  })
    }

    /// Synthetic operands at `shapes` (each shape once): GEMM i draws its activations from
    /// `SyntheticData.activations(seed: seed + 2i)` and its weights from
    /// `SyntheticData.weights(seed: seed + 2i + 1)`.
    public static func synthetic(shapes: [GEMMShape], seed: UInt64, reason: String) -> FormatErrorDataset {
        let gemms = shapes.enumerated().map { i, s in
            let base = seed &+ 2 &* UInt64(i)
            return FormatErrorGEMM(name: s.name, activations: SyntheticData.activations(m: s.m, k: s.k, seed: base),
                                   weights: SyntheticData.weights(k: s.k, n: s.n, seed: base &+ 1))
        }
        return FormatErrorDataset(source: .synthetic(seed: seed, reason: reason), gemms: gemms)
    }

    /// The shapes of the real MiniLM GEMMs (`ModelConfig.miniLM`): per layer, in forward
    /// order, query, key, value, attention output (hidden → hidden), intermediate
    /// (hidden → ffn) and output (ffn → hidden), each with M = `tokens`, named as
    /// `MiniLMLinear.name`.
    ///
    /// ```swift
    /// FormatErrorDataset.miniLMShapes(layers: [0], tokens: 64).map(\.k)   // [384, 384, 384, 384, 384, 1536]
    /// ```
    public static func miniLMShapes(layers: [Int]? = nil, tokens: Int) -> [GEMMShape] {
        let model = ModelConfig.miniLM
        return (layers ?? Array(0..<model.layers)).flatMap { layer in
            MiniLMLinear.Role.allCases.map { role in
                GEMMShape(name: "layer\(layer).\(role.rawValue)", m: tokens, k: role == .output ? model.ffn : model.hidden,
                          n: role == .intermediate ? model.ffn : model.hidden)
            }
        }
    }

    /// The real data when `load` has it, else synthetic data at the real GEMMs' shapes,
    /// with the reason recorded in `source`. `layers` and `tokens` shape the synthetic
    /// fallback; a loaded checkpoint already carries its own layers and token rows.
    public static func miniLMOrSynthetic(_ load: MiniLMLoad, layers: [Int]? = nil, tokens: Int, seed: UInt64) -> FormatErrorDataset {
        switch load {
        case .loaded(let checkpoint): return FormatErrorDataset(miniLM: checkpoint)
        case .notInstalled(let why):
            return synthetic(shapes: miniLMShapes(layers: layers, tokens: tokens), seed: seed, reason: why)
        }
    }
}
