import Foundation
import Testing

/// `qarch validate D.json… [--set p=v]… [--json]` (architecture.md §3): exit 0 when every
/// file is valid, 1 when any is not, 2 for usage errors; `{files: [{path, ok, errors}]}`.
@Suite struct ValidateTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func design(_ name: String) -> String { root.appendingPathComponent("Designs/\(name).json").path }
    static func bad(_ name: String) -> String {
        root.appendingPathComponent("Tests/DesignModelTests/BadDesigns/\(name).json").path
    }

    @Test func validDesignsExitZero() throws {
        let files = ["int8-systolic", "fp16-systolic", "mixpe-w4a8", "mixpe-w4a16", "lut-tc-w2a16", "bitmod-w4",
                     "mxfp4-dot", "nvfp4-dot", "hif8-mac"].map(Self.design)
        let r = try QArchProcess.run(["validate"] + files)
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.split(separator: "\n").count == files.count)
        #expect(r.stdout.contains("mixpe-w4a8.json: ok"))
    }

    @Test func invalidFileExitsOneWithPathErrors() throws {
        let file = Self.bad("several-errors")
        let r = try QArchProcess.run(["validate", Self.design("bitmod-w4"), file])
        #expect(r.exitCode == 1)
        #expect(r.stdout.contains("bitmod-w4.json: ok"))
        #expect(r.stderrLines.count >= 8)
        for line in r.stderrLines { #expect(line.hasPrefix("qarch: error: \(file): "), "\(line)") }
        #expect(r.stderrLines.contains { $0.hasPrefix("qarch: error: \(file): array.rows: expected an integer 1…65536, found 0") })
    }

    @Test func jsonShape() throws {
        let good = Self.design("mixpe-w4a8"), bad = Self.bad("unknown-key-array")
        let r = try QArchProcess.run(["validate", good, bad, "--json"])
        #expect(r.exitCode == 1)
        let doc = try #require(try r.json() as? [String: Any])
        #expect(Array(doc.keys) == ["files"])
        let files = try #require(doc["files"] as? [[String: Any]])
        #expect(files.count == 2)
        #expect(files[0]["path"] as? String == good)
        #expect(files[0]["ok"] as? Bool == true)
        #expect((files[0]["errors"] as? [Any])?.isEmpty == true)
        #expect(files[1]["path"] as? String == bad)
        #expect(files[1]["ok"] as? Bool == false)
        let errors = try #require(files[1]["errors"] as? [[String: String]])
        #expect(errors.map { $0["path"] } == ["array.rowz"])
        #expect(errors.first?["message"]?.contains("did you mean 'rows'?") == true)
        for file in files { #expect(Set(file.keys) == ["path", "ok", "errors"]) }
    }

    @Test func jsonAllValidExitsZero() throws {
        let r = try QArchProcess.run(["validate", "--json", Self.design("hif8-mac")])
        #expect(r.exitCode == 0)
        let doc = try #require(try r.json() as? [String: Any])
        #expect(((doc["files"] as? [[String: Any]])?.first?["ok"] as? Bool) == true)
    }

    @Test func setOverrides() throws {
        let file = Self.design("mixpe-w4a8")
        let ok = try QArchProcess.run(["validate", file, "--set", "array.rows=32", "--set", "array.dataflow=ws",
                                       "--set", "unit.group_size=64", "--set", "memories[0].size_kib=256"])
        #expect(ok.exitCode == 0, "\(ok.stderr)")
        let invalid = try QArchProcess.run(["validate", file, "--set", "array.rows=0"])
        #expect(invalid.exitCode == 1)
        #expect(invalid.stderrLines == ["qarch: error: \(file): array.rows: expected an integer 1…65536, found 0"])
        let unknown = try QArchProcess.run(["validate", file, "--set", "arrray.rows=32"])
        #expect(unknown.exitCode == 1)
        #expect(unknown.stderrLines.count == 1)
        #expect(unknown.stderr.contains("\(file): arrray.rows: "))
        #expect(unknown.stderr.contains("did you mean 'array'?"))
    }

    @Test func missingFileExitsOne() throws {
        let r = try QArchProcess.run(["validate", "/nonexistent/design.json"])
        #expect(r.exitCode == 1)
        #expect(r.stderrLines == ["qarch: error: /nonexistent/design.json: $: expected a readable design file, found no such file"])
    }

    /// The shape (no files, an unknown option) exits 2; a malformed `--set` is a bad value, exit 1.
    @Test("usage errors exit 2, a bad --set 1", arguments: [
        (["validate"], 2),
        (["validate", "--json"], 2),
        (["validate", "Designs/mixpe-w4a8.json", "--set", "array.rows"], 1),
        (["validate", "Designs/mixpe-w4a8.json", "--set", "memories[x]=1"], 1),
        (["validate", "Designs/mixpe-w4a8.json", "--bogus"], 2),
    ] as [([String], Int32)])
    func usageErrors(arguments: [String], code: Int32) throws {
        let r = try QArchProcess.run(arguments)
        #expect(r.exitCode == code, "\(arguments): \(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderrLines.count == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("qarch: error: "))
    }

    @Test func helpWorks() throws {
        let r = try QArchProcess.run(["validate", "--help"])
        #expect(r.exitCode == 0)
        #expect(r.stdout.contains("--set"))
    }
}
