import DesignModel
import ExactJSON
import Foundation
import Workloads

/// Reading a design file with `--set` overrides, for every command that takes designs.
///
/// ```swift
/// switch DesignFile.load("Designs/mixpe-w4a8.json", overrides: []) {
/// case .success(let design): …
/// case .failure(let issues): …   // every problem, each with its JSON path
/// }
/// ```
enum DesignFile {
    /// The design, or every problem of `file` with `overrides` applied.
    static func load(_ file: String, overrides: [DesignOverride]) -> Result<Design, DesignErrors> {
        loadEchoing(file, overrides: overrides).map(\.design)
    }

    /// The design and what each override changed in it (`OverrideEcho`), from one read of
    /// `file`; or every problem of `file` with `overrides` applied.
    static func loadEchoing(_ file: String, overrides: [DesignOverride])
        -> Result<(design: Design, changes: [OverrideChange]), DesignErrors> {
        let data: Data
        do { data = try InputFile.readJSON(file) } catch {
            return .failure(DesignErrors([DesignIssue(path: .root, message: "expected a readable design file, found \(error.found)")]))
        }
        let design: Design
        do { design = try Design.decode(data, overrides: overrides) } catch { return .failure(error) }
        guard !overrides.isEmpty, case .success(let tree) = JSONNode.parse(data) else { return .success((design, [])) }
        return .success((design, OverrideChange.list(overrides, on: tree)))
    }

    /// Parse `--set path=value` texts; a malformed one is a bad value (exit 1), a JSON value that
    /// repeats a key (an issue at that key's path) is invalid input.
    static func overrides(_ texts: [String]) throws -> [DesignOverride] {
        do {
            return try texts.map { text throws(DesignIssue) in try DesignOverride(parsing: text) }
        } catch {
            if error.path.components.isEmpty { throw CLIError.invalidInput("--set: \(error.message)") }
            throw CLIError.invalidInput("--set: \(error)")
        }
    }

    /// The design, or a `CLIError` (exit 1) whose lines name the file and each JSON path.
    static func require(_ file: String, overrides: [DesignOverride]) throws -> Design {
        try requireEchoing(file, overrides: overrides).design
    }

    /// The design and what each override changed, or a `CLIError` as `require` throws it.
    static func requireEchoing(_ file: String, overrides: [DesignOverride]) throws -> (design: Design, changes: [OverrideChange]) {
        switch loadEchoing(file, overrides: overrides) {
        case .success(let loaded): return loaded
        case .failure(let errors):
            throw CLIError.invalidInput(each: errors.issues.map { "\(file): \($0.path): \($0.message)" })
        }
    }
}
