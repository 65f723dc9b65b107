import Foundation
import NumberFormats
import Testing
@testable import Workloads

/// Small generated MiniLM-shaped checkpoints: hidden 4, FFN 8, 2 layers.
enum MiniLMFixture {
    struct Tensor {
        var name: String
        var shape: [Int]
        var values: [Float]
        var dtype = "F32"
    }

    /// The bytes of a safetensors file holding `tensors` (F32, or I64 zeros).
    static func file(_ tensors: [Tensor]) -> Data {
        var payload: [UInt8] = []
        var entries: [String] = []
        for t in tensors {
            let start = payload.count
            if t.dtype == "I64" {
                payload += [UInt8](repeating: 0, count: 8 * t.shape.reduce(1, *))
            } else {
                for v in t.values { payload += (0..<4).map { UInt8(truncatingIfNeeded: v.bitPattern >> (8 * $0)) } }
            }
            entries.append(#""\#(t.name)":{"dtype":"\#(t.dtype)","shape":\#(t.shape),"data_offsets":[\#(start),\#(payload.count)]}"#)
        }
        let header = Array(("{" + entries.joined(separator: ",") + "}").utf8)
        var out = (0..<8).map { UInt8(truncatingIfNeeded: UInt64(header.count) >> (8 * $0)) }
        out += header + payload
        return Data(out)
    }

    static let hidden = 4, ffn = 8, vocabulary = 6

    /// Word-embedding row t = [10t, t, −t, 0.5]. Linear weights W[o][i] = 100·role + 10·o + i
    /// (layer 1 adds 1000), biases 0, except the FFN intermediate: W_int[o] = [±1, 0, 0, 0]
    /// (+ for even o) so its pre-activation for token t is ±10t.
    static func tensors(layers: Int = 2, prefix: String = "", vocabulary: Int = vocabulary) -> [Tensor] {
        var t = [Tensor(name: prefix + "embeddings.position_ids", shape: [1, 8], values: [], dtype: "I64")]
        t.append(Tensor(name: prefix + "embeddings.word_embeddings.weight", shape: [vocabulary, hidden],
                        values: (0..<vocabulary).flatMap { v in [Float(10 * v), Float(v), Float(-v), 0.5] }))
        for layer in 0..<layers {
            for (r, role) in MiniLMLinear.Role.allCases.enumerated() {
                let k = role == .output ? ffn : hidden
                let n = role == .intermediate ? ffn : hidden
                let base = "\(prefix)encoder.layer.\(layer).\(role.tensorPath)"
                let w: [Float] = (0..<n).flatMap { o in
                    (0..<k).map { i in
                        role == .intermediate ? (i == 0 ? (o % 2 == 0 ? 1 : -1) : 0) : Float(1000 * layer + 100 * r + 10 * o + i)
                    }
                }
                t.append(Tensor(name: base + ".weight", shape: [n, k], values: w))
                t.append(Tensor(name: base + ".bias", shape: [n], values: [Float](repeating: 0, count: n)))
            }
        }
        return t
    }
}

@Suite struct MiniLMCheckpointTests {
    @Test func readsEveryDenseLayerTransposed() throws {
        let file = try SafetensorsFile(data: MiniLMFixture.file(MiniLMFixture.tensors()), path: "m.safetensors")
        let c = try MiniLMCheckpoint(file: file, tokens: 6, seed: 3)
        #expect(c.hidden == 4 && c.ffn == 8 && c.vocabulary == 6 && c.layerCount == 2)
        #expect(c.linears.map(\.name) == [
            "layer0.query", "layer0.key", "layer0.value", "layer0.attention_output", "layer0.intermediate", "layer0.output",
            "layer1.query", "layer1.key", "layer1.value", "layer1.attention_output", "layer1.intermediate", "layer1.output",
        ])
        #expect(c.linears[1].tensor == "encoder.layer.0.attention.self.key.weight")
        // B = Wᵀ: B[k][n] = W[n][k] = 100·role + 10·n + k (+1000 in layer 1).
        let key = c.linears[1].weights
        #expect(key.rows == 4 && key.cols == 4)
        #expect(key[2, 3] == 100 + 30 + 2)
        let out1 = c.linears[11].weights                  // layer 1 output: W [4, 8] → B [8, 4]
        #expect(out1.rows == 8 && out1.cols == 4 && out1[7, 1] == 1000 + 500 + 10 + 7)
    }

    @Test func activationsAreEmbeddingRowsAndTheirGELU() throws {
        let file = try SafetensorsFile(data: MiniLMFixture.file(MiniLMFixture.tensors()), path: "m.safetensors")
        // Vocabulary 6 < 999 + 6: ids come from the whole vocabulary; 6 of 6 = all of them.
        let c = try MiniLMCheckpoint(file: file, layers: [1], tokens: 6, seed: 3)
        #expect(c.tokenIDs == [0, 1, 2, 3, 4, 5])
        #expect(c.linears.map(\.layer) == [1, 1, 1, 1, 1, 1])
        let x = c.activations(for: c.linears[0])
        #expect(x.rows == 6 && x.cols == 4 && x.row(3) == [30, 3, -3, 0.5])
        // FFN input of layer 1: pre-activation ±10t; erf(10t/√2) rounds to ±1 for t ≥ 1, so
        // GELU(10t) = 10t and GELU(−10t) = −0; GELU(0) = 0.
        let h = c.activations(for: c.linears[5])
        #expect(h.rows == 6 && h.cols == 8)
        for t in 0..<6 {
            #expect(h.row(t) == (0..<8).map { $0 % 2 == 0 ? Double(10 * t) : 0 })
        }
    }

    @Test func tokensSkipTheUnusedRowsWhenTheVocabularyAllows() throws {
        // 999 + 3 rows: the regular ids are exactly 999, 1000, 1001.
        let file = try SafetensorsFile(data: MiniLMFixture.file(MiniLMFixture.tensors(layers: 1, vocabulary: 1002)), path: "v")
        let c = try MiniLMCheckpoint(file: file, tokens: 3, seed: 42)
        #expect(c.tokenIDs == [999, 1000, 1001])
        #expect(c.tokenActivations.row(0) == [9990, 999, -999, 0.5])
    }

    @Test func tokenDrawIsSeededDistinctAndSorted() {
        let a = MiniLMCheckpoint.drawTokens(count: 64, from: 999..<30522, seed: 1)
        #expect(a == MiniLMCheckpoint.drawTokens(count: 64, from: 999..<30522, seed: 1))
        #expect(a != MiniLMCheckpoint.drawTokens(count: 64, from: 999..<30522, seed: 2))
        #expect(a.count == 64 && Set(a).count == 64 && a == a.sorted())
        #expect(a.allSatisfy { (999..<30522).contains($0) })
        #expect(MiniLMCheckpoint.drawTokens(count: 5, from: 10..<15, seed: 9) == [10, 11, 12, 13, 14])
    }

    @Test func acceptsTheBertPrefix() throws {
        let file = try SafetensorsFile(data: MiniLMFixture.file(MiniLMFixture.tensors(layers: 1, prefix: "bert.")), path: "b")
        let c = try MiniLMCheckpoint(file: file, tokens: 2, seed: 0)
        #expect(c.linears.first?.tensor == "bert.encoder.layer.0.attention.self.query.weight")
    }

    @Test("bad checkpoints are one-line errors naming the tensor", arguments: [
        ("no embeddings", "m: embeddings.word_embeddings.weight: missing tensor (not a BERT/MiniLM checkpoint?)"),
        ("query shape", "m: encoder.layer.0.attention.self.query.weight.shape: expected [4, 4], found [4, 3]"),
        ("no bias", "m: encoder.layer.1.output.dense.bias: missing tensor"),
        ("no layers", "m: encoder.layer.0.attention.self.query.weight: missing tensor (no encoder layers)"),
        ("layer 7", "m: layers: expected layers 0…1, found 7"),
        ("zero tokens", "m: tokens: expected 1…6 token rows, found 0"),
        ("F16 dtype lie", "m: embeddings.word_embeddings.weight.data_offsets: byte length does not match shape [6, 4] of F16"),
    ])
    func badCheckpoints(kind: String, message: String) {
        var t = MiniLMFixture.tensors()
        var layers: [Int]? = nil
        var tokens = 2
        switch kind {
        case "no embeddings": t.removeAll { $0.name.contains("word_embeddings") }
        case "query shape":
            let i = t.firstIndex { $0.name == "encoder.layer.0.attention.self.query.weight" }!
            t[i].shape = [4, 3]; t[i].values.removeLast(4)
        case "no bias": t.removeAll { $0.name == "encoder.layer.1.output.dense.bias" }
        case "no layers": t.removeAll { $0.name.hasPrefix("encoder.") }
        case "layer 7": layers = [0, 7]
        case "zero tokens": tokens = 0
        default:
            let i = t.firstIndex { $0.name.contains("word_embeddings") }!
            t[i].dtype = "F16"
        }
        do {
            let file = try SafetensorsFile(data: MiniLMFixture.file(t), path: "m")
            _ = try MiniLMCheckpoint(file: file, layers: layers, tokens: tokens, seed: 0)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == message)
        }
    }
}
