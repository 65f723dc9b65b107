import Foundation
import Testing

/// `qarch characterize`: the primitive list, and the bad values and shapes it refuses before
/// running any tool (Sources/Characterize/README.md).
@Suite struct CharacterizeCommandTests {
    @Test func listNamesEveryPrimitive() throws {
        let r = try QArchProcess.run(["characterize", "--list"])
        #expect(r.exitCode == 0 && r.stderr.isEmpty)
        let names = r.stdout.split(separator: "\n").map(String.init)
        #expect(names.first == "add-u8" && names.contains("mul-u4x4") && names.contains("fp-mul-fp32") && names.contains("fp-add-e4m3"))
        #expect(Set(names).count == names.count)
    }

    @Test func unknownPrimitiveIsOneLineExitOne() throws {
        let r = try QArchProcess.run(["characterize", "--only", "add-u8", "add-u7", "--out", "/nonexistent/t.json"])
        #expect(r.exitCode == 1)
        #expect(r.stderrLines == ["qarch: error: --only: unknown primitive 'add-u7'; see 'qarch characterize --list'"])
        #expect(r.stdout.isEmpty)
    }

    @Test func shapeErrorsExitTwo() throws {
        let extra = try QArchProcess.run(["characterize", "stray"])
        #expect(extra.exitCode == 2 && extra.stderrLines.count == 1, "\(extra.stderr)")
        let empty = try QArchProcess.run(["characterize", "--out", ""])
        #expect(empty.exitCode == 1 && empty.stderrLines.count == 1, "\(empty.stderr)")
    }

    static let toolsOnPath: Bool = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return ["yosys", "verilator", "g++"].allSatisfy { tool in
            path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
        }
    }()

    /// One real run to stdout: one JSON document with the tools and the one primitive asked for.
    @Test(.enabled(if: toolsOnPath, "needs yosys, verilator and g++ on PATH (apt-get install yosys verilator g++)"))
    func oneLeadingOneDetectorToStdout() throws {
        let r = try QArchProcess.run(["characterize", "--only", "lod-8", "--quiet"])
        #expect(r.exitCode == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let doc = try #require(try r.json() as? [String: Any])
        #expect((doc["tools"] as? [String: String])?["yosys"]?.hasPrefix("Yosys ") == true)
        let rows = try #require(doc["primitives"] as? [[String: Any]])
        #expect(rows.count == 1 && rows.first?["name"] as? String == "lod-8")
        #expect((rows.first?["check"] as? [String: Any])?["vectors"] as? Int == 256)
    }
}

