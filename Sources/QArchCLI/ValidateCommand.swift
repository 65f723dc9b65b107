import ArgumentParser
import DesignModel
import ExactJSON
import Foundation
import Reporting

/// `qarch validate D.json… [--set path=value]… [--json]`: schema and semantic checks of
/// design files (QArchCLI/README.md, "Commands"), reporting every problem with its JSON path.
///
/// Human output: `<file>: ok` on stdout for each valid file, and one
/// `qarch: error: <file>: <path>: <message>` line on stderr per problem.
/// JSON: `{files: [{path, ok, errors: [{path, message}]}]}`. Exits 1 if any file is
/// invalid (or an override names no field of it), 2 for usage errors.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check design files against the design schema (version 1).",
        discussion: """
            Reports every problem of every file with its JSON path, e.g. \
            'array.rows: expected an integer 1…65536, found 0'. --set applies an override \
            before validation, e.g. --set array.rows=32 --set memories[0].size_kib=256 \
            (the value is JSON if it parses, otherwise a string). Exits 1 if any file is invalid.
            """
    )

    @Argument(help: "Design JSON files.")
    var files: [String] = []

    @Option(name: .customLong("set"), help: "Override a field before validation: path=value (repeatable).")
    var overrides: [String] = []

    @OptionGroup var report: ReportOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("missing design files: expected at least one D.json") }
    }

    func run() throws {
        let parsed = try DesignFile.overrides(overrides)
        // Each file: its problems (empty when valid) and, when valid, what each override changed.
        let results: [(file: String, issues: [DesignIssue], changes: [OverrideChange])] = files.map { file in
            switch DesignFile.loadEchoing(file, overrides: parsed) {
            case .success(let loaded): return (file, [], loaded.changes)
            case .failure(let errors): return (file, errors.issues, [])
            }
        }
        if report.json {
            Console.out(JSONValue.object([("files", .array(results.map { file, issues, changes in
                OverrideEcho.adding(changes, to:
                    .object([("path", .string(file)), ("ok", .bool(issues.isEmpty)),
                             ("errors", .array(issues.map { .object([("path", .string($0.path.description)),
                                                                      ("message", .string($0.message))]) }))]))
            }))]).render())
        } else {
            for (file, issues, changes) in results {
                if issues.isEmpty {
                    Console.out("\(file): ok")
                    for line in OverrideEcho.lines(changes) { Console.out("  \(line)") }
                }
                for issue in issues { Console.err("qarch: error: \(file): \(issue.path): \(issue.message)") }
            }
        }
        if results.contains(where: { !$0.issues.isEmpty }) { throw ExitCode(1) }
    }
}
