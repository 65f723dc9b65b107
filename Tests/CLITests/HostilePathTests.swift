import Foundation
import Testing

/// Directories, symbolic link loops, FIFOs, unreadable files, output folders that are files
/// and a full disk: one line each, exit 1, and the previous report intact (issue 15, item 4).
@Suite struct HostilePathTests {
    static let root = QArchProcess.packageRoot
    static let small = root.appendingPathComponent("Tests/ExplorationTests/Fixtures/small.json").path

    func oneLine(_ run: QArchRun, _ text: String) {
        #expect(run.exitCode == 1, "\(run.stderr)")
        #expect(run.stderrLines.count == 1, "\(run.stderr)")
        #expect(run.stderr.contains(text), "\(run.stderr)")
    }

    @Test func aDirectoryASymlinkLoopAndAFIFOWithoutWriterAsADesign() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        oneLine(try QArchProcess.run(["validate", dir.path]), "found a directory")
        let loop = dir.appendingPathComponent("loop.json").path
        #expect(symlink(loop, loop) == 0)
        oneLine(try QArchProcess.run(["validate", loop]), "found a symbolic link loop")
        let fifo = dir.appendingPathComponent("fifo.json").path
        #expect(mkfifo(fifo, 0o644) == 0)
        // No writer: open must not wait for one; the FIFO reads as empty.
        oneLine(try QArchProcess.run(["validate", fifo]), "found an empty file")
        oneLine(try QArchProcess.run(["explore", fifo, "--out", dir.appendingPathComponent("r").path]), "found an empty file")
    }

    /// Root reads files without read permission, so this runs only as another user.
    @Test(.enabled(if: getuid() != 0)) func anUnreadableDesign() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("secret.json").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data("{}".utf8), attributes: [.posixPermissions: 0]))
        oneLine(try QArchProcess.run(["validate", file]), "found a file without read permission")
    }

    @Test func anOutputFolderThatIsAFile() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("report")
        try Data("keep".utf8).write(to: file)
        oneLine(try QArchProcess.run(["explore", Self.small, "--out", file.path]), "expected a report folder, found a file")
        #expect(try Data(contentsOf: file) == Data("keep".utf8))
    }

    /// A 2 MiB tmpfs filled up: the new report does not fit, the old one stays. Needs root
    /// and permission to mount (skipped otherwise).
    @Test(.enabled(if: getuid() == 0)) func aFullDiskKeepsThePreviousReport() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let mount = dir.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        let mounted = try QArchProcess.launch(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.path], in: nil)
        guard mounted.exitCode == 0 else { return }   // mounting not permitted here
        defer { _ = try? QArchProcess.launch(URL(fileURLWithPath: "/bin/umount"), [mount.path], in: nil) }
        let out = mount.appendingPathComponent("report")
        #expect(try QArchProcess.run(["explore", Self.small, "--out", out.path]).exitCode == 0)
        let previous = try InterruptResumeTests.contents(out)
        // Fill the disk.
        let filler = mount.appendingPathComponent("filler")
        FileManager.default.createFile(atPath: filler.path, contents: nil)
        let handle = try FileHandle(forWritingTo: filler)
        let block = Data(count: 1 << 16)
        while (try? handle.write(contentsOf: block)) != nil {}
        try? handle.close()
        let run = try QArchProcess.run(["explore", Self.small, "--out", out.path])
        #expect(run.exitCode == 1)
        #expect(run.stderrLines.count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("no space left on device"), "\(run.stderr)")
        #expect(try InterruptResumeTests.contents(out) == previous)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: mount.path).filter { $0.hasPrefix(".report.qarch-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
