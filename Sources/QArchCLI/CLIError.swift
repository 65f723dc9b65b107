import Workloads

/// An error the CLI reports as one line, `qarch: error: <message>`, with its exit code.
///
/// Exit codes follow QArchCLI/README.md, "Exit codes and errors": 1 for invalid input (a value that is not a
/// number, a malformed file), 2 for usage errors (an unknown format name, a missing
/// option, contradictory options).
///
/// ```swift
/// throw CLIError.usage("unknown rounding rule 'nearest'")
/// throw CLIError.file("x.npy", at: "header.descr", "expected '<f4' or '<f8', found '<i4'")
/// ```
struct CLIError: Error, CustomStringConvertible {
    /// The message, without the `qarch: error: ` prefix.
    let message: String
    /// The process exit code.
    let exitCode: Int32

    /// A usage error: exit code 2.
    static func usage(_ message: String) -> CLIError { CLIError(message: message, exitCode: 2) }

    /// Invalid input (a value or file content): exit code 1.
    static func invalidInput(_ message: String) -> CLIError { CLIError(message: message, exitCode: 1) }

    /// Invalid content in a file: `<file>: <path>: <what was expected, what was found>`, exit code 1.
    static func file(_ file: String, at path: String, _ what: String) -> CLIError {
        invalidInput("\(file): \(path): \(what)")
    }

    var description: String { "qarch: error: \(message)" }

    /// Run `body`, turning an input-file error (`file: path: what`) into invalid input (exit 1).
    static func reading<T, E: Error & CustomStringConvertible>(_ body: () throws(E) -> T) throws -> T {
        do { return try body() } catch { throw invalidInput(error.description) }
    }

    /// Run `body`, turning an output file or folder that cannot be written (`path: reason`)
    /// into invalid input (exit 1).
    static func writing<T>(_ body: () throws(OutputProblem) -> T) throws -> T { try reading(body) }
}
