import Foundation
import Testing

/// `qarch explore` and `qarch report merge`: byte-identical results for any job count and
/// for merged shards, the report files, and one-line errors for bad specs.
@Suite struct ExploreTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let small = root.appendingPathComponent("Tests/ExplorationTests/Fixtures/small.json").path

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qarch-explore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func bytes(_ dir: URL, _ file: String) throws -> Data { try Data(contentsOf: dir.appendingPathComponent(file)) }

    @Test func sameBytesForAnyJobCountAndForMergedShards() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let one = dir.appendingPathComponent("j1"), two = dir.appendingPathComponent("j2")
        #expect(try QArchProcess.run(["explore", Self.small, "--out", one.path, "--jobs", "1"]).exitCode == 0)
        let r2 = try QArchProcess.run(["explore", Self.small, "--out", two.path, "--jobs", "2", "--json"])
        #expect(r2.exitCode == 0, "\(r2.stderr)")
        #expect(r2.stderr.isEmpty)   // no progress bar when stderr is not a terminal
        let summary = try #require(try r2.json() as? [String: Any])
        #expect(summary["points"] as? Int == 16 && summary["evaluations"] as? Int == 32)
        for file in ["results.csv", "results.json", "summary.md", "pareto-0.svg", "energy-1.svg", "area-0.svg", "error-vs-bits.svg"] {
            #expect(try Self.bytes(one, file) == Self.bytes(two, file), "\(file)")
        }
        var shards: [String] = []
        for i in 0..<3 {
            let s = dir.appendingPathComponent("s\(i)")
            #expect(try QArchProcess.run(["explore", Self.small, "--out", s.path, "--shard", "\(i)/3"]).exitCode == 0)
            shards.append(s.path)
        }
        let merged = dir.appendingPathComponent("merged")
        let m = try QArchProcess.run(["report", "merge"] + shards.reversed() + ["--out", merged.path])
        #expect(m.exitCode == 0, "\(m.stderr)")
        for file in ["results.csv", "results.json", "summary.md", "pareto-1.svg"] {
            #expect(try Self.bytes(one, file) == Self.bytes(merged, file), "\(file)")
        }
        // Missing or repeated shards are refused with exit 1.
        let missing = try QArchProcess.run(["report", "merge", shards[0], shards[2], "--out", dir.appendingPathComponent("x").path])
        #expect(missing.exitCode == 1 && missing.stderrLines.count == 1 && missing.stderr.contains("missing shard(s) 1"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x").path))
        let whole = try QArchProcess.run(["report", "merge", one.path, "--out", dir.appendingPathComponent("y").path])
        #expect(whole.exitCode == 1 && whole.stderr.contains("whole-sweep report"))
    }

    /// The default space with tile quality in place of model quality: the same designs, axes
    /// and workloads, its design files named by absolute path. The model runs of the real
    /// default space take minutes per run in a debug build; their thread-count independence
    /// is checked in `ModelQualitySweepTests.modelQualityConstrainsTheSweep`.
    static func defaultSpaceWithTileQuality(in dir: URL) throws -> String {
        let url = root.appendingPathComponent("Designs/spaces/default.json")
        var spec = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let designs = try #require(spec["designs"] as? [[String: Any]])
        spec["designs"] = designs.map { d -> [String: Any] in
            var d = d
            d["file"] = url.deletingLastPathComponent().appendingPathComponent(d["file"] as! String).standardized.path
            return d
        }
        var error = try #require(spec["error"] as? [String: Any])
        for key in ["metric", "sentence_file", "sentences", "attention"] { error[key] = nil }
        spec["error"] = error
        let modelMetrics: Set<String> = ["spearman", "cosine_mean", "cosine_min"]
        for key in ["constraints", "objectives"] {
            spec[key] = try #require(spec[key] as? [[String: Any]]).filter { !modelMetrics.contains($0["metric"] as! String) }
        }
        let out = dir.appendingPathComponent("default-tile.json")
        try JSONSerialization.data(withJSONObject: spec, options: [.sortedKeys]).write(to: out)
        return out.path
    }

    /// The issue's check on the default space (with tile quality, see above): `--jobs 1`,
    /// `--jobs 2` and two merged shards give the same results.csv bytes.
    @Test func defaultSpaceSameBytesForJobsAndShards() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let space = try Self.defaultSpaceWithTileQuality(in: dir)
        var outs: [URL] = []
        for (name, extra) in [("j1", ["--jobs", "1"]), ("j2", ["--jobs", "2"]), ("s0", ["--shard", "0/2"]), ("s1", ["--shard", "1/2"])] {
            let out = dir.appendingPathComponent(name)
            let r = try QArchProcess.run(["explore", space, "--out", out.path] + extra)
            #expect(r.exitCode == 0, "\(r.stderr)")
            outs.append(out)
        }
        let merged = dir.appendingPathComponent("merged")
        #expect(try QArchProcess.run(["report", "merge", outs[2].path, outs[3].path, "--out", merged.path]).exitCode == 0)
        let j1 = try Self.bytes(outs[0], "results.csv")
        #expect(j1.count > 100_000)
        #expect(try Self.bytes(outs[1], "results.csv") == j1)
        #expect(try Self.bytes(merged, "results.csv") == j1)
        #expect(try Self.bytes(outs[2], "results.csv") != j1)   // a shard alone is not the whole
    }

    @Test func csvHasOneRowPerPointAndWorkload() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try QArchProcess.run(["explore", Self.small, "--out", dir.path]).exitCode == 0)
        let csv = try String(contentsOf: dir.appendingPathComponent("results.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 1 + 32)
        #expect(lines[0].hasPrefix("point,design,array.rows,technology.frequency_mhz,unit.group_size,workload,status,pareto,energy_pj,"))
        // Point 0: int8-systolic at rows 8, 500 MHz; it has no group size.
        #expect(lines[1].hasPrefix("0,int8-systolic,8,500,,vit-base:prefill:16:layer,"))
        #expect(lines.contains { $0.contains(",true,") })   // a front exists
        let md = try String(contentsOf: dir.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(md.contains("![Pareto front, vit-base:prefill:16:layer](pareto-0.svg)"))
        #expect(md.contains("- **Points:** all 16 points of the grid, × 2 workload(s) = 32 evaluations"))
    }

    /// Bad sweep specs: one line naming the file and the JSON path, exit 1, no report.
    @Test(arguments: [
        (#"{"schema_version": 1, "name": "t", "designs": [{"file": "DESIGNS/int8-systolic.json"}], "axes": {"array.rowz": [8]}, "workloads": ["vit-base:decode"]}"#, #"axes["array.rowz"]"#),
        (#"{"schema_version": 1, "name": "t", "designs": [{"file": "DESIGNS/int8-systolic.json"}], "axes": {"array.rows": []}, "workloads": ["vit-base:decode"]}"#, #"axes["array.rows"]"#),
        (#"{"schema_version": 1, "name": "t", "designs": [{"file": "DESIGNS/int8-systolic.json"}], "workloads": ["vit-base:decode"], "constraints": [{"metric": "joules", "max": 1}]}"#, "constraints[0].metric"),
        (#"{"schema_version": 1, "name": "t", "designs": [{"file": "DESIGNS/int8-systolic.json"}], "workloads": ["vit-base:decode"], "objectives": [{"metric": "tops", "goal": "up"}]}"#, "objectives[0].goal"),
        (#"{"schema_version": 1, "name": "t", "designs": [{"file": "DESIGNS/nope.json"}], "workloads": ["vit-base:decode"]}"#, "designs[0].file"),
        (#"{"schema_version": 1, "name": "t", "#, "$"),
    ])
    func badSpecExitsOneWithThePath(json: String, path: String) throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("bad.json")
        try Data(json.replacingOccurrences(of: "DESIGNS", with: Self.root.appendingPathComponent("Designs").path).utf8).write(to: spec)
        let out = dir.appendingPathComponent("out")
        let r = try QArchProcess.run(["explore", spec.path, "--out", out.path])
        #expect(r.exitCode == 1)
        #expect(r.stderrLines.count == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("qarch: error: \(spec.path): \(path): expected"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// With stderr on a terminal (a pseudo-terminal from util-linux `script`), a progress bar
    /// is drawn; the test above shows it is absent when stderr is a file.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressBarOnATerminal() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let quote = { (s: String) in "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = [QArchProcess.executable.path, "explore", Self.small, "--out", dir.appendingPathComponent("r").path].map(quote)
            .joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("\r[") && text.contains("16/16 points"), "\(text)")
    }

    @Test func usageErrorsExitTwoValuesOne() throws {
        #expect(try QArchProcess.run(["explore", Self.small, "--shard", "2/2"]).exitCode == 1)
        #expect(try QArchProcess.run(["explore", Self.small, "--jobs", "0"]).exitCode == 1)
        #expect(try QArchProcess.run(["report", "merge", "--out", "/tmp/x"]).exitCode == 2)
    }
}
