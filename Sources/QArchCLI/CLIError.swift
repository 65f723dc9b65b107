import Foundation
import Workloads

/// An error the CLI reports as `qarch: error: <message>` lines on stderr, one per problem,
/// with its exit code.
///
/// Exit codes follow QArchCLI/README.md, "Exit codes and errors": 2 when the command's shape
/// is wrong (an unknown command or option, a missing or extra argument, options that exclude
/// each other), 1 when a value is wrong (not a number, out of range, a name that names
/// nothing, a file missing or malformed) or the run fails.
///
/// Thrown from `validate()`, a `CLIError` reaches `QArch.main` wrapped by ArgumentParser and
/// exits 1 with its `errorDescription`; throw only value errors there (`ValidationError` is
/// for the shape, exit 2).
///
/// ```swift
/// throw CLIError.usage("give values or --input, not both")             // exit 2
/// throw CLIError.invalidInput("unknown rounding rule 'nearest'; …")    // exit 1
/// throw CLIError.file("x.npy", at: "header.descr", "expected '<f4' or '<f8', found '<i4'")
/// throw CLIError.invalidInput(each: ["d.json: array.rows: …", "d.json: unit.mode: …"])   // two lines
/// ```
struct CLIError: Error, CustomStringConvertible, LocalizedError {
    /// One message per problem, each without the `qarch: error: ` prefix.
    let messages: [String]
    /// The process exit code.
    let exitCode: Int32

    /// A usage error, the command's shape (a missing or extra argument, excluding options): exit code 2.
    static func usage(_ message: String) -> CLIError { CLIError(messages: [message], exitCode: 2) }

    /// Invalid input (an option's or argument's value, or file content): exit code 1.
    static func invalidInput(_ message: String) -> CLIError { CLIError(messages: [message], exitCode: 1) }

    /// Several problems of invalid input, each reported on its own line: exit code 1.
    static func invalidInput(each messages: [String]) -> CLIError { CLIError(messages: messages, exitCode: 1) }

    /// Invalid content in a file: `<file>: <path>: <what was expected, what was found>`, exit code 1.
    static func file(_ file: String, at path: String, _ what: String) -> CLIError {
        invalidInput("\(file): \(path): \(what)")
    }

    var description: String { messages.map { "qarch: error: \($0)" }.joined(separator: "\n") }

    /// The messages without the prefix, as ArgumentParser prints an error thrown from `validate()`.
    var errorDescription: String? { messages.joined(separator: "\n") }

    /// Run `body`, turning an input-file error (`file: path: what`) into invalid input (exit 1).
    static func reading<T, E: Error & CustomStringConvertible>(_ body: () throws(E) -> T) throws -> T {
        do { return try body() } catch { throw invalidInput(error.description) }
    }

    /// Run `body`, turning an output file or folder that cannot be written (`path: reason`)
    /// into invalid input (exit 1).
    static func writing<T>(_ body: () throws(OutputProblem) -> T) throws -> T { try reading(body) }
}
