import Foundation
import Testing

/// `qarch embed` / `qarch accuracy` on bad input: one line on stderr, exit 1, no output file.
@Suite struct ModelCommandTests {
    static let root = QArchProcess.packageRoot
    static let design = root.appendingPathComponent("Designs/int8-systolic.json").path

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qarch-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("bad sentence files", arguments: [("empty.txt", Data(), "found an empty file"),
                                            ("latin1.txt", Data([0x63, 0x61, 0x66, 0xE9, 0x0A]), "expected UTF-8 text, found invalid UTF-8")])
    func badSentenceFile(name: String, bytes: Data, message: String) throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name)
        try bytes.write(to: file)
        let out = dir.appendingPathComponent("e.npy")
        let r = try QArchProcess.run(["embed", "--sentences", file.path, "--reference", "--out", out.path])
        #expect(r.exitCode == 1)
        #expect(r.stderrLines.count == 1 && r.stderrLines.first?.contains(message) == true, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func limitZeroIsRefused() throws {
        let r = try QArchProcess.run(["accuracy", Self.design, "--limit", "0"])
        #expect(r.exitCode == 1)
        #expect(r.stderrLines == ["qarch: error: --limit: expected a positive number of sentences, found 0"], "\(r.stderr)")
    }

    @Test func missingOrCorruptCheckpoint() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sentences = dir.appendingPathComponent("s.txt")
        try Data("one sentence\n".utf8).write(to: sentences)
        let out = dir.appendingPathComponent("e.npy")
        let missing = try QArchProcess.run(["embed", "--sentences", sentences.path, "--reference", "--out", out.path,
                                            "--model", dir.appendingPathComponent("nope").path])
        #expect(missing.exitCode == 1 && missing.stderrLines.count == 1, "\(missing.stderr)")
        let corrupt = dir.appendingPathComponent("model.zip")
        try Data("not a zip".utf8).write(to: corrupt)
        let bad = try QArchProcess.run(["embed", "--sentences", sentences.path, "--reference", "--out", out.path, "--model", corrupt.path])
        #expect(bad.exitCode == 1 && bad.stderrLines.count == 1 && bad.stderr.contains("model.zip"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
