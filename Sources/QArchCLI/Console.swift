import Foundation
import Workloads

/// The two output streams of the CLI.
///
/// Reports go to stdout (exactly one JSON document with `--json`); errors go to stderr as
/// single `qarch: error: …` lines. A report that cannot be written to stdout (closed, a
/// full disk, a closed pipe) ends the process with one error line and exit code 1.
enum Console {
    /// Write `text` and a newline to stdout.
    static func out(_ text: String) { write(line(text)) }

    /// Write `text` to stdout exactly; if that fails, fail with one line on stderr (exit 1).
    static func write(_ text: String) {
        if let code = OutputFile.writeAll(STDOUT_FILENO, Data(text.utf8)) {
            fail("cannot write to standard output (\(SystemError.text(code)))", code: 1)
        }
    }

    /// Write `text` and a newline to stderr.
    static func err(_ text: String) { writeError(line(text)) }

    /// Write `text` to stderr exactly; a failure is ignored (there is nowhere left to report it).
    static func writeError(_ text: String) { _ = OutputFile.writeAll(STDERR_FILENO, Data(text.utf8)) }

    /// Print `message` as `qarch: error: <message>` on stderr (folded onto one line) and
    /// exit with `code`.
    static func fail(_ message: String, code: Int32) -> Never { fail(each: [message], code: code) }

    /// Print each message as its own `qarch: error: <message>` line (a message's own line
    /// breaks folded into spaces) and exit with `code`, e.g. two lines for a design file with
    /// two problems.
    static func fail(each messages: [String], code: Int32) -> Never {
        for message in messages {
            let oneLine = message.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
                .joined(separator: " ")
            err("qarch: error: \(oneLine)")
        }
        exit(code)
    }

    /// Prepare the standard streams before anything is opened: a write to a closed pipe
    /// reports EPIPE instead of killing the process, and a closed stdin, stdout or stderr
    /// is held by a read-only `/dev/null`, so no file the command opens takes its number
    /// (a write to it still fails, as a write to a closed stream does).
    static func prepareStreams() {
        signal(SIGPIPE, SIG_IGN)
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 {
            let held = open("/dev/null", O_RDONLY)
            if held >= 0 && held != fd {
                dup2(held, fd)
                close(held)
            }
        }
    }

    private static func line(_ text: String) -> String { text.hasSuffix("\n") ? text : text + "\n" }
}
