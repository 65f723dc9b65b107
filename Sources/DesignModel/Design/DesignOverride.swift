import ExactJSON
import Foundation

/// `--set path=value` overrides, applied to the raw JSON tree before validation, so an
/// overridden design is checked exactly like a file.
///
/// The value is parsed as JSON when it is a JSON value (`32`, `true`, `{"m": 2, …}`),
/// otherwise taken as a string (`ws`). The path's parent must exist in the design; a new
/// key may be added to an existing object (an unknown key is then reported by validation
/// with a "did you mean"). One optional section is created when a design omits it: `cost`,
/// so `cost.library=horowitz` (a sweep axis, `qarch evaluate --library`) applies to every
/// design, whether or not it names a footing.
///
/// ```swift
/// let o = try DesignOverride(parsing: "array.rows=32")
/// let tree = try DesignOverride.apply([o], to: JSONNode.parse(bytes).get())
/// let design = try Design.decode(tree)
/// ```
public struct DesignOverride: Sendable, Equatable {
    public var path: JSONPath
    public var value: JSONNode

    public init(path: JSONPath, value: JSONNode) {
        self.path = path
        self.value = value
    }

    /// Parse `path=value`. Throws an issue at `$` if there is no `=` or the path is malformed,
    /// and at the key if the value is a JSON object that repeats a key.
    public init(parsing text: String) throws(DesignIssue) {
        guard let eq = text.firstIndex(of: "=") else {
            throw DesignIssue(path: .root, message: "expected path=value (e.g. array.rows=32), found '\(text)'")
        }
        let path = try JSONPath(parsing: String(text[..<eq]))
        guard !path.components.isEmpty else {
            throw DesignIssue(path: .root, message: "expected a path inside the design before '=', found '\(text)'")
        }
        let valueText = String(text[text.index(after: eq)...])
        // A JSON value with a repeated key is refused, not taken as a string.
        if case .failure(let issue) = JSONNode.parse(Data(valueText.utf8)), !issue.path.components.isEmpty {
            throw DesignIssue(path: JSONPath(path.components + issue.path.components), message: issue.message)
        }
        self.init(path: path, value: JSONNode.fromArgument(valueText))
    }

    /// The optional top-level section an override may create when the design omits it.
    public static let creatableSection = "cost"

    /// `tree` with every override applied in order.
    public static func apply(_ overrides: [DesignOverride], to tree: JSONNode) throws(DesignIssue) -> JSONNode {
        var tree = tree
        for o in overrides {
            if o.path.components.count > 1, o.path.components.first == .key(Self.creatableSection),
               case .object(let members) = tree, members[Self.creatableSection] == nil {
                tree = try tree.setting(.object([:]), at: JSONPath([.key(Self.creatableSection)]))
            }
            tree = try tree.setting(o.value, at: o.path)
        }
        return tree
    }
}
