/// The GEMMs of a forward pass of an `HFModelConfig` (Workloads/README.md, "Models from
/// Hugging Face configs").
///
/// Order: each layer's weight GEMMs in forward order (for llama-style models exactly the
/// built-in `ModelConfig` list: q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj,
/// down_proj), then the two attention GEMMs `attn.scores` (Q·Kᵀ) and `attn.context`
/// (P·V), then the model's own GEMMs (patch_embed, project_in/out, pooler, lm_head).
/// The whole model counts each layer GEMM once per layer.
///
/// ```swift
/// let c = try HFModelConfig(contentsOf: "llama-2-7b/config.json")
/// c.gemms(phase: .decode, m: 1, context: 256, layerOnly: true).map(\.name)
/// // ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj", "attn.scores", "attn.context"]
/// ```
extension HFModelConfig {
    /// The GEMMs for `phase` with M = `m` (prefill: tokens of one sequence, ViT: images;
    /// decode: sequences, each attending over `context` keys).
    public func gemms(phase: Phase, m: Int, context: Int, layerOnly: Bool) -> [GEMMShape] {
        // Tokens through the linear layers, and the attention's query/key lengths and sequences.
        let tokens: Int, queryLength: Int, keyLength: Int, sequences: Int
        if let perImage = imageTokens {
            (tokens, queryLength, keyLength, sequences) = (saturating(m, perImage), perImage, perImage, m)
        } else if phase == .prefill {
            (tokens, queryLength, keyLength, sequences) = (m, m, m, 1)
        } else {
            (tokens, queryLength, keyLength, sequences) = (m, 1, context, m)
        }
        let sparse = experts?.sparseLayers ?? 0
        let dense = layers - sparse
        var ffnGEMMs: [GEMMShape] = []
        if let e = experts, sparse > 0 {
            ffnGEMMs += expertGEMMs(e, tokens: tokens).map { var g = $0; g.count = saturating(g.count, layerOnly ? 1 : sparse); return g }
        }
        if ffn > 0, dense > 0, !(layerOnly && sparse > 0) {
            ffnGEMMs += denseFFN(tokens, width: ffn).map { var g = $0; g.count = saturating(g.count, layerOnly ? 1 : dense); return g }
        }
        // Q·Kᵀ and P·V, one pair per K/V head and sequence; the query heads sharing a K/V head
        // are stacked along M (grouped-query attention).
        let group = heads / kvHeads
        let core = [
            GEMMShape(name: "attn.scores", m: saturating(group, queryLength), k: headDim, n: keyLength, count: saturating(kvHeads, sequences)),
            GEMMShape(name: "attn.context", m: saturating(group, queryLength), k: keyLength, n: headDim, count: saturating(kvHeads, sequences)),
        ]
        let perLayer = layerOnly ? 1 : layers
        let attention = attentionProjections(tokens).map { var g = $0; g.count = saturating(g.count, perLayer); return g }
        var list = attention + ffnGEMMs + core.map { var g = $0; g.count = saturating(g.count, perLayer); return g }
        if !layerOnly { list += modelGEMMs(tokens: tokens, sequences: sequences) }
        return list
    }

    /// a · b, or Int.max when that overflows: an oversized shape then fails `Workload.validated`
    /// (the 2^62 MAC limit) instead of trapping.
    func saturating(_ a: Int, _ b: Int) -> Int {
        let (p, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? .max : p
    }

    func attentionProjections(_ t: Int) -> [GEMMShape] {
        let q = heads * headDim, kv = kvHeads * headDim
        switch modelType {
        case "gpt2":
            return [GEMMShape(name: "attn.c_attn", m: t, k: hidden, n: 3 * hidden),
                    GEMMShape(name: "attn.c_proj", m: t, k: hidden, n: hidden)]
        case "bert":
            return [GEMMShape(name: "query", m: t, k: hidden, n: hidden), GEMMShape(name: "key", m: t, k: hidden, n: hidden),
                    GEMMShape(name: "value", m: t, k: hidden, n: hidden),
                    GEMMShape(name: "attention_output", m: t, k: hidden, n: hidden)]
        case "opt", "vit":
            return [GEMMShape(name: "q_proj", m: t, k: hidden, n: hidden), GEMMShape(name: "k_proj", m: t, k: hidden, n: hidden),
                    GEMMShape(name: "v_proj", m: t, k: hidden, n: hidden), GEMMShape(name: "out_proj", m: t, k: hidden, n: hidden)]
        default:
            return [GEMMShape(name: "q_proj", m: t, k: hidden, n: q), GEMMShape(name: "k_proj", m: t, k: hidden, n: kv),
                    GEMMShape(name: "v_proj", m: t, k: hidden, n: kv), GEMMShape(name: "o_proj", m: t, k: q, n: hidden)]
        }
    }

    func denseFFN(_ t: Int, width: Int, prefix: String = "") -> [GEMMShape] {
        switch modelType {
        case "gpt2":
            return [GEMMShape(name: "mlp.c_fc", m: t, k: hidden, n: width), GEMMShape(name: "mlp.c_proj", m: t, k: width, n: hidden)]
        case "bert":
            return [GEMMShape(name: "intermediate", m: t, k: hidden, n: width), GEMMShape(name: "output", m: t, k: width, n: hidden)]
        case "opt", "vit":
            return [GEMMShape(name: "fc1", m: t, k: hidden, n: width), GEMMShape(name: "fc2", m: t, k: width, n: hidden)]
        default:
            return [GEMMShape(name: prefix + "gate_proj", m: t, k: hidden, n: width),
                    GEMMShape(name: prefix + "up_proj", m: t, k: hidden, n: width),
                    GEMMShape(name: prefix + "down_proj", m: t, k: width, n: hidden)]
        }
    }

    /// The router, the routed experts under balanced routing, and the shared expert.
    ///
    /// `tokens · active` token–expert pairs spread evenly over the experts: with q, r =
    /// divmod(tokens · active, count), r experts take q + 1 tokens and count − r take q
    /// (experts left without a token do no GEMM). Each group is one GEMM per projection with
    /// its count; when both groups exist their names end in `[M=…]`.
    func expertGEMMs(_ e: Experts, tokens t: Int) -> [GEMMShape] {
        var list = [GEMMShape(name: "router", m: t, k: hidden, n: e.count)]
        let pairs = saturating(t, e.active)
        let q = pairs / e.count, r = pairs % e.count
        let groups = [(q + 1, r), (q, e.count - r)].filter { $0.0 > 0 && $0.1 > 0 }
        for (m, n) in groups {
            let suffix = groups.count > 1 ? "[M=\(m)]" : ""
            list += denseFFN(m, width: e.ffn, prefix: "expert.").map {
                var g = $0; g.name += suffix; g.count = n; return g
            }
        }
        if let shared = e.sharedFFN {
            list += denseFFN(t, width: shared, prefix: "shared_expert.")
            list.append(GEMMShape(name: "shared_expert_gate", m: t, k: hidden, n: 1))
        }
        return list
    }

    /// GEMMs outside the layers: ViT's patch embedding and pooler, BERT's pooler, OPT's
    /// embedding projections, and lm_head (over every token of the pass).
    func modelGEMMs(tokens t: Int, sequences: Int) -> [GEMMShape] {
        var list: [GEMMShape] = []
        if let perImage = imageTokens {
            list.append(GEMMShape(name: "patch_embed", m: saturating(sequences, perImage - 1), k: patchInput, n: hidden))
        }
        if let p = embedProjection {
            list.append(GEMMShape(name: "project_in", m: t, k: p, n: hidden))
            list.append(GEMMShape(name: "project_out", m: t, k: hidden, n: p))
        }
        if isEncoder { list.append(GEMMShape(name: "pooler", m: sequences, k: hidden, n: hidden)) }
        if let vocab {
            list.append(GEMMShape(name: tiedEmbeddings ? "lm_head (tied)" : "lm_head", m: t, k: embedProjection ?? hidden, n: vocab))
        }
        return list
    }
}
