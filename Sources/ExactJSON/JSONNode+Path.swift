extension JSONNode {
    /// The value at `path`, or nil if the path does not exist in this tree.
    ///
    /// ```swift
    /// tree.value(at: try JSONPath(parsing: "memories[0].size_kib"))   // .number(128)
    /// ```
    public func value(at path: JSONPath) -> JSONNode? {
        var node = self
        for component in path.components {
            switch (component, node) {
            case (.key(let k), .object(let members)):
                guard let next = members[k] else { return nil }
                node = next
            case (.index(let i), .array(let items)):
                guard i >= 0, i < items.count else { return nil }
                node = items[i]
            default:
                return nil
            }
        }
        return node
    }

    /// This tree with the value at `path` replaced by `value`. The parent of `path` must
    /// exist; a new key may be added to an existing object, array indices must exist.
    /// Throws an issue at `path` naming what does not exist.
    public func setting(_ value: JSONNode, at path: JSONPath) throws(DesignIssue) -> JSONNode {
        try setting(value, at: path.components[...], full: path, depth: 0)
    }

    private func setting(_ value: JSONNode, at rest: ArraySlice<JSONPath.Component>, full: JSONPath,
                         depth: Int) throws(DesignIssue) -> JSONNode {
        guard let first = rest.first else { return value }
        let here = JSONPath(Array(full.components.prefix(depth + 1)))
        let parent = JSONPath(Array(full.components.prefix(depth)))
        switch (first, self) {
        case (.key(let k), .object(var members)):
            if rest.count > 1 && members[k] == nil {
                throw DesignIssue(path: full, message: "expected an existing path, found no \(here) in the design"
                                  + Suggestion.hint(for: k, in: Array(members.keys)))
            }
            members[k] = try (members[k] ?? .null).setting(value, at: rest.dropFirst(), full: full, depth: depth + 1)
            return .object(members)
        case (.index(let i), .array(var items)):
            guard i < items.count else {
                throw DesignIssue(path: full, message: "expected an index below \(items.count) in \(parent), found \(i)")
            }
            items[i] = try items[i].setting(value, at: rest.dropFirst(), full: full, depth: depth + 1)
            return .array(items)
        case (.key(let k), _):
            throw DesignIssue(path: full, message: "expected an object at \(parent) to set '\(k)' in, found \(summary)")
        case (.index, _):
            throw DesignIssue(path: full, message: "expected an array at \(parent) to index, found \(summary)")
        }
    }
}
