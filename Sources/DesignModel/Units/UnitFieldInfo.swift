import ExactJSON

/// What the key check and the schema generator need of a unit field, whatever its value
/// type: the key, whether a design must give it, and its JSON Schema.
///
/// ```swift
/// UnitField<Int>.groupSize.info.key          // "group_size"
/// UnitField<Int>.groupSize.info.isRequired   // false (default 128)
/// ```
public struct UnitFieldInfo: Sendable {
    public let key: String
    public let isRequired: Bool
    /// The field's JSON Schema, description included, as `Designs/schema.json` lists it.
    public let schema: JSONValue
}
