import Foundation
import Testing

/// Issue 18 item 9: a report goes only into a new or empty folder or over a previous qarch
/// report (recognized by its `.qarch-report.json`), replaced as a whole; spec names cannot
/// leave `Reports/`; a folder that is, holds or lies in an input is refused; `gemm --out`
/// refuses a directory.
@Suite struct OutputFolderTests {
    static let root = QArchProcess.packageRoot
    static let small = root.appendingPathComponent("Tests/ExplorationTests/Fixtures/small.json").path

    /// A one-design spec named `name` with `workloads`, written into `dir`.
    static func spec(in dir: URL, name: String, workloads: [String], sampling: String = #"{"kind": "grid"}"#) throws -> String {
        let design = root.appendingPathComponent("Designs/int8-systolic.json").path
        let quoted = workloads.map { "\"\($0)\"" }.joined(separator: ", ")
        let json = """
            {"schema_version": 1, "name": "\(name)", "designs": [{"file": "\(design)"}],
             "axes": {"array.rows": [8, 16]}, "workloads": [\(quoted)], "sampling": \(sampling),
             "error": {"m": 4, "k": 64, "n": 4, "seed": 1}}
            """
        let url = dir.appendingPathComponent("spec-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        return url.path
    }

    static func names(_ dir: URL) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    /// `--out ""` is refused before anything runs. (The old qarch wrote the report into the
    /// working directory, so the commands run in a scratch folder; `--out /` is refused by
    /// the same rule, see `ReportFolderTests`, and is not run here for the same reason.)
    @Test func emptyPathIsRefused() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = try QArchProcess.run(["explore", Self.small, "--out", ""], in: dir)
        #expect(empty.exitCode == 1)
        #expect(empty.stderrLines == ["qarch: error: --out: expected a folder path, found an empty string"])
        #expect(try QArchProcess.run(["report", "merge", "x", "--out", ""], in: dir).exitCode == 1)
        #expect(try QArchProcess.run(["reproduce", "--out", "", "--skip-format-errors"], in: dir).exitCode == 1)
        #expect(try Self.names(dir).isEmpty)
    }

    @Test func specNameStaysOneFolderInsideReports() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let work = dir.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let spec = try Self.spec(in: dir, name: "../../escaped", workloads: ["llama-2-7b:decode:1:layer"])
        let r = try QArchProcess.run(["explore", spec], in: work)
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("wrote Reports/escaped: "))
        #expect(try Self.names(work) == ["Reports"])
        #expect(try Self.names(work.appendingPathComponent("Reports")) == ["escaped"])
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("escaped").path))
    }

    @Test func aPreviousReportIsReplacedWhole() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report")
        let three = try Self.spec(in: dir, name: "t", workloads: ["llama-2-7b:decode:1:layer", "vit-base:prefill:16:layer",
                                                                  "llama-2-7b:prefill:16:layer"])
        #expect(try QArchProcess.run(["explore", three, "--out", out.path]).exitCode == 0)
        #expect(try Self.names(out).contains("pareto-2.svg"))
        let manifest = try String(contentsOf: out.appendingPathComponent(".qarch-report.json"), encoding: .utf8)
        #expect(manifest.contains(#"{"name": "pareto-2.svg", "bytes": "#))
        let one = try Self.spec(in: dir, name: "t", workloads: ["llama-2-7b:decode:1:layer"])
        let r = try QArchProcess.run(["explore", one, "--out", out.path])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(try Self.names(out) == [".qarch-report.json", "area-0.svg", "energy-0.svg", "error-vs-bits.svg", "pareto-0.svg",
                                       "results.csv", "results.json", "summary.md"])
        // Nothing is left beside the folder either (no temporary or old copy).
        #expect(try Self.names(dir).filter { !$0.hasPrefix("spec-") } == ["report"])
    }

    @Test func foldersWithOtherFilesAreRefusedAndKept() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let notes = dir.appendingPathComponent("notes.txt")
        try Data("mine\n".utf8).write(to: notes)
        let r = try QArchProcess.run(["explore", Self.small, "--out", dir.path])
        #expect(r.exitCode == 1)
        #expect(r.stderrLines == ["qarch: error: \(dir.path): expected an empty folder or a previous qarch report "
            + "(with .qarch-report.json), found other files: notes.txt"])
        // A qarch report with a file added by hand is refused too, and left as it was.
        let report = dir.appendingPathComponent("report")
        #expect(try QArchProcess.run(["explore", Self.small, "--out", report.path]).exitCode == 0)
        try Data("mine\n".utf8).write(to: report.appendingPathComponent("extra.md"))
        let again = try QArchProcess.run(["explore", Self.small, "--out", report.path])
        #expect(again.exitCode == 1)
        #expect(again.stderr.contains("found files the report does not list: extra.md"))
        #expect(try Self.names(report).contains("extra.md") && Self.names(report).contains("results.csv"))
        let file = try QArchProcess.run(["explore", Self.small, "--out", notes.path])
        #expect(file.exitCode == 1 && file.stderr.contains("expected a report folder, found a file"))
        #expect(try String(contentsOf: notes, encoding: .utf8) == "mine\n")
    }

    @Test func mergeRefusesAShardFolderAsOutput() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s0 = dir.appendingPathComponent("s0"), s1 = dir.appendingPathComponent("s1")
        #expect(try QArchProcess.run(["explore", Self.small, "--out", s0.path, "--shard", "0/2"]).exitCode == 0)
        #expect(try QArchProcess.run(["explore", Self.small, "--out", s1.path, "--shard", "1/2"]).exitCode == 0)
        let before = try Data(contentsOf: s0.appendingPathComponent("results.json"))
        for out in [s0, s0.appendingPathComponent("merged"), dir] {
            let r = try QArchProcess.run(["report", "merge", s0.path, s1.path, "--out", out.path])
            #expect(r.exitCode == 1, "\(out.path)")
            #expect(r.stderrLines.count == 1 && r.stderr.contains("expected a report folder apart from the inputs"), "\(r.stderr)")
        }
        #expect(try Data(contentsOf: s0.appendingPathComponent("results.json")) == before)
        #expect(try !Self.names(s0).contains("merged"))
    }

    @Test func exploreRefusesTheSpecFolder() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = try Self.spec(in: dir, name: "t", workloads: ["llama-2-7b:decode:1:layer"])
        let r = try QArchProcess.run(["explore", spec, "--out", dir.path])
        #expect(r.exitCode == 1)
        #expect(r.stderr.contains("found a folder holding the input \(spec)"), "\(r.stderr)")
    }

    @Test func gemmOutRefusesADirectoryAndWritesAtomically() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let design = Self.root.appendingPathComponent("Designs/int8-systolic.json").path
        let gemm = ["gemm", "--design", design, "--m", "2", "--k", "4", "--n", "2", "--out"]
        let r = try QArchProcess.run(gemm + [dir.path])
        #expect(r.exitCode == 1)
        #expect(r.stderrLines == ["qarch: error: \(dir.path): expected a file to write, found a directory"])
        let c = dir.appendingPathComponent("c.npy")
        #expect(try QArchProcess.run(gemm + [c.path]).exitCode == 0)
        #expect(try QArchProcess.run(gemm + [c.path]).exitCode == 0)
        #expect(try Self.names(dir) == ["c.npy"])
        let missing = try QArchProcess.run(gemm + [dir.appendingPathComponent("no/c.npy").path])
        #expect(missing.exitCode == 1 && missing.stderr.contains("cannot write: no folder"), "\(missing.stderr)")
    }

    /// The committed reports carry the manifest qarch writes, listing exactly their files,
    /// so `make report` and `make reproduce` may replace them.
    @Test(arguments: ["Reports/default", "Reports/seed-reproduction"])
    func committedReportsHaveTheirManifest(folder: String) throws {
        let dir = Self.root.appendingPathComponent(folder)
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(".qarch-report.json")))
            as? [String: Any])
        #expect(manifest["written_by"] as? String == "qarch")
        let files = try #require(manifest["files"] as? [[String: Any]])
        #expect(files.compactMap { $0["name"] as? String } == (try Self.names(dir)).filter { $0 != ".qarch-report.json" })
        for f in files {
            let name = try #require(f["name"] as? String)
            #expect(f["bytes"] as? Int == (try Data(contentsOf: dir.appendingPathComponent(name))).count, "\(name)")
        }
    }
}
