import Foundation
import Testing

/// Issue 18 item 3: a report that cannot be written to stdout (closed, or a full device)
/// is one `qarch: error:` line on stderr and exit 1, not a `try!` crash.
@Suite struct StdoutFailureTests {
    static let design = QArchProcess.packageRoot.appendingPathComponent("Designs/int8-systolic.json").path

    @Test("closed stdout", arguments: [["formats", "list"], ["evaluate", design], ["formats", "table", "e2m1", "--json"]])
    func closedStdout(arguments: [String]) throws {
        let r = try QArchProcess.run(arguments, shell: #"exec "$0" "$@" >&-"#)
        #expect(r.exitCode == 1, "\(r.stderr)")
        #expect(r.stderrLines == ["qarch: error: cannot write to standard output (bad file descriptor)"])
    }

    @Test("full stdout", arguments: [["formats", "list"], ["evaluate", design], ["--help"]])
    func fullStdout(arguments: [String]) throws {
        let r = try QArchProcess.run(arguments, shell: #"exec "$0" "$@" >/dev/full"#)
        #expect(r.exitCode == 1, "\(r.stderr)")
        #expect(r.stderrLines == ["qarch: error: cannot write to standard output (no space left on device)"])
    }

    /// A closed stdout's number is not handed to a file the command opens: the report file
    /// gets its bytes and the summary line still fails.
    @Test func closedStdoutDoesNotLeakIntoFiles() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("c.npy").path
        let r = try QArchProcess.run(["gemm", "--design", Self.design, "--m", "2", "--k", "4", "--n", "2", "--out", out],
                                     shell: #"exec "$0" "$@" >&-"#)
        #expect(r.exitCode == 1)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(bytes.prefix(6) == Data([0x93] + Array("NUMPY".utf8)))
        #expect(!String(decoding: bytes, as: UTF8.self).contains("quantity"))
    }
}
