/// A parsed JSON value as a `JSONValue` to write back out: object members in key order,
/// integral numbers of moderate size as integers.
///
/// ```swift
/// JSONNode.parse(Data(#"{"b": 2, "a": [0.5, "x"]}"#.utf8)).get().jsonValue.renderCompact()
/// // {"a": [0.5, "x"], "b": 2}
/// ```
extension JSONNode {
    public var jsonValue: JSONValue {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let x):
            if x == x.rounded(), abs(x) < 1e15, let i = Int(exactly: x) { return .int(i) }
            return .number(x)
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map(\.jsonValue))
        case .object(let members): return .object(members.keys.sorted().map { ($0, members[$0]?.jsonValue ?? .null) })
        }
    }
}
