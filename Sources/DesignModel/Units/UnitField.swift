import ExactJSON

/// One field of a `unit` object, defined once for the decoder and the generated schema: its
/// key, whether a design must give it, its JSON Schema, and how to read and validate it
/// (with the default an absent optional field takes).
///
/// ```swift
/// static let lanes = UnitField<Int>.integer("lanes", in: 1...1024, default: 8,
///                                           description: "Elements multiplied per cycle (default 8).")
/// let lanes = Self.lanes.read(object, at: path, &reader)   // 8 when absent, nil (+ an issue) when invalid
/// ```
public struct UnitField<Value: Sendable>: Sendable {
    public let key: String
    public let isRequired: Bool
    /// The field's JSON Schema, description included.
    public let schema: JSONValue
    private let reader: @Sendable ([String: JSONNode], JSONPath, inout FieldReader) -> Value?

    /// A field read by `read`, which returns the value (the default when the field is
    /// absent and optional) or nil after recording an issue.
    public init(key: String, isRequired: Bool, schema: JSONValue,
                read: @escaping @Sendable (_ object: [String: JSONNode], _ path: JSONPath, _ reader: inout FieldReader) -> Value?) {
        self.key = key
        self.isRequired = isRequired
        self.schema = schema
        self.reader = read
    }

    /// The field's value in `object` (the `unit` object at `path`), or nil after recording
    /// an issue in `reader`.
    public func read(_ object: [String: JSONNode], at path: JSONPath, _ reader: inout FieldReader) -> Value? {
        self.reader(object, path, &reader)
    }

    /// Key, requiredness and schema, for the key check and the schema.
    public var info: UnitFieldInfo { UnitFieldInfo(key: key, isRequired: isRequired, schema: schema) }
}

extension UnitField {
    /// A required string naming one of `choices` (schema: `enum`).
    public static func choice(_ key: String, what: String, _ choices: [(String, Value)], description: String) -> UnitField {
        UnitField(key: key, isRequired: true, schema: choiceSchema(choices.map { .string($0.0) }, description)) { object, path, r in
            r.choice(object, key, at: path, what: what, choices)
        }
    }

    /// An optional string naming one of `choices`, `defaultValue` when absent.
    public static func choice(_ key: String, what: String, _ choices: [(String, Value)], default defaultValue: Value,
                              description: String) -> UnitField {
        UnitField(key: key, isRequired: false, schema: choiceSchema(choices.map { .string($0.0) }, description)) { object, path, r in
            object[key] == nil ? defaultValue : r.choice(object, key, at: path, what: what, choices)
        }
    }

    /// A required choice written as a JSON integer, e.g. `bits: 4` (schema: `enum` of numbers).
    public static func numberChoice(_ key: String, what: String, _ choices: [(Int, Value)], description: String) -> UnitField {
        let named = choices.map { (String($0.0), $0.1) }
        return UnitField(key: key, isRequired: true, schema: choiceSchema(choices.map { .int($0.0) }, description)) { object, path, r in
            r.numberChoice(object, key, at: path, what: what, named)
        }
    }

    static func choiceSchema(_ names: [JSONValue], _ description: String) -> JSONValue {
        .object([("enum", .array(names)), ("description", .string(description))])
    }
}

extension UnitField where Value == Int {
    /// An optional integer in `range`, `defaultValue` when absent.
    public static func integer(_ key: String, in range: ClosedRange<Int>, default defaultValue: Int,
                               description: String) -> UnitField {
        UnitField(key: key, isRequired: false, schema: DesignSchema.integer(range, description)) { object, path, r in
            object[key] == nil ? defaultValue : r.integer(object, key, at: path, in: range)
        }
    }
}
