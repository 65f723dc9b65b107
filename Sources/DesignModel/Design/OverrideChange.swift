import ExactJSON

/// What one `--set` did to a design's JSON tree: the value at its path before (nil when the
/// key was new) and after, so commands can echo each override and say when one changed
/// nothing.
///
/// ```swift
/// let tree = try JSONNode.parse(bytes).get()                       // array.rows is 32
/// let o = try DesignOverride(parsing: "array.rows=32")
/// OverrideChange.list([o], on: tree).first?.changed                 // false: already 32
/// ```
public struct OverrideChange: Sendable, Equatable {
    public var path: JSONPath
    public var before: JSONNode?
    public var after: JSONNode

    /// Whether the override changed the design (a new key always does).
    public var changed: Bool { before != after }

    public init(path: JSONPath, before: JSONNode?, after: JSONNode) {
        self.path = path
        self.before = before
        self.after = after
    }

    /// The changes of `overrides` applied in order to `tree` (each sees the ones before it);
    /// stops at an override whose path does not exist (`Design.decode` reports that one).
    public static func list(_ overrides: [DesignOverride], on tree: JSONNode) -> [OverrideChange] {
        var tree = tree
        var changes: [OverrideChange] = []
        for o in overrides {
            let before = tree.value(at: o.path)
            guard let next = try? DesignOverride.apply([o], to: tree) else { break }   // creates `cost` as decode does
            changes.append(OverrideChange(path: o.path, before: before, after: o.value))
            tree = next
        }
        return changes
    }
}
