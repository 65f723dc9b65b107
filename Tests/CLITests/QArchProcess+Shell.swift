import Foundation

extension QArchProcess {
    /// Run `qarch arguments…` through `/bin/sh -c script` in `directory` (the test's working
    /// directory when nil): the script gets the executable as `$0` and the arguments as `$@`,
    /// e.g. `exec "$0" "$@" >&-` runs qarch with stdout closed. Stdout and stderr are captured
    /// as in `run`.
    static func run(_ arguments: [String], shell script: String = #"exec "$0" "$@""#, in directory: URL? = nil) throws -> QArchRun {
        try launch(URL(fileURLWithPath: "/bin/sh"), ["-c", script, executable.path] + arguments, in: directory)
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
