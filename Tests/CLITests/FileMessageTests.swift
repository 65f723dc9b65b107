import Foundation
import Testing

/// Issue 18 item 11: a path that is not a readable file of the expected kind is named with
/// what was expected and what was found (a directory, a symbolic link loop, a device, an
/// empty file), never with Foundation's error domains.
@Suite struct FileMessageTests {
    static let root = QArchProcess.packageRoot
    static let design = root.appendingPathComponent("Designs/int8-systolic.json").path

    /// A scratch folder with `dir/` (a directory), `loop.json` (a link to itself) and `empty.json`.
    static func inputs() throws -> URL {
        let dir = try QArchProcess.scratchFolder()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("dir.npy"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("loop.json").path, withDestinationPath: "loop.json")
        _ = FileManager.default.createFile(atPath: dir.appendingPathComponent("empty.json").path, contents: Data())
        return dir
    }

    static func expectOneLine(_ r: QArchRun, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.exitCode == 1, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(r.stderrLines == [line], sourceLocation: sourceLocation)
        #expect(!r.stderr.contains("NSCocoaErrorDomain"), sourceLocation: sourceLocation)
    }

    @Test func npyInputs() throws {
        let dir = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: dir) }
        let npy = dir.appendingPathComponent("dir.npy").path
        Self.expectOneLine(try QArchProcess.run(["gemm", "--design", Self.design, "--a", npy, "--m", "2", "--k", "2", "--n", "2"]),
                           "qarch: error: \(npy): expected a .npy file, found a directory")
        Self.expectOneLine(try QArchProcess.run(["formats", "quantize", "e2m1", "--input", npy]),
                           "qarch: error: \(npy): expected a .npy file, found a directory")
        let loop = dir.appendingPathComponent("loop.json").path
        Self.expectOneLine(try QArchProcess.run(["formats", "quantize", "e2m1", "--input", loop]),
                           "qarch: error: \(loop): expected a .npy file, found a symbolic link loop (too many levels of symbolic links)")
        Self.expectOneLine(try QArchProcess.run(["formats", "quantize", "e2m1", "--input", "/dev/null"]),
                           "qarch: error: /dev/null: expected a .npy file, found a character device, not a regular file")
    }

    @Test func designsSpecsAndWorkloads() throws {
        let dir = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("dir.npy").path, loop = dir.appendingPathComponent("loop.json").path
        let empty = dir.appendingPathComponent("empty.json").path
        for (file, found) in [(folder, "a directory"), (loop, "a symbolic link loop (too many levels of symbolic links)"),
                              ("/dev/null", "a character device, not a regular file"), (empty, "an empty file")] {
            Self.expectOneLine(try QArchProcess.run(["validate", file]),
                               "qarch: error: \(file): $: expected a readable design file, found \(found)")
            Self.expectOneLine(try QArchProcess.run(["evaluate", file]),
                               "qarch: error: \(file): $: expected a readable design file, found \(found)")
            Self.expectOneLine(try QArchProcess.run(["explore", file, "--out", dir.appendingPathComponent("r").path]),
                               "qarch: error: \(file): $: expected a readable sweep spec file, found \(found)")
            Self.expectOneLine(try QArchProcess.run(["evaluate", Self.design, "--workload", file]),
                               "qarch: error: \(file): expected a readable workload file, found \(found)")
        }
        Self.expectOneLine(try QArchProcess.run(["report", "merge", folder, "--out", dir.appendingPathComponent("m").path]),
                           "qarch: error: \(folder)/results.json: expected a shard's results.json, found no such file")
    }

    @Test func aDesignOfASpecThatIsADirectory() throws {
        let dir = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("spec.json")
        try Data(#"{"schema_version": 1, "name": "t", "designs": [{"file": "dir.npy"}], "workloads": ["vit-base:decode"]}"#.utf8)
            .write(to: spec)
        let r = try QArchProcess.run(["explore", spec.path, "--out", dir.appendingPathComponent("r").path])
        Self.expectOneLine(r, "qarch: error: \(spec.path): designs[0].file: expected a readable design file, found a directory at "
            + dir.appendingPathComponent("dir.npy").path)
    }
}
