import Foundation

extension QArchProcess {
    /// Run `qarch arguments…` through `/bin/sh -c script` in `directory` (the test's working
    /// directory when nil): the script gets the executable as `$0` and the arguments as `$@`,
    /// e.g. `exec "$0" "$@" >&-` runs qarch with stdout closed. Stdout and stderr are captured
    /// as in `run`.
    static func run(_ arguments: [String], shell script: String = #"exec "$0" "$@""#, in directory: URL? = nil) throws -> QArchRun {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("qarch-cli-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, executable.path] + arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return QArchRun(exitCode: process.terminationStatus,
                        stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                        stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// A fresh empty folder under the temporary directory; the caller removes it.
    static func scratchFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qarch-cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The package root (for Designs/ and the test fixtures).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}
