import CostModel
import DesignModel
import Models
import NumberFormats
import Workloads

/// One design's model-level accuracy on a sentence set: its embeddings against the
/// reference (`EmbeddingComparison`), and what a sentence costs on it — cycles, latency and
/// energy from the cost model (closed-form engine timing) for the GEMMs of one forward pass
/// at that sentence's own token count, averaged over the sentences.
///
/// ```swift
/// let r = try ModelAccuracy.measure(design, embedder: model, sentences: ids, reference: ref)
/// r.comparison.spearman; r.energyPJPerSentence
/// ```
public struct ModelAccuracy: Sendable {
    public var design: String
    public var bitsPerWeight: Double
    public var comparison: EmbeddingComparison
    public var cyclesPerSentence: Double
    public var latencySPerSentence: Double
    public var energyPJPerSentence: Double

    /// The GEMMs of one forward pass over `tokens` tokens: per layer Q, K, V and the
    /// attention output (tokens×hidden×hidden), FFN up and down; with `attention`, also
    /// each head's Q·Kᵀ and P·V.
    ///
    /// ```swift
    /// ModelAccuracy.passGEMMs(tokens: 10, config: c, attention: false).map(\.count)   // [24, 6, 6]
    /// ```
    public static func passGEMMs(tokens m: Int, config c: BertConfig, attention: Bool) -> [GEMMShape] {
        var g = [GEMMShape(name: "qkvo", m: m, k: c.hidden, n: c.hidden, count: 4 * c.layers),
                 GEMMShape(name: "ffn_up", m: m, k: c.hidden, n: c.intermediate, count: c.layers),
                 GEMMShape(name: "ffn_down", m: m, k: c.intermediate, n: c.hidden, count: c.layers)]
        if attention {
            g.append(GEMMShape(name: "scores", m: m, k: c.headWidth, n: m, count: c.heads * c.layers))
            g.append(GEMMShape(name: "context", m: m, k: m, n: c.headWidth, count: c.heads * c.layers))
        }
        return g
    }

    /// Run `sentences` (token ids) through `design` and compare with `reference` embeddings.
    public static func measure(_ design: Design, embedder: SentenceEmbedder, sentences: [[Int]], reference: [[Double]],
                               attentionThroughUnit: Bool = false, costs: CostEvaluator = CostEvaluator()) throws -> ModelAccuracy {
        let embeddings = try embedder.embed(sentences, gemm: DesignGEMM(design: design), attentionThroughGEMM: attentionThroughUnit)
        var perLength: [Int: DesignCost] = [:]
        var cycles = 0.0, latency = 0.0, energy = 0.0
        for s in sentences {
            let cost: DesignCost
            if let c = perLength[s.count] { cost = c } else {
                cost = try costs.evaluate(design, on: Workload(name: "minilm:\(s.count)", gemms:
                    passGEMMs(tokens: s.count, config: embedder.encoder.config, attention: attentionThroughUnit)))
                perLength[s.count] = cost
            }
            cycles += Double(cost.cycles)
            latency += cost.latencyS
            energy += cost.energy("total")
        }
        let n = Double(max(sentences.count, 1))
        let w = design.unit.operandWidths.b
        return ModelAccuracy(design: design.name, bitsPerWeight: Double(w.bits) / Double(max(1, w.per)),
                             comparison: EmbeddingComparison(embeddings: embeddings, reference: reference),
                             cyclesPerSentence: cycles / n, latencySPerSentence: latency / n, energyPJPerSentence: energy / n)
    }
}
