import Foundation
import Workloads

/// A BERT WordPiece tokenizer read from a Hugging Face `tokenizer.json` (model `WordPiece`,
/// normalizer `BertNormalizer`, pre-tokenizer `BertPreTokenizer`), giving the ids of the
/// Hugging Face tokenizer for one sentence:
/// added tokens (`[CLS]`, `[MASK]`, …) written in the text are matched first, the rest is
/// normalized and split into words, each word is cut greedily into the longest vocabulary
/// pieces (continuations prefixed `##`); a word with no cut, or longer than
/// `max_input_chars_per_word`, is `[UNK]`. The result is `[CLS] … [SEP]`, truncated to
/// `maxLength` tokens in all (sentence-transformers' `max_seq_length`).
///
/// ```swift
/// let tok = try WordPieceTokenizer(json: data, path: "tokenizer.json", maxLength: 256)
/// try tok.encode("Héllo, wörld!").ids   // [101, 7592, 1010, 2088, 999, 102]
/// ```
public struct WordPieceTokenizer: Sendable {
    public let vocabulary: [String: Int]
    public let normalizer: BertNormalizer
    public let unknown: Int, classToken: Int, separator: Int
    public let continuingPrefix: String
    public let maxInputCharsPerWord: Int
    public let maxLength: Int
    /// Added tokens matched verbatim in the raw text, longest first.
    let addedTokens: [(content: String, id: Int)]

    /// The ids of the added tokens (`[CLS]`, `[MASK]`, … as `added_tokens` lists them).
    public var addedTokenIDs: [Int] { addedTokens.map(\.id) }

    public init(json: Data, path: String, maxLength: Int) throws(WorkloadError) {
        guard let root = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any] else {
            throw .invalid(path: path, field: "$", message: "expected a JSON object")
        }
        guard let model = root["model"] as? [String: Any], model["type"] as? String == "WordPiece" else {
            throw .invalid(path: path, field: "model.type", message: "expected \"WordPiece\"")
        }
        guard let vocab = model["vocab"] as? [String: Int], !vocab.isEmpty else {
            throw .invalid(path: path, field: "model.vocab", message: "expected an object of token ids")
        }
        func id(_ token: String) throws(WorkloadError) -> Int {
            guard let i = vocab[token] else { throw .invalid(path: path, field: "model.vocab", message: "expected the token \(token)") }
            return i
        }
        if let n = root["normalizer"] as? [String: Any] {
            guard n["type"] as? String == "BertNormalizer" else {
                throw .invalid(path: path, field: "normalizer.type", message: "expected \"BertNormalizer\"")
            }
            normalizer = BertNormalizer(cleanText: n["clean_text"] as? Bool ?? true,
                                        handleChineseChars: n["handle_chinese_chars"] as? Bool ?? true,
                                        stripAccents: n["strip_accents"] as? Bool, lowercase: n["lowercase"] as? Bool ?? true)
        } else {
            normalizer = BertNormalizer(cleanText: false, handleChineseChars: false, stripAccents: false, lowercase: false)
        }
        if let p = root["pre_tokenizer"] as? [String: Any], p["type"] as? String != "BertPreTokenizer" {
            throw .invalid(path: path, field: "pre_tokenizer.type", message: "expected \"BertPreTokenizer\"")
        }
        guard maxLength >= 2 else { throw .invalid(path: path, field: "max_length", message: "expected at least 2, found \(maxLength)") }
        vocabulary = vocab
        unknown = try id(model["unk_token"] as? String ?? "[UNK]")
        classToken = try id("[CLS]")
        separator = try id("[SEP]")
        continuingPrefix = model["continuing_subword_prefix"] as? String ?? "##"
        maxInputCharsPerWord = model["max_input_chars_per_word"] as? Int ?? 100
        self.maxLength = maxLength
        let added = (root["added_tokens"] as? [[String: Any]] ?? []).compactMap { t -> (String, Int)? in
            guard let c = t["content"] as? String, let i = t["id"] as? Int, !c.isEmpty else { return nil }
            return (c, i)
        }
        addedTokens = added.sorted { $0.0.unicodeScalars.count > $1.0.unicodeScalars.count }
    }

    /// The ids of `text` (one sentence), `[CLS]` … `[SEP]`, at most `maxLength` of them.
    public func encode(_ text: String) -> TokenizedSentence {
        var pieces: [Int] = []
        for segment in splitAdded(text) {
            switch segment {
            case .added(let id): pieces.append(id)
            case .text(let t):
                for word in BertPreTokenizer.split(normalizer.normalize(t)) { pieces += wordPieces(word) }
            }
        }
        let room = maxLength - 2
        let truncated = pieces.count > room
        if truncated { pieces.removeLast(pieces.count - room) }
        return TokenizedSentence(ids: [classToken] + pieces + [separator], truncated: truncated)
    }

    enum Segment { case text(String), added(Int) }

    /// The raw text cut at verbatim occurrences of added tokens.
    func splitAdded(_ text: String) -> [Segment] {
        let scalars = Array(text.unicodeScalars)
        let tokens = addedTokens.map { (Array($0.content.unicodeScalars), $0.id) }
        var out: [Segment] = []
        var start = 0, i = 0
        while i < scalars.count {
            if let (t, id) = tokens.first(where: { t, _ in
                i + t.count <= scalars.count && scalars[i..<(i + t.count)].elementsEqual(t) }) {
                if start < i { out.append(.text(String(String.UnicodeScalarView(scalars[start..<i])))) }
                out.append(.added(id))
                i += t.count
                start = i
            } else {
                i += 1
            }
        }
        if start < scalars.count { out.append(.text(String(String.UnicodeScalarView(scalars[start...])))) }
        return out
    }

    /// Greedy longest-match-first WordPiece of one word.
    func wordPieces(_ word: String) -> [Int] {
        let chars = Array(word.unicodeScalars)
        if chars.count > maxInputCharsPerWord { return [unknown] }
        var ids: [Int] = []
        var start = 0
        while start < chars.count {
            var end = chars.count
            var found: Int?
            while start < end {
                var piece = String(String.UnicodeScalarView(chars[start..<end]))
                if start > 0 { piece = continuingPrefix + piece }
                if let id = vocabulary[piece] { found = id; break }
                end -= 1
            }
            guard let id = found else { return [unknown] }
            ids.append(id)
            start = end
        }
        return ids
    }
}
