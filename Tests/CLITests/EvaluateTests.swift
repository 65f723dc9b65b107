import Foundation
import Testing

/// `qarch evaluate`: the `--json` shape of architecture.md §3 and exit codes.
@Suite struct EvaluateTests {
    static let designs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Designs")
    static func design(_ name: String) -> String { designs.appendingPathComponent(name).path }

    @Test func jsonShapeForTwoDesigns() throws {
        let r = try QArchProcess.run(["evaluate", Self.design("bitmod-w4.json"), Self.design("mixpe-w4a8.json"), "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let items = try #require(try r.json() as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items.map { $0["name"] as? String } == ["bitmod-w4", "mixpe-w4a8"])
        for item in items {
            for key in ["cycles", "latency_s", "tops", "tops_per_w", "tops_per_mm2"] {
                #expect(item[key] is NSNumber, "\(key)")
            }
            let area = try #require(item["area_um2"] as? [String: Any])
            let energy = try #require(item["energy_pj"] as? [String: Any])
            #expect(area["total"] is NSNumber && area["pe_array"] is NSNumber)
            #expect(item["pe_components_pj"] is [String: Any])
            for key in ["total", "pe_dynamic", "pe_leakage", "sram_leakage", "dram"] { #expect(energy[key] is NSNumber, "\(key)") }
        }
    }

    @Test func workloadFromAJSONFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qarch-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("w.json")
        try Data(#"{"name": "tiny", "gemms": [{"name": "g", "m": 4, "k": 128, "n": 8, "count": 3}]}"#.utf8).write(to: file)
        let r = try QArchProcess.run(["evaluate", Self.design("fp16-systolic.json"), "--workload", file.path, "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let items = try #require(try r.json() as? [[String: Any]])
        #expect(items.first?["workload"] as? String == "tiny")
        let bad = dir.appendingPathComponent("bad.json")
        try Data("{".utf8).write(to: bad)
        #expect(try QArchProcess.run(["evaluate", Self.design("fp16-systolic.json"), "--workload", bad.path]).exitCode == 1)
    }

    @Test func exitCodes() throws {
        let missing = try QArchProcess.run(["evaluate", "/nonexistent/d.json", "--json"])
        #expect(missing.exitCode == 1)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderrLines.first?.hasPrefix("qarch: error: /nonexistent/d.json") == true)
        #expect(try QArchProcess.run(["evaluate"]).exitCode == 2)
        #expect(try QArchProcess.run(["evaluate", Self.design("bitmod-w4.json"), "--workload", "no-such-model"]).exitCode == 1)
        #expect(try QArchProcess.run(["evaluate", Self.design("bitmod-w4.json"), "--set", "nonsense"]).exitCode == 1)
        #expect(try QArchProcess.run(["evaluate", Self.design("bitmod-w4.json"), "--energy-exponent", "nan"]).exitCode == 1)
        let text = try QArchProcess.run(["evaluate", Self.design("bitmod-w4.json"), "--energy-exponent", "1.2"])
        #expect(text.exitCode == 0 && text.stdout.contains("bitmod-w4"))
    }
}
