import Foundation
import Testing
@testable import Workloads

/// `hf:` and `st:` workloads: config.json files written here for each family, with every
/// GEMM derived by hand in the comments (M × K · K × N, count = per layer × layers).
@Suite struct HFModelConfigTests {
    /// Writes `json` as `name` in a fresh folder and returns the workload of `hf:PATH` + `suffix`.
    static func workload(_ json: String, _ suffix: String = "", name: String = "config.json") throws -> Workload {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qarch-hf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name)
        try Data(json.utf8).write(to: file)
        let result = try #require(Workload.parseModelFile("hf:\(file.path)\(suffix)"))
        return try result.get()
    }

    static func failure(_ json: String, _ suffix: String = "") throws -> String {
        do {
            _ = try workload(json, suffix)
            return "no error"
        } catch let error as WorkloadError {
            return error.description.replacingOccurrences(
                of: #"^.*?/config\.json"#, with: "config.json", options: .regularExpression)
        }
    }

    static func g(_ name: String, _ m: Int, _ k: Int, _ n: Int, _ count: Int = 1) -> GEMMShape {
        GEMMShape(name: name, m: m, k: k, n: n, count: count)
    }

    // meta-llama/Llama-2-7b-hf: hidden 4096, FFN 11008, 32 layers, 32 heads (head_dim 4096/32 = 128), no GQA.
    static let llama2 = #"""
        {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 4096, "intermediate_size": 11008,
         "num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 32, "vocab_size": 32000,
         "tie_word_embeddings": false, "rms_norm_eps": 1e-05, "torch_dtype": "float16"}
        """#

    /// The weight GEMMs are exactly the built-in llama-2-7b list (same names, order, shapes,
    /// counts), for the whole model and for one layer, in both phases.
    @Test func llama2MatchesTheBuiltInModel() throws {
        for (suffix, builtIn) in [(":prefill:256", "llama-2-7b:prefill:256"), (":prefill:256:layer", "llama-2-7b:prefill:256:layer"),
                                  (":decode:1", "llama-2-7b:decode:1"), (":decode:1:layer", "llama-2-7b:decode:1:layer"),
                                  ("", "llama-2-7b")] {
            let w = try Self.workload(Self.llama2, suffix)
            let expected = try #require(Workload.builtIn(builtIn)).gemms
            #expect(Array(w.gemms.prefix(7)) == expected, "\(suffix)")
        }
        // Prefill 256: Q·Kᵀ per head is 256×128 · 128×256, P·V 256×256 · 256×128, 32 heads × 32 layers = 1024;
        // lm_head 256×4096 · 4096×32000 once.
        let w = try Self.workload(Self.llama2, ":prefill:256")
        #expect(Array(w.gemms.dropFirst(7)) == [Self.g("attn.scores", 256, 128, 256, 1024), Self.g("attn.context", 256, 256, 128, 1024),
                                               Self.g("lm_head", 256, 4096, 32000)])
        #expect(w.name.hasSuffix("config.json:prefill:256"))
    }

    // meta-llama/Meta-Llama-3-8B: hidden 4096, FFN 14336, 32 layers, 32 heads, 8 K/V heads, vocab 128256.
    static let llama3 = #"""
        {"model_type": "llama", "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32,
         "num_attention_heads": 32, "num_key_value_heads": 8, "vocab_size": 128256, "rope_theta": 500000.0,
         "max_position_embeddings": 8192, "tie_word_embeddings": false}
        """#

    @Test func llama3DecodeWithGQA() throws {
        let w = try Self.workload(Self.llama3, ":decode:4:ctx=1024")
        // M = 4 sequences. head_dim = 4096/32 = 128; K/V width 8·128 = 1024.
        // GQA: 32/8 = 4 query heads share a K/V head and are stacked along M: Q·Kᵀ is
        // (4·1)×128 · 128×1024 per K/V head and sequence: 8·4 = 32 per layer, ×32 layers = 1024.
        #expect(w.gemms == [
            Self.g("q_proj", 4, 4096, 4096, 32), Self.g("k_proj", 4, 4096, 1024, 32), Self.g("v_proj", 4, 4096, 1024, 32),
            Self.g("o_proj", 4, 4096, 4096, 32), Self.g("gate_proj", 4, 4096, 14336, 32), Self.g("up_proj", 4, 4096, 14336, 32),
            Self.g("down_proj", 4, 14336, 4096, 32),
            Self.g("attn.scores", 4, 128, 1024, 1024), Self.g("attn.context", 4, 1024, 128, 1024),
            Self.g("lm_head", 4, 4096, 128256, 1),
        ])
        #expect(w.name.hasSuffix(":decode:4:ctx=1024"))
        // Prefill, one layer: the built-in llama-3-8b layer, then Q·Kᵀ (4·2048)×128 · 128×2048, 8 times.
        let p = try Self.workload(Self.llama3, ":prefill:2048:layer")
        #expect(Array(p.gemms.prefix(7)) == Workload.builtIn("llama-3-8b:prefill:2048:layer")?.gemms)
        #expect(Array(p.gemms.dropFirst(7)) == [Self.g("attn.scores", 8192, 128, 2048, 8), Self.g("attn.context", 8192, 2048, 128, 8)])
        // The default phase is decode, M = 1, ctx = 256.
        #expect(try Self.workload(Self.llama3).name.hasSuffix(":decode:1:ctx=256"))
    }

    // mistralai/Mixtral-8x7B-v0.1: as Llama-3-8B's attention, 8 experts of FFN 14336, 2 active per token.
    static let mixtral = #"""
        {"model_type": "mixtral", "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32,
         "num_attention_heads": 32, "num_key_value_heads": 8, "num_local_experts": 8, "num_experts_per_tok": 2,
         "vocab_size": 32000, "tie_word_embeddings": false}
        """#

    @Test func mixtralExperts() throws {
        // Prefill 100 tokens: router 100×4096 · 4096×8; 100·2 = 200 token–expert pairs over 8 experts = 25 each,
        // so each expert's w1/w3/w2 is 25×4096 · 4096×14336 (down 25×14336 · 14336×4096), 8 experts × 32 layers = 256.
        // Attention: (4·100)×128 · 128×100, 8 K/V heads × 32 layers = 256.
        let w = try Self.workload(Self.mixtral, ":prefill:100")
        #expect(w.gemms == [
            Self.g("q_proj", 100, 4096, 4096, 32), Self.g("k_proj", 100, 4096, 1024, 32), Self.g("v_proj", 100, 4096, 1024, 32),
            Self.g("o_proj", 100, 4096, 4096, 32), Self.g("router", 100, 4096, 8, 32),
            Self.g("expert.gate_proj", 25, 4096, 14336, 256), Self.g("expert.up_proj", 25, 4096, 14336, 256),
            Self.g("expert.down_proj", 25, 14336, 4096, 256),
            Self.g("attn.scores", 400, 128, 100, 256), Self.g("attn.context", 400, 100, 128, 256),
            Self.g("lm_head", 100, 4096, 32000, 1),
        ])
        // Active MACs per token of the experts: 2 of 8 experts, 3·4096·14336 each.
        let expertMACs = w.gemms.filter { $0.name.hasPrefix("expert.") }.compactMap(\.macs).reduce(0, +)
        #expect(expertMACs == 100 * 2 * 3 * 4096 * 14336 * 32)
        // Decode 3 sequences, one layer: 3·2 = 6 pairs: 6 experts get one token, 2 get none.
        let d = try Self.workload(Self.mixtral, ":decode:3:ctx=512:layer")
        #expect(Array(d.gemms.dropFirst(4)) == [
            Self.g("router", 3, 4096, 8), Self.g("expert.gate_proj", 1, 4096, 14336, 6), Self.g("expert.up_proj", 1, 4096, 14336, 6),
            Self.g("expert.down_proj", 1, 14336, 4096, 6),
            Self.g("attn.scores", 4, 128, 512, 24), Self.g("attn.context", 4, 512, 128, 24),
        ])
        // Prefill 5 tokens: 10 pairs = 8·1 + 2: two experts take 2 tokens, six take 1.
        let s = try Self.workload(Self.mixtral, ":prefill:5:layer")
        #expect(s.gemms.filter { $0.name.hasPrefix("expert.gate") } == [
            Self.g("expert.gate_proj[M=2]", 2, 4096, 14336, 2), Self.g("expert.gate_proj[M=1]", 1, 4096, 14336, 6)])
    }

    // Qwen/Qwen1.5-MoE-A2.7B: hidden 2048, 24 layers, 16 heads, 60 experts of 1408, 4 active, a shared expert of 5632.
    static func qwenMoE(_ extra: String = "") -> String {
        #"""
        {"model_type": "qwen2_moe", "hidden_size": 2048, "intermediate_size": 5632, "moe_intermediate_size": 1408,
         "shared_expert_intermediate_size": 5632, "num_experts": 60, "num_experts_per_tok": 4, "num_hidden_layers": 24,
         "num_attention_heads": 16, "num_key_value_heads": 16, "decoder_sparse_step": 1, "vocab_size": 151936\#(extra)}
        """#
    }

    @Test func qwen2MoEWithSharedExpert() throws {
        // Prefill 30, one layer: 30·4 = 120 pairs over 60 experts = 2 tokens each; head_dim 2048/16 = 128.
        let w = try Self.workload(Self.qwenMoE(#", "mlp_only_layers": []"#), ":prefill:30:layer")
        #expect(w.gemms == [
            Self.g("q_proj", 30, 2048, 2048), Self.g("k_proj", 30, 2048, 2048), Self.g("v_proj", 30, 2048, 2048),
            Self.g("o_proj", 30, 2048, 2048), Self.g("router", 30, 2048, 60),
            Self.g("expert.gate_proj", 2, 2048, 1408, 60), Self.g("expert.up_proj", 2, 2048, 1408, 60),
            Self.g("expert.down_proj", 2, 1408, 2048, 60),
            Self.g("shared_expert.gate_proj", 30, 2048, 5632), Self.g("shared_expert.up_proj", 30, 2048, 5632),
            Self.g("shared_expert.down_proj", 30, 5632, 2048), Self.g("shared_expert_gate", 30, 2048, 1),
            Self.g("attn.scores", 30, 128, 30, 16), Self.g("attn.context", 30, 30, 128, 16),
        ])
        // Layers 0 and 1 dense (mlp_only_layers): 22 MoE layers, 2 with the dense FFN of 5632; tied lm_head.
        let m = try Self.workload(Self.qwenMoE(#", "mlp_only_layers": [0, 1], "tie_word_embeddings": true"#), ":decode:1")
        #expect(m.gemms.first { $0.name == "router" }?.count == 22)
        #expect(m.gemms.first { $0.name == "expert.gate_proj" } == Self.g("expert.gate_proj", 1, 2048, 1408, 4 * 22))
        #expect(m.gemms.first { $0.name == "gate_proj" } == Self.g("gate_proj", 1, 2048, 5632, 2))
        #expect(m.gemms.last == Self.g("lm_head (tied)", 1, 2048, 151936))
    }

    // Qwen/Qwen2-7B: hidden 3584, FFN 18944, 28 layers, 28 heads (head_dim 128), 4 K/V heads.
    @Test func qwen2AndAnExplicitHeadDim() throws {
        let q = try Self.workload(#"""
            {"model_type": "qwen2", "hidden_size": 3584, "intermediate_size": 18944, "num_hidden_layers": 28,
             "num_attention_heads": 28, "num_key_value_heads": 4, "vocab_size": 152064}
            """#, ":decode:1:layer")
        // K/V width 4·128 = 512; 28/4 = 7 query heads per K/V head: Q·Kᵀ 7×128 · 128×256 (default ctx), 4 per layer.
        #expect(q.gemms == [
            Self.g("q_proj", 1, 3584, 3584), Self.g("k_proj", 1, 3584, 512), Self.g("v_proj", 1, 3584, 512),
            Self.g("o_proj", 1, 3584, 3584), Self.g("gate_proj", 1, 3584, 18944), Self.g("up_proj", 1, 3584, 18944),
            Self.g("down_proj", 1, 18944, 3584), Self.g("attn.scores", 7, 128, 256, 4), Self.g("attn.context", 7, 256, 128, 4),
        ])
        // head_dim given: 16 heads · 256 = 4096 ≠ hidden 3072, so q_proj is 3072 → 4096 and o_proj 4096 → 3072.
        let m = try Self.workload(#"""
            {"model_type": "mistral", "hidden_size": 3072, "intermediate_size": 8192, "num_hidden_layers": 2,
             "num_attention_heads": 16, "num_key_value_heads": 4, "head_dim": 256, "vocab_size": 1000}
            """#, ":prefill:8:layer")
        #expect(Array(m.gemms.prefix(4)) == [Self.g("q_proj", 8, 3072, 4096), Self.g("k_proj", 8, 3072, 1024),
                                            Self.g("v_proj", 8, 3072, 1024), Self.g("o_proj", 8, 4096, 3072)])
        #expect(m.gemms.last == Self.g("attn.context", 32, 8, 256, 4))
    }

    // google-bert/bert-base-uncased: hidden 768, FFN 3072, 12 layers, 12 heads (head_dim 64).
    static let bert = #"""
        {"model_type": "bert", "architectures": ["BertForMaskedLM"], "hidden_size": 768, "intermediate_size": 3072,
         "num_hidden_layers": 12, "num_attention_heads": 12, "vocab_size": 30522, "max_position_embeddings": 512,
         "type_vocab_size": 2, "hidden_act": "gelu"}
        """#

    @Test func bertBase() throws {
        // Prefill 128 tokens (one sequence): Q·Kᵀ 128×64 · 64×128, 12 heads × 12 layers = 144; pooler on [CLS]: 1×768 · 768×768.
        let w = try Self.workload(Self.bert, ":prefill:128")
        #expect(w.gemms == [
            Self.g("query", 128, 768, 768, 12), Self.g("key", 128, 768, 768, 12), Self.g("value", 128, 768, 768, 12),
            Self.g("attention_output", 128, 768, 768, 12), Self.g("intermediate", 128, 768, 3072, 12),
            Self.g("output", 128, 3072, 768, 12),
            Self.g("attn.scores", 128, 64, 128, 144), Self.g("attn.context", 128, 128, 64, 144),
            Self.g("pooler", 1, 768, 768, 1),
        ])
        // The default phase of an encoder is prefill (256 tokens); it has no decode.
        #expect(try Self.workload(Self.bert).name.hasSuffix(":prefill:256"))
        #expect(try Self.failure(Self.bert, ":decode").contains("bert is an encoder: only the prefill phase applies"))
    }

    // facebook/opt-350m: hidden 1024, FFN 4096, 24 layers, 16 heads, embeddings of 512 projected in and out.
    @Test func optWithEmbeddingProjection() throws {
        let w = try Self.workload(#"""
            {"model_type": "opt", "hidden_size": 1024, "ffn_dim": 4096, "num_hidden_layers": 24, "num_attention_heads": 16,
             "vocab_size": 50272, "word_embed_proj_dim": 512, "do_layer_norm_before": false}
            """#, ":prefill:64")
        // head_dim 1024/16 = 64: Q·Kᵀ 64×64 · 64×64, 16 × 24 = 384. lm_head is tied (OPT default) and reads 512-wide.
        #expect(w.gemms == [
            Self.g("q_proj", 64, 1024, 1024, 24), Self.g("k_proj", 64, 1024, 1024, 24), Self.g("v_proj", 64, 1024, 1024, 24),
            Self.g("out_proj", 64, 1024, 1024, 24), Self.g("fc1", 64, 1024, 4096, 24), Self.g("fc2", 64, 4096, 1024, 24),
            Self.g("attn.scores", 64, 64, 64, 384), Self.g("attn.context", 64, 64, 64, 384),
            Self.g("project_in", 64, 512, 1024), Self.g("project_out", 64, 1024, 512), Self.g("lm_head (tied)", 64, 512, 50272),
        ])
    }

    // openai-community/gpt2: n_embd 768, 12 layers, 12 heads, n_inner null → 4·768 = 3072, fused c_attn 768 → 3·768.
    @Test func gpt2() throws {
        let w = try Self.workload(#"""
            {"model_type": "gpt2", "n_embd": 768, "n_layer": 12, "n_head": 12, "n_inner": null, "n_positions": 1024,
             "vocab_size": 50257, "activation_function": "gelu_new"}
            """#, ":decode:2:ctx=100")
        // Decode 2 sequences at 100 keys: Q·Kᵀ 1×64 · 64×100 per head and sequence: 12·2 = 24 per layer, ×12 = 288.
        #expect(w.gemms == [
            Self.g("attn.c_attn", 2, 768, 2304, 12), Self.g("attn.c_proj", 2, 768, 768, 12),
            Self.g("mlp.c_fc", 2, 768, 3072, 12), Self.g("mlp.c_proj", 2, 3072, 768, 12),
            Self.g("attn.scores", 1, 64, 100, 288), Self.g("attn.context", 1, 100, 64, 288),
            Self.g("lm_head (tied)", 2, 768, 50257),
        ])
    }

    // google/vit-base-patch16-224: 224/16 = 14 → 196 patches + [CLS] = 197 tokens per image.
    @Test func vitBase() throws {
        let w = try Self.workload(#"""
            {"model_type": "vit", "hidden_size": 768, "intermediate_size": 3072, "num_hidden_layers": 12,
             "num_attention_heads": 12, "image_size": 224, "patch_size": 16, "num_channels": 3}
            """#, ":prefill:2")
        // M = 2 images = 394 tokens. Q·Kᵀ 197×64 · 64×197 per head and image: 12·2·12 = 288.
        // Patch embedding: 2·196 patches × (3·16·16 = 768) · 768×768; pooler 2×768 · 768×768.
        #expect(w.gemms == [
            Self.g("q_proj", 394, 768, 768, 12), Self.g("k_proj", 394, 768, 768, 12), Self.g("v_proj", 394, 768, 768, 12),
            Self.g("out_proj", 394, 768, 768, 12), Self.g("fc1", 394, 768, 3072, 12), Self.g("fc2", 394, 3072, 768, 12),
            Self.g("attn.scores", 197, 64, 197, 288), Self.g("attn.context", 197, 197, 64, 288),
            Self.g("patch_embed", 392, 768, 768), Self.g("pooler", 2, 768, 768),
        ])
    }

    @Test func problemsNameTheFileAndTheKey() throws {
        #expect(try Self.failure(#"{"model_type": "falcon", "hidden_size": 4544}"#)
                == "config.json: model_type: expected one of llama, mistral, qwen2, mixtral, qwen2_moe, opt, gpt2, bert, vit, found 'falcon'")
        #expect(try Self.failure(#"{"hidden_size": 4544}"#) == "config.json: model_type: expected a string, found nothing (missing)")
        #expect(try Self.failure(Self.llama3.replacingOccurrences(of: #""num_attention_heads": 32,"#, with: ""))
                == "config.json: num_attention_heads: expected an integer 1…1073741824, found nothing (missing)")
        #expect(try Self.failure(Self.mixtral.replacingOccurrences(of: #""num_local_experts": 8,"#, with: ""))
                == "config.json: num_local_experts: expected an integer 1…1073741824, found nothing (missing)")
        #expect(try Self.failure(Self.llama3.replacingOccurrences(of: #""num_key_value_heads": 8"#, with: #""num_key_value_heads": 5"#))
                == "config.json: num_key_value_heads: expected a divisor of num_attention_heads 32, found 5")
        #expect(try Self.failure(Self.llama3, ":prefill:8:ctx=4").hasSuffix("ctx=C applies to the decode phase only (expected \(Workload.modelFileSyntax))"))
        #expect(try Self.failure(Self.llama3, ":decode:0").contains("M must be a positive integer, found '0'"))
        #expect(Workload.parseModelFile("llama-2-7b:decode") == nil)
        guard case .failure(let missing)? = Workload.parseModelFile("hf:/nonexistent/config.json") else { Issue.record("no failure"); return }
        #expect(missing.description == "/nonexistent/config.json: expected a Hugging Face config.json, found no such file")
    }

    /// `st:`: every 2-D tensor of the header, [out, in] → K = in, N = out; the data is never read
    /// (the file here is cut short after the header).
    @Test func safetensorsHeaderShapes() throws {
        let header = #"{"__metadata__": {"format": "pt"}, "b.weight": {"dtype": "F16", "shape": [2, 8], "data_offsets": [128, 160]}, "#
            + #""a.weight": {"dtype": "BF16", "shape": [8, 4], "data_offsets": [0, 64]}, "a.bias": {"dtype": "F32", "shape": [8], "data_offsets": [64, 96]}}"#
        var bytes = [UInt8](repeating: 0, count: 8)
        let n = header.utf8.count
        for i in 0..<8 { bytes[i] = UInt8((n >> (8 * i)) & 0xFF) }
        bytes += Array(header.utf8)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qarch-st-\(UUID().uuidString).safetensors")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let w = try #require(Workload.parseModelFile("st:\(file.path):prefill:16")).get()
        #expect(w.gemms == [Self.g("a.weight", 16, 4, 8), Self.g("b.weight", 16, 8, 2)])
        #expect(try #require(Workload.parseModelFile("st:\(file.path)")).get().gemms.first?.m == 1)
        try Data(bytes.prefix(20)).write(to: file)
        guard case .failure(let e)? = Workload.parseModelFile("st:\(file.path)") else { Issue.record("no failure"); return }
        #expect(e.description.hasSuffix(": header: header length \(n) exceeds the file size 20"))
    }
}
