import Foundation
import ExactJSON

/// The shape of a model read from a Hugging Face `config.json` (Workloads/README.md,
/// "Models from Hugging Face configs"): what `gemms(…)` needs to list every GEMM of a
/// forward pass.
///
/// Families by `model_type`: `llama`, `mistral`, `qwen2` (grouped-query attention,
/// `head_dim` if given), `mixtral`, `qwen2_moe` (experts), `opt`, `gpt2`, `bert`, `vit`.
/// Fields use the public Hugging Face names (`hidden_size`, `num_key_value_heads`,
/// `n_embd`, …); a missing field or an unknown `model_type` is a `WorkloadError` naming the
/// file and the key.
///
/// ```swift
/// let json = #"{"model_type": "llama", "hidden_size": 4096, "intermediate_size": 14336,"#
///     + #" "num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 8, "vocab_size": 128256}"#
/// let c = try HFModelConfig(data: Data(json.utf8), file: "config.json")
/// c.kvHeads * c.headDim   // 1024: K/V width under GQA
/// ```
public struct HFModelConfig: Sendable, Hashable {
    /// The model families `HFModelConfig` reads, by `model_type`.
    public static let modelTypes = ["llama", "mistral", "qwen2", "mixtral", "qwen2_moe", "opt", "gpt2", "bert", "vit"]

    /// Experts of a mixture-of-experts FFN.
    public struct Experts: Sendable, Hashable {
        /// Routed experts per MoE layer (`num_local_experts`, `num_experts`).
        public var count: Int
        /// Experts each token is routed to (`num_experts_per_tok`).
        public var active: Int
        /// Each routed expert's FFN width (`intermediate_size` for mixtral, `moe_intermediate_size` for qwen2_moe).
        public var ffn: Int
        /// The shared expert's FFN width (qwen2_moe `shared_expert_intermediate_size`), or nil.
        public var sharedFFN: Int?
        /// How many of the layers have the MoE FFN (the others a dense FFN of `ffn`).
        public var sparseLayers: Int
    }

    public var modelType: String
    public var hidden: Int
    public var layers: Int
    public var heads: Int
    public var kvHeads: Int
    public var headDim: Int
    /// The dense FFN width (0 when every layer is MoE).
    public var ffn: Int
    /// Whether the FFN is SwiGLU (gate_proj beside up_proj).
    public var gated: Bool
    /// Vocabulary size, for the lm_head GEMM; nil for encoders (bert, vit).
    public var vocab: Int?
    /// Whether lm_head shares the token embedding's weights (`tie_word_embeddings`).
    public var tiedEmbeddings: Bool
    public var experts: Experts?
    /// OPT `word_embed_proj_dim` when it differs from `hidden_size` (project_in/out GEMMs).
    public var embedProjection: Int?
    /// ViT: tokens per image (patches + the [CLS] token), or nil for text models.
    public var imageTokens: Int?
    /// ViT: the patch embedding's input width, `num_channels · patch_size²`.
    public var patchInput = 0

    /// Whether the model is an encoder (bert, vit): no decode phase, no lm_head.
    public var isEncoder: Bool { modelType == "bert" || modelType == "vit" }

    /// Read the config at `path`.
    public init(contentsOf path: String) throws(WorkloadError) {
        let data: Data
        do { data = try InputFile.readJSON(path) } catch {
            throw .io(path: path, message: "expected a Hugging Face config.json, found \(error.found)")
        }
        try self.init(data: data, file: path)
    }

    /// Parse config.json bytes read from `file`.
    public init(data: Data, file: String) throws(WorkloadError) {
        let root: JSONNode
        switch JSONNode.parse(data) {
        case .success(let node): root = node
        case .failure(let issue): throw .invalid(path: file, field: issue.path.description, message: issue.message)
        }
        var r = FieldReader()
        let size = 1...(1 << 30)
        func first() -> WorkloadError {
            let issue = r.issues.first ?? DesignIssue(path: .root, message: "expected a model config")
            return .invalid(path: file, field: issue.path.description, message: issue.message)
        }
        guard let obj = r.object(root, at: .root, keys: [], freeForm: true, what: "a config object") else { throw first() }
        /// A field that may be absent or null.
        func optional(_ key: String) -> Int? {
            if obj[key] == nil || obj[key] == .null { return nil }
            return r.integer(obj, key, at: .root, in: size)
        }
        func required(_ key: String) -> Int { r.integer(obj, key, at: .root, in: size) ?? 0 }
        func check() throws(WorkloadError) { if !r.issues.isEmpty { throw first() } }

        let type = r.string(obj, "model_type", at: .root) ?? ""
        try check()
        guard Self.modelTypes.contains(type) else {
            throw .invalid(path: file, field: "model_type", message: "expected one of \(Self.modelTypes.joined(separator: ", ")), "
                           + "found '\(type)'\(Suggestion.hint(for: type, in: Self.modelTypes))")
        }
        modelType = type
        experts = nil
        embedProjection = nil
        let tied = obj["tie_word_embeddings"] == nil ? nil : r.bool(obj, "tie_word_embeddings", at: .root)
        switch type {
        case "gpt2":
            hidden = required("n_embd"); layers = required("n_layer"); heads = required("n_head")
            vocab = required("vocab_size")
            try check()
            ffn = optional("n_inner") ?? 4 * hidden
            kvHeads = heads; gated = false; tiedEmbeddings = tied ?? true
        default:
            hidden = required("hidden_size"); layers = required("num_hidden_layers"); heads = required("num_attention_heads")
            try check()
            kvHeads = heads; gated = false; tiedEmbeddings = tied ?? false; vocab = nil; ffn = 0
            switch type {
            case "opt":
                ffn = required("ffn_dim"); vocab = required("vocab_size"); tiedEmbeddings = tied ?? true
                if let p = optional("word_embed_proj_dim"), p != hidden { embedProjection = p }
            case "bert":
                ffn = required("intermediate_size")
            case "vit":
                ffn = required("intermediate_size")
                let image = required("image_size"), patch = required("patch_size")
                let channels = optional("num_channels") ?? 3
                try check()
                guard patch <= image, image % patch == 0 else {
                    throw .invalid(path: file, field: "patch_size",
                                   message: "expected a divisor of image_size \(image), found \(patch)")
                }
                let side = image / patch   // ≤ 2^30, so side² + 1 and the products below fit or saturate
                imageTokens = side * side + 1
                let (area, o1) = patch.multipliedReportingOverflow(by: patch)
                let (input, o2) = area.multipliedReportingOverflow(by: channels)
                patchInput = o1 || o2 ? .max : input
            default:   // llama, mistral, qwen2, mixtral, qwen2_moe
                gated = true
                vocab = required("vocab_size")
                kvHeads = optional("num_key_value_heads") ?? heads
                if type == "mixtral" {
                    let count = required("num_local_experts"), active = required("num_experts_per_tok")
                    let width = required("intermediate_size")
                    experts = Experts(count: count, active: active, ffn: width, sharedFFN: nil, sparseLayers: layers)
                } else if type == "qwen2_moe" {
                    ffn = required("intermediate_size")
                    let count = required("num_experts"), active = required("num_experts_per_tok")
                    let width = required("moe_intermediate_size")
                    let shared = optional("shared_expert_intermediate_size")
                    let step = optional("decoder_sparse_step") ?? 1
                    var dense = Set<Int>()
                    if let list = obj["mlp_only_layers"], list != .null, let items = r.array(list, at: JSONPath.root.key("mlp_only_layers")) {
                        for (i, item) in items.enumerated() {
                            if let l = r.integer(item, at: JSONPath.root.key("mlp_only_layers").index(i), in: 0...(1 << 30)) { dense.insert(l) }
                        }
                    }
                    let sparse = (0..<layers).filter { !dense.contains($0) && ($0 + 1) % max(step, 1) == 0 }.count
                    experts = Experts(count: count, active: active, ffn: width, sharedFFN: shared, sparseLayers: sparse)
                } else {
                    ffn = required("intermediate_size")
                }
            }
        }
        try check()
        if let e = experts, e.active > e.count {
            throw .invalid(path: file, field: "num_experts_per_tok",
                           message: "expected at most the \(e.count) experts, found \(e.active)")
        }
        guard kvHeads <= heads, heads % kvHeads == 0 else {
            throw .invalid(path: file, field: "num_key_value_heads",
                           message: "expected a divisor of num_attention_heads \(heads), found \(kvHeads)")
        }
        if let d = optional("head_dim"), !["gpt2", "opt", "bert", "vit"].contains(type) {
            headDim = d
        } else {
            guard hidden % heads == 0 else {
                throw .invalid(path: file, field: type == "gpt2" ? "n_head" : "num_attention_heads",
                               message: "expected a divisor of the hidden size \(hidden), found \(heads)")
            }
            headDim = hidden / heads
        }
        try check()
    }
}
