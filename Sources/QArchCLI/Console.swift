import Foundation

/// The two output streams of the CLI.
///
/// Reports go to stdout (exactly one JSON document with `--json`); errors go to stderr as
/// single `qarch: error: …` lines.
enum Console {
    /// Write `text` and a newline to stdout.
    static func out(_ text: String) {
        var line = text
        if !line.hasSuffix("\n") { line += "\n" }
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    /// Write `text` and a newline to stderr.
    static func err(_ text: String) {
        var line = text
        if !line.hasSuffix("\n") { line += "\n" }
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Print `error` as `qarch: error: <message>` on stderr (the message folded onto one
    /// line) and exit with `code`.
    static func fail(_ message: String, code: Int32) -> Never {
        let oneLine = message.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
        err("qarch: error: \(oneLine)")
        exit(code)
    }
}
