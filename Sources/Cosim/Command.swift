import Foundation

/// Running a program to completion, its standard output and error captured together.
///
/// ```swift
/// Command.run("/usr/bin/true", [], in: nil).status   // 0
/// ```
public enum Command {
    public struct Outcome: Sendable {
        public let status: Int32
        public let output: String
    }

    public static func run(_ program: String, _ arguments: [String], in directory: String?) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return Outcome(status: -1, output: "\(program): cannot start (\(error.localizedDescription))") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
