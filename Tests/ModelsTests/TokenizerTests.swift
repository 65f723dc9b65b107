import Foundation
import Models
import Testing

@Suite struct TokenizerTests {
    static let json = Data(#"""
        {"added_tokens": [{"id": 0, "content": "[PAD]"}, {"id": 1, "content": "[UNK]"}, {"id": 2, "content": "[CLS]"},
                          {"id": 3, "content": "[SEP]"}, {"id": 4, "content": "[MASK]"}],
         "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true, "strip_accents": null, "lowercase": true},
         "pre_tokenizer": {"type": "BertPreTokenizer"},
         "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 8,
                   "vocab": {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "[MASK]": 4, "cafe": 5, "play": 6, "##ing": 7,
                             "!": 8, "東": 9, "京": 10, "a": 11}}}
        """#.utf8)

    @Test func normalizesSplitsAndPieces() throws {
        let t = try WordPieceTokenizer(json: Self.json, path: "t.json", maxLength: 16)
        #expect(t.encode("Café PLAYING!").ids == [2, 5, 6, 7, 8, 3])
        #expect(t.encode("東京").ids == [2, 9, 10, 3])
        #expect(t.encode("xyz [MASK]").ids == [2, 1, 4, 3])              // unknown word, verbatim added token
        #expect(t.encode("aaaaaaaaa").ids == [2, 1, 3])                  // longer than max_input_chars_per_word
    }

    @Test func truncatesToMaxLength() throws {
        let t = try WordPieceTokenizer(json: Self.json, path: "t.json", maxLength: 4)
        let r = t.encode("a a a a a")
        #expect(r.ids == [2, 11, 11, 3])
        #expect(r.truncated)
        #expect(!t.encode("a a").truncated)
    }

    @Test func spearmanAveragesTies() {
        #expect(EmbeddingComparison.ranks([3, 1, 3]) == [2.5, 1, 2.5])
        #expect(EmbeddingComparison.spearman([1, 2, 3], [10, 20, 30]) == 1)
        #expect(EmbeddingComparison.spearman([1, 2, 3], [3, 2, 1]) == -1)
    }

    @Test func sentenceFileRejectsBadInput() {
        #expect(throws: (any Error).self) { try SentenceFile.parse(Data(), path: "e.txt") }
        #expect(throws: (any Error).self) { try SentenceFile.parse(Data([0xFF, 0xFE, 0x41]), path: "b.txt") }
        #expect((try? SentenceFile.parse(Data("a\r\nb\n".utf8), path: "ok.txt")) == ["a", "b"])
    }
}
