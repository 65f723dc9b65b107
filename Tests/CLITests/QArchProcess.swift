import Foundation
import Testing

/// Runs the built `qarch` executable as a subprocess and captures what it prints.
///
/// The binary is found next to the running test executable (SwiftPM puts both in the
/// same build products directory), or at `$QARCH_BIN` when that is set.
struct QArchRun: Sendable {
    let exitCode: Int32
    let stdout: String
    let stderr: String

    /// Stdout parsed as one JSON document.
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed])
    }

    /// The stderr lines, without empty ones.
    var stderrLines: [String] { stderr.split(whereSeparator: \.isNewline).map(String.init) }
}

enum QArchProcess {
    /// The path of the `qarch` executable under test.
    static let executable: URL = {
        if let override = ProcessInfo.processInfo.environment["QARCH_BIN"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        var starts: [URL] = []
        if let exe = Bundle.main.executableURL { starts.append(exe.resolvingSymlinksInPath()) }
        starts.append(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath())
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath())
        for start in starts {
            // Walk up from the test executable (on macOS it sits inside a .xctest bundle).
            var dir = start.deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = dir.appendingPathComponent("qarch")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
        }
        // Last resort: the default debug build of this package.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/qarch")
    }()

    /// Run `qarch arguments…` and wait for it. Output goes through temporary files so a
    /// large report cannot fill a pipe.
    static func run(_ arguments: [String]) throws -> QArchRun {
        try launch(executable, arguments, in: nil)
    }

    /// Start `program arguments…` in `directory` (the test's working directory when nil) and
    /// wait for it, capturing stdout and stderr through temporary files.
    static func launch(_ program: URL, _ arguments: [String], in directory: URL?) throws -> QArchRun {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("qarch-cli-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try waitUnderWatchdog(process, [program.lastPathComponent] + arguments)
        try out.close()
        try err.close()
        return QArchRun(exitCode: process.terminationStatus,
                        stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                        stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// How long a child process of a test may run before it is killed (seconds;
    /// `$QARCH_TEST_PROCESS_SECONDS`, default 900): a hung child fails its test with its
    /// command line instead of stalling the whole test run until CI's time runs out.
    static let watchdogSeconds: Double = {
        ProcessInfo.processInfo.environment["QARCH_TEST_PROCESS_SECONDS"].flatMap(Double.init) ?? 900
    }()

    struct Killed: Error, CustomStringConvertible {
        let command: [String]
        let seconds: Double
        var description: String { "killed after \(Int(seconds)) s (QARCH_TEST_PROCESS_SECONDS): \(command.joined(separator: " "))" }
    }

    /// Wait for a started `process`; kill it (SIGKILL) once it has run `watchdogSeconds`
    /// and throw `Killed` naming `command`.
    static func waitUnderWatchdog(_ process: Process, _ command: [String]) throws {
        let deadline = Date().addingTimeInterval(watchdogSeconds)
        while process.isRunning {
            if Date() >= deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                throw Killed(command: command, seconds: watchdogSeconds)
            }
            usleep(5_000)
        }
        process.waitUntilExit()
    }

    /// Run `qarch` with the words of `commandLine` (split on spaces).
    static func run(_ commandLine: String) throws -> QArchRun {
        try run(commandLine.split(separator: " ").map(String.init))
    }
}

/// A temporary file holding `bytes`, removed when the closure returns.
func withTemporaryFile<T>(named name: String, bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("qarch-cli-test-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return try body(url.path)
}

/// The bytes of a version 1.0 `.npy` file with the given header fields and raw data.
func npyBytes(descr: String = "<f8", fortran: Bool = false, shape: String, data: [UInt8]) -> [UInt8] {
    var header = "{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shape), }"
    header += String(repeating: " ", count: (64 - (10 + header.utf8.count + 1) % 64) % 64) + "\n"
    return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count & 0xFF), UInt8(header.utf8.count >> 8)]
        + Array(header.utf8) + data
}

/// Little-endian bytes of `values` as float64 or float32.
func floatBytes(_ values: [Double], float32: Bool = false) -> [UInt8] {
    values.flatMap { v -> [UInt8] in
        let raw = float32 ? UInt64(Float(v).bitPattern) : v.bitPattern
        return (0..<(float32 ? 4 : 8)).map { UInt8(truncatingIfNeeded: raw >> UInt64(8 * $0)) }
    }
}
