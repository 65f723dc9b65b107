import Foundation
import Testing

/// Issue 18 item 16: `reproduce --json`, `qarch --version`, `bench` without the default
/// space at hand and with a filter that matches nothing, and random sampling of more points
/// than the grid holds.
@Suite struct CommandSurfaceTests {
    static let root = QArchProcess.packageRoot

    @Test func version() throws {
        let r = try QArchProcess.run("--version")
        #expect(r.exitCode == 0 && r.stderr.isEmpty)
        let text = r.stdout.trimmingCharacters(in: .newlines)
        #expect(text.split(separator: ".").count == 3 && text.split(separator: ".").allSatisfy { Int($0) != nil }, "\(text)")
        #expect(try QArchProcess.run("--help").stdout.contains("--version"))
    }

    @Test func reproduceJSON() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("repro").path
        let r = try QArchProcess.run(["reproduce", "--skip-format-errors", "--json", "--out", out,
                                      "--designs", Self.root.appendingPathComponent("Designs").path])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let doc = try #require(try r.json() as? [String: Any])
        #expect(doc["out"] as? String == out)
        let files = try #require(doc["files"] as? [String])
        #expect(files.last == "README.md" && files.contains("mixpe-time.csv"))
        #expect(Set(files + [".qarch-report.json"]) == Set(try FileManager.default.contentsOfDirectory(atPath: out)))
        let tables = try #require(doc["tables"] as? [[String: Any]])
        #expect(tables.count >= 3)
        #expect(tables.reduce(0) { $0 + ($1["rows"] as? Int ?? 0) } == doc["rows"] as? Int)
        #expect((doc["unexplained_gaps"] as? [String])?.isEmpty == true)
    }

    /// Unit benchmarks need no sweep spec: they run in a folder without Designs/.
    @Test func benchRunsAnywhere() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try QArchProcess.run(["bench", "--quick", "--filter", "unit.int8", "--json"], in: dir)
        #expect(r.exitCode == 0, "\(r.stderr)")
        let names = (try #require(try r.json() as? [String: Any])["benchmarks"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["unit.int8-mac"])
        // The explore benchmark finds the package's default space from elsewhere too.
        let explore = try QArchProcess.run(["bench", "--quick", "--filter", "explore.points", "--jobs", "1", "--json"], in: dir)
        #expect(explore.exitCode == 0, "\(explore.stderr)")
        #expect(explore.stdout.contains("\"explore.points\""))
    }

    @Test func benchFilterWithoutMatchIsABadValue() throws {
        let r = try QArchProcess.run("bench --quick --filter nomatch")
        #expect(r.exitCode == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderrLines.count == 1)
        #expect(r.stderr.hasPrefix("qarch: error: --filter: no benchmark name contains 'nomatch'; benchmarks with --quick: unit."))
        #expect(r.stderr.contains("explore.points"))
    }

    @Test func randomSamplingBeyondTheGridSaysSo() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = try OutputFolderTests.spec(in: dir, name: "t", workloads: ["llama-2-7b:decode:1:layer"],
                                              sampling: #"{"kind": "random", "points": 50, "seed": 2}"#)
        let out = dir.appendingPathComponent("r")
        let r = try QArchProcess.run(["explore", spec, "--out", out.path, "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stderrLines == ["qarch: warning: \(spec): sampling: 50 random points asked, but the grid holds 2; all 2 are evaluated"])
        #expect((try r.json() as? [String: Any])?["points"] as? Int == 2)
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("all 2 points of the grid; sampling random (50 points asked, capped at the grid's 2, seed 2)"))
        let results = try String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8)
        #expect(results.contains(#""sampling": "random (50 points asked, capped at the grid's 2, seed 2)""#))
    }
}
