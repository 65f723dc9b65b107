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
        let results = files.map { file in (file, Self.issues(file: file, overrides: parsed)) }
        if report.json {
            Console.out(JSONValue.object([("files", .array(results.map { file, issues in
                OverrideEcho.adding(issues.isEmpty ? OverrideEcho.changes(file: file, overrides: parsed) : [], to:
                    .object([("path", .string(file)), ("ok", .bool(issues.isEmpty)),
                             ("errors", .array(issues.map { .object([("path", .string($0.path.description)),
                                                                      ("message", .string($0.message))]) }))]))
            }))]).render())
        } else {
            for (file, issues) in results {
                if issues.isEmpty {
                    Console.out("\(file): ok")
                    for line in OverrideEcho.lines(OverrideEcho.changes(file: file, overrides: parsed)) { Console.out("  \(line)") }
                }
                for issue in issues { Console.err("qarch: error: \(file): \(issue.path): \(issue.message)") }
            }
        }
        if results.contains(where: { !$0.1.isEmpty }) { throw ExitCode(1) }
    }

    /// Every problem of `file` with `overrides` applied; empty when it is a valid design.
    static func issues(file: String, overrides: [DesignOverride]) -> [DesignIssue] {
        switch DesignFile.load(file, overrides: overrides) {
        case .success: return []
        case .failure(let errors): return errors.issues
        }
    }
}
