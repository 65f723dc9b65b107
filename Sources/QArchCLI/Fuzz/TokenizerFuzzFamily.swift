import Foundation
import Models
import Workloads

/// Tokenizer files (`tokenizer.json` of a checkpoint, issue 11): small WordPiece tokenizers
/// in the checkpoint's layout mutated as JSON, decoded by `WordPieceTokenizer(json:path:maxLength:)`
/// as the model loader calls it. An accepted tokenizer must encode sample sentences into
/// `[CLS] … [SEP]` of at most `maxLength` ids, each a vocabulary or added-token id.
struct TokenizerFuzzFamily: FuzzFamily {
    let name = "tokenizer"
    static let file = "fuzz-tokenizer.json"
    static let maxLength = 12
    static let samples = ["Hello, world!", "Naïve café: [MASK] unbelievable-ness 42 %", "", "北京 emoji 🙂 ##s\tok",
                          String(repeating: "a", count: 120), "un un un un un un un un un un un un un un"]

    func seeds() -> [Data] {
        let vocab = ###"{"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "[MASK]": 4, "hello": 5, ",": 6, "world": 7, "!": 8, "un": 9, "##believ": 10, "##able": 11, "-": 12, "##ness": 13, "4": 14, "##2": 15, "%": 16, "na": 17, "##ive": 18, "cafe": 19, ":": 20, "北": 21, "京": 22, "a": 23, "##a": 24}"###
        return [
            ###"{"version": "1.0", "truncation": {"direction": "Right", "max_length": 128, "strategy": "LongestFirst", "stride": 0}, "padding": null, "added_tokens": [{"id": 0, "content": "[PAD]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}, {"id": 4, "content": "[MASK]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}], "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true, "strip_accents": null, "lowercase": true}, "pre_tokenizer": {"type": "BertPreTokenizer"}, "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100, "vocab": "### + vocab + "}}",
            ###"{"model": {"type": "WordPiece", "vocab": "### + vocab + "}}",
            ###"{"normalizer": {"type": "BertNormalizer", "strip_accents": false, "lowercase": false}, "model": {"type": "WordPiece", "max_input_chars_per_word": 3, "continuing_subword_prefix": "", "vocab": "### + vocab + "}}",
        ].map { Data($0.utf8) }
    }

    func mutate(_ input: Data, _ rng: inout FuzzRandom) -> Data { JSONMutator.mutate(input, &rng) }

    func check(_ input: Data) -> FuzzVerdict {
        let tokenizer: WordPieceTokenizer
        do {
            tokenizer = try WordPieceTokenizer(json: input, path: Self.file, maxLength: Self.maxLength)
        } catch {
            return .judge(errorLines: [error.description], file: Self.file)
        }
        guard JSONMutator.isStrictJSON(input) else { return .finding("accepted a tokenizer that is not strict JSON") }
        let ids = Set(tokenizer.vocabulary.values).union(tokenizer.addedTokenIDs)
        for sample in Self.samples {
            let encoded = tokenizer.encode(sample).ids
            guard encoded.count >= 2, encoded.count <= Self.maxLength, encoded.first == tokenizer.classToken,
                  encoded.last == tokenizer.separator else {
                return .finding("\(sample.debugDescription) encodes to \(encoded), not [CLS] … [SEP] of at most \(Self.maxLength) ids")
            }
            if let stray = encoded.first(where: { !ids.contains($0) }) {
                return .finding("\(sample.debugDescription) encodes to id \(stray), in neither the vocabulary nor the added tokens")
            }
        }
        return .accepted
    }
}
