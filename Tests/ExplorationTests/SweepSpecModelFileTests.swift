import Foundation
import Testing
import Workloads
@testable import Exploration

/// Sweep specs accept `hf:` workloads, with the path resolved against the spec's folder.
@Suite struct SweepSpecModelFileTests {
    static let designs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Designs")

    @Test func hfWorkloadRelativeToTheSpec() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qarch-spec-hf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("models"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // GPT-2-small-like: n_inner defaults to 4·256 = 1024.
        try Data(#"{"model_type": "gpt2", "n_embd": 256, "n_layer": 2, "n_head": 4, "vocab_size": 1000}"#.utf8)
            .write(to: dir.appendingPathComponent("models/config.json"))
        let spec = dir.appendingPathComponent("spec.json")
        let design = Self.designs.appendingPathComponent("int8-systolic.json").path
        try Data(#"""
            {"schema_version": 1, "name": "t", "designs": [{"file": "\#(design)"}],
             "workloads": ["hf:models/config.json:decode:1:layer", "hf:models/missing.json"]}
            """#.utf8).write(to: spec)
        do {
            _ = try SweepSpec.load(path: spec.path)
            Issue.record("the missing config was accepted")
        } catch {
            #expect(error.issues.map(\.path.description) == ["workloads[1]"])
            #expect(error.issues.first?.message.hasSuffix("models/missing.json: expected a Hugging Face config.json, found no such file") == true)
        }
        try Data(#"""
            {"schema_version": 1, "name": "t", "designs": [{"file": "\#(design)"}], "workloads": ["hf:models/config.json:decode:1:layer"]}
            """#.utf8).write(to: spec)
        let loaded = try SweepSpec.load(path: spec.path)
        #expect(loaded.workloads.map(\.name) == ["hf:models/config.json:decode:1:ctx=256:layer"])
        #expect(loaded.workloads.first?.gemms.map(\.n) == [768, 256, 1024, 256, 256, 64])
    }
}
