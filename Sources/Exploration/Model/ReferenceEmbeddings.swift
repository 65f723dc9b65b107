import Models
import QArchSupport

/// The exact embeddings every design is compared with: the encoder with exact float64 GEMMs
/// (`ExactGEMM`), computed on `jobs` threads in chunks of 16 sentences. Rows are
/// independent in the exact GEMMs, so the chunks give the same bits as one run, for any
/// thread count.
///
/// ```swift
/// let reference = try ReferenceEmbeddings.compute(embedder, sentences: ids, attentionThroughUnit: false, jobs: 2)
/// reference.count == ids.count   // one 384-value row per sentence
/// ```
public enum ReferenceEmbeddings {
    /// Sentences per chunk.
    static let chunk = 16

    /// Why the exact encoder failed.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func compute(_ embedder: SentenceEmbedder, sentences: [[Int]], attentionThroughUnit: Bool,
                               jobs: Int) throws(Failure) -> [[Double]] {
        let chunks = (sentences.count + chunk - 1) / chunk
        let parts = WorkQueue.map(count: chunks, jobs: jobs) { c -> Result<[[Double]], Failure> in
            let slice = Array(sentences[(c * chunk)..<min(sentences.count, (c + 1) * chunk)])
            do {
                return .success(try embedder.embed(slice, gemm: ExactGEMM(), attentionThroughGEMM: attentionThroughUnit))
            } catch {
                return .failure(Failure(description: "the exact encoder failed: \(error)"))
            }
        }
        var out: [[Double]] = []
        for p in parts { out += try p.get() }
        return out
    }
}
