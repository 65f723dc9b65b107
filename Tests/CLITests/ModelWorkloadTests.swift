import Foundation
import Testing

/// `qarch evaluate --workload hf:… / st:…` (issue 14 item 1): a model's own files as the workload.
@Suite struct ModelWorkloadTests {
    static func design(_ name: String) -> String { EvaluateTests.design(name) }

    @Test func evaluateOnAHuggingFaceConfig() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qarch-hf-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("config.json")
        try Data(#"""
            {"model_type": "llama", "hidden_size": 4096, "intermediate_size": 11008, "num_hidden_layers": 32,
             "num_attention_heads": 32, "vocab_size": 32000}
            """#.utf8).write(to: config)
        let r = try QArchProcess.run(["evaluate", Self.design("int8-systolic.json"), "--workload", "hf:\(config.path):decode:1:ctx=64:layer", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let items = try #require(try r.json() as? [[String: Any]])
        #expect(items.first?["workload"] as? String == "hf:\(config.path):decode:1:ctx=64:layer")
        // 202,375,168 (the built-in layer) + Q·Kᵀ and P·V: 2 · 32 heads · 1·128·64.
        #expect((items.first?["macs"] as? NSNumber)?.intValue == 202_375_168 + 2 * 32 * 128 * 64)

        // An M that overflows the shapes is refused by the 2^62 MAC limit, never trapped.
        let huge = try QArchProcess.run(["evaluate", Self.design("int8-systolic.json"), "--workload",
                                         "hf:\(config.path):prefill:9223372036854775807"])
        #expect(huge.exitCode == 1)
        #expect(huge.stderrLines.count == 1 && huge.stderrLines.first?.contains("exceeds the limit 2^62") == true, "\(huge.stderr)")

        try Data(#"{"model_type": "falcon", "hidden_size": 4544}"#.utf8).write(to: config)
        let bad = try QArchProcess.run(["evaluate", Self.design("int8-systolic.json"), "--workload", "hf:\(config.path)"])
        #expect(bad.exitCode == 1)
        #expect(bad.stderrLines == ["qarch: error: \(config.path): model_type: expected one of llama, mistral, qwen2, mixtral, "
                                    + "qwen2_moe, opt, gpt2, bert, vit, found 'falcon'"])
        try Data(#"{"model_type": "bert", "hidden_size": 768, "num_hidden_layers": 12, "num_attention_heads": 12}"#.utf8).write(to: config)
        let missing = try QArchProcess.run(["evaluate", Self.design("int8-systolic.json"), "--workload", "hf:\(config.path)"])
        #expect(missing.exitCode == 1)
        #expect(missing.stderrLines == ["qarch: error: \(config.path): intermediate_size: expected an integer 1…1073741824, found nothing (missing)"])
    }
}
