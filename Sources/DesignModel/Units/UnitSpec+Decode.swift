import ExactJSON

extension UnitSpec {
    /// The `unit` object at `path`: `kind` is read first and decides which other keys are
    /// allowed (the kind's fields and `paper_pe`); every problem is recorded in `reader`.
    ///
    /// ```swift
    /// var r = FieldReader()
    /// UnitSpec.decode(.object(["kind": .string("int8-mac")]), at: JSONPath.root.key("unit"), &r)?.kindName   // "int8-mac"
    /// ```
    static func decode(_ node: JSONNode?, at path: JSONPath, _ reader: inout FieldReader) -> UnitSpec? {
        var raw: [String: JSONNode]?
        if case .object(let members)? = node { raw = members }
        let kind = raw == nil ? nil : reader.choice(raw, "kind", at: path, what: "unit kind", UnitRegistry.kinds.map { ($0.name, $0) })
        // An unknown kind leaves the other keys unchecked: which are allowed depends on it.
        let allowed = ["kind"] + (kind?.fields.map(\.key) ?? []) + [PublishedPE.field.key]
        let object = reader.object(node, at: path, keys: allowed, freeForm: kind == nil && raw != nil)
        guard let kind, let object else { return nil }
        let configuration = kind.decode(object, at: path, &reader)
        let paperPE = PublishedPE.field.read(object, at: path, &reader)
        guard let configuration, let paperPE else { return nil }
        return UnitSpec(configuration, paperPE: paperPE)
    }
}
