/// Reads typed fields out of a `JSONNode` tree, collecting an issue for every problem
/// instead of stopping at the first, so a design reports all its errors at once.
///
/// Each accessor returns nil when the field is missing or wrong (after recording why).
/// Numbers are range-checked as `Double` before any conversion, so nothing traps.
///
/// ```swift
/// var reader = FieldReader()
/// let obj = reader.object(node, at: .root, keys: ["rows"])
/// let rows = reader.integer(obj, "rows", at: .root, in: 1...65536)
/// reader.issues   // [] or e.g. [rows: expected an integer 1…65536, found 0]
/// ```
public struct FieldReader {
    public private(set) var issues: [DesignIssue] = []

    public init() {}

    public mutating func fail(_ path: JSONPath, _ message: String) {
        issues.append(DesignIssue(path: path, message: message))
    }

    /// `node` as an object whose keys are all in `keys` (others are reported with a
    /// "did you mean"), or nil if it is not an object. `freeForm` skips the key check.
    public mutating func object(_ node: JSONNode?, at path: JSONPath, keys: [String], freeForm: Bool = false,
                         what: String = "an object") -> [String: JSONNode]? {
        guard let node else {
            fail(path, "expected \(what), found nothing (missing)")
            return nil
        }
        guard case .object(let members) = node else {
            fail(path, "expected \(what), found \(node.summary)")
            return nil
        }
        if !freeForm {
            for key in members.keys.sorted() where !keys.contains(key) {
                fail(path.key(key), "expected one of the keys \(keys.joined(separator: ", ")), found unknown key '\(key)'"
                     + Suggestion.hint(for: key, in: keys))
            }
        }
        return members
    }

    /// The member `key`, or an issue if it is missing (unless `optional`).
    public mutating func member(_ obj: [String: JSONNode]?, _ key: String, at path: JSONPath, expected: String,
                         optional: Bool = false) -> JSONNode? {
        guard let obj else { return nil }
        guard let node = obj[key] else {
            if !optional { fail(path.key(key), "expected \(expected), found nothing (missing)") }
            return nil
        }
        return node
    }

    /// An integral number in `range`.
    public mutating func integer(_ obj: [String: JSONNode]?, _ key: String, at path: JSONPath, in range: ClosedRange<Int>,
                          optional: Bool = false) -> Int? {
        let expected = "an integer \(range.lowerBound)…\(range.upperBound)"
        guard let node = member(obj, key, at: path, expected: expected, optional: optional) else { return nil }
        return integer(node, at: path.key(key), in: range)
    }

    /// `node` as an integral number in `range`.
    public mutating func integer(_ node: JSONNode, at path: JSONPath, in range: ClosedRange<Int>) -> Int? {
        let expected = "an integer \(range.lowerBound)…\(range.upperBound)"
        guard case .number(let x) = node else {
            fail(path, "expected \(expected), found \(node.typedSummary)")
            return nil
        }
        guard x >= Double(range.lowerBound), x <= Double(range.upperBound) else {
            fail(path, "expected \(expected), found \(node.summary)")
            return nil
        }
        guard x == x.rounded() else {
            fail(path, "expected \(expected), found the non-integral number \(node.summary)")
            return nil
        }
        // Double(Int.max) rounds up to 2^63, which Int(_:) cannot hold.
        guard x < 0x1p63 else {
            fail(path, "expected \(expected), found \(node.summary)")
            return nil
        }
        return Int(x)
    }

    /// A finite number in `range`, optionally excluding the lower bound (for "positive").
    public mutating func number(_ obj: [String: JSONNode]?, _ key: String, at path: JSONPath, in range: ClosedRange<Double>,
                         positive: Bool = false, optional: Bool = false) -> Double? {
        let expected = numberExpectation(range, positive: positive)
        guard let node = member(obj, key, at: path, expected: expected, optional: optional) else { return nil }
        return number(node, at: path.key(key), in: range, positive: positive)
    }

    public mutating func number(_ node: JSONNode, at path: JSONPath, in range: ClosedRange<Double>, positive: Bool = false) -> Double? {
        let expected = numberExpectation(range, positive: positive)
        guard case .number(let x) = node else {
            fail(path, "expected \(expected), found \(node.typedSummary)")
            return nil
        }
        guard x.isFinite, range.contains(x), !(positive && x <= 0) else {
            fail(path, "expected \(expected), found \(node.summary)")
            return nil
        }
        return x
    }

    private func numberExpectation(_ range: ClosedRange<Double>, positive: Bool) -> String {
        let low = positive ? "> \(JSONNode.format(range.lowerBound))" : "≥ \(JSONNode.format(range.lowerBound))"
        return "a number \(low) and ≤ \(JSONNode.format(range.upperBound))"
    }

    /// A string (non-empty unless `allowEmpty`; with `printable`, free of control characters,
    /// as names printed in tables must be).
    public mutating func string(_ obj: [String: JSONNode]?, _ key: String, at path: JSONPath, optional: Bool = false,
                         allowEmpty: Bool = false, printable: Bool = false) -> String? {
        guard let node = member(obj, key, at: path, expected: "a string", optional: optional) else { return nil }
        return string(node, at: path.key(key), allowEmpty: allowEmpty, printable: printable)
    }

    public mutating func string(_ node: JSONNode, at path: JSONPath, allowEmpty: Bool = false,
                                printable: Bool = false) -> String? {
        guard case .string(let s) = node else {
            fail(path, "expected a string, found \(node.typedSummary)")
            return nil
        }
        guard allowEmpty || !s.isEmpty else {
            fail(path, "expected a non-empty string, found ''")
            return nil
        }
        if printable, let bad = Self.firstUnprintable(in: s) {
            fail(path, "expected a name of printable characters, found the unprintable character \(bad.code) at character \(bad.position)")
            return nil
        }
        return s
    }

    /// The first control, format or line/paragraph separator character of `s` (which would
    /// break a line of text or a table) as `U+000A`, with its 1-based position in scalars.
    ///
    /// ```swift
    /// FieldReader.firstUnprintable(in: "a\nb")   // (code: "U+000A", position: 2)
    /// FieldReader.firstUnprintable(in: "µ-PE")   // nil
    /// ```
    public static func firstUnprintable(in s: String) -> (code: String, position: Int)? {
        for (i, scalar) in s.unicodeScalars.enumerated() {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                return ("U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex, i + 1)
            default:
                continue
            }
        }
        return nil
    }

    /// A boolean.
    public mutating func bool(_ obj: [String: JSONNode]?, _ key: String, at path: JSONPath, optional: Bool = false) -> Bool? {
        guard let node = member(obj, key, at: path, expected: "true or false", optional: optional) else { return nil }
        guard case .bool(let b) = node else {
            fail(path.key(key), "expected true or false, found \(node.typedSummary)")
            return nil
        }
        return b
    }

    /// One of the named `choices` (a string), reported with the valid names and a "did you mean".
    public mutating func choice<T>(_ obj: [String: JSONNode]?, _ key: String, at path: JSONPath, what: String,
                            _ choices: [(String, T)], optional: Bool = false) -> T? {
        let names = choices.map { $0.0 }   // a closure: a key path into a generic tuple is built at run time, per call
        let expected = "\(what): one of \(names.joined(separator: ", "))"
        guard let node = member(obj, key, at: path, expected: expected, optional: optional) else { return nil }
        guard case .string(let s) = node else {
            fail(path.key(key), "expected \(expected), found \(node.typedSummary)")
            return nil
        }
        guard let hit = choices.first(where: { $0.0 == s }) else {
            fail(path.key(key), "expected \(expected), found unknown \(what) '\(s)'" + Suggestion.hint(for: s, in: names))
            return nil
        }
        return hit.1
    }

    /// An array of anything.
    public mutating func array(_ obj: [String: JSONNode]?, _ key: String, at path: JSONPath, optional: Bool = false) -> [JSONNode]? {
        guard let node = member(obj, key, at: path, expected: "an array", optional: optional) else { return nil }
        return array(node, at: path.key(key))
    }

    /// `node` as an array of anything.
    public mutating func array(_ node: JSONNode, at path: JSONPath) -> [JSONNode]? {
        guard case .array(let items) = node else {
            fail(path, "expected an array, found \(node.summary)")
            return nil
        }
        return items
    }

    /// A real number as `JSONValue.number` writes it: a JSON number, or for a non-finite
    /// value one of the strings `nan`, `inf`, `-inf`, so written results read back bit for bit.
    ///
    /// ```swift
    /// var r = FieldReader()
    /// r.real(.string("-inf"), at: .root)   // -inf
    /// r.real(.number(0.1), at: .root)      // 0.1
    /// r.real(.string("x"), at: .root)      // nil; issue $: expected a number or "nan"/"inf"/"-inf", found 'x'
    /// ```
    public mutating func real(_ obj: [String: JSONNode]?, _ key: String, at path: JSONPath, optional: Bool = false) -> Double? {
        guard let node = member(obj, key, at: path, expected: Self.realExpectation, optional: optional) else { return nil }
        return real(node, at: path.key(key))
    }

    public mutating func real(_ node: JSONNode, at path: JSONPath) -> Double? {
        switch node {
        case .number(let x): return x
        case .string("nan"): return .nan
        case .string("inf"): return .infinity
        case .string("-inf"): return -.infinity
        default:
            fail(path, "expected \(Self.realExpectation), found \(node.summary)")
            return nil
        }
    }

    private static let realExpectation = #"a number or "nan"/"inf"/"-inf""#

    /// A choice written as a JSON number (e.g. `bits: 4`) rather than a string.
    public mutating func numberChoice<T>(_ obj: [String: JSONNode]?, _ key: String, at path: JSONPath, what: String,
                                  _ choices: [(String, T)]) -> T? {
        let names = choices.map { $0.0 }.joined(separator: " or ")
        guard let node = member(obj, key, at: path, expected: "\(what): \(names)") else { return nil }
        if case .number(let x) = node, let hit = choices.first(where: { $0.0 == JSONNode.format(x) }) { return hit.1 }
        fail(path.key(key), "expected \(what): \(names), found \(node.summary)")
        return nil
    }
}
