import DesignModel
import ExactJSON
import Foundation


/// The `--set` overrides a command applied to a design, echoed in its text output and its
/// `--json` (issue 16: an override used to pass silently, even one that changed nothing).
///
/// ```swift
/// let (design, changes) = try DesignFile.requireEchoing("Designs/mixpe-w4a8.json", overrides: edits)
/// OverrideEcho.lines(changes)
/// // ["--set array.rows=64 (was 32)", "--set unit.group_size=128 (unchanged: already 128)"]
/// OverrideEcho.json(changes).renderCompact()
/// // [{"path": "array.rows", "from": 32, "to": 64, "changed": true}, …]
/// ```
enum OverrideEcho {
    /// One line per override: what it set, and what was there before.
    static func lines(_ changes: [OverrideChange]) -> [String] {
        changes.map { c in
            let to = c.after.jsonValue.renderCompact()
            let was: String
            if let before = c.before {
                was = c.changed ? "was \(before.jsonValue.renderCompact())" : "unchanged: already \(to)"
            } else {
                was = "new key"
            }
            return "--set \(c.path)=\(to) (\(was))"
        }
    }

    /// `[{path, from, to, changed}]`; `from` is null for a new key.
    static func json(_ changes: [OverrideChange]) -> JSONValue {
        .array(changes.map { c in
            .object([("path", .string(c.path.description)), ("from", c.before?.jsonValue ?? .null),
                     ("to", c.after.jsonValue), ("changed", .bool(c.changed))])
        })
    }

    /// `document` (an object) with an `overrides` member appended when there are changes.
    static func adding(_ changes: [OverrideChange], to document: JSONValue) -> JSONValue {
        guard !changes.isEmpty, case .object(let members) = document else { return document }
        return .object(members + [("overrides", json(changes))])
    }
}
