import Foundation

/// Runs one helper program (Python, `unzip`) for the MiniLM loader and captures its output.
///
/// A program given without a `/` is looked up on `PATH` through `/usr/bin/env`. Standard
/// output and standard error are captured together, so a failure's last line is its message.
///
/// ```swift
/// let r = MiniLMSubprocess.run("python3", ["-c", "print(1)"])
/// r?.status   // 0
/// r?.output   // "1\n"
/// ```
enum MiniLMSubprocess {
    struct Outcome: Sendable {
        var status: Int32
        var output: String

        /// The last non-empty line of the output, trimmed (a failing program's message).
        var lastLine: String {
            output.split(whereSeparator: \.isNewline).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        }
    }

    /// The program's exit status and output, or nil when it could not be started.
    static func run(_ program: String, _ arguments: [String]) -> Outcome? {
        let process = Process()
        if program.contains("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
