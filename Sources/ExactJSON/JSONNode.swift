import Foundation

/// A parsed JSON value (`ExactJSONReader`): booleans and numbers are distinct cases, and
/// numbers read back exactly as written.
///
/// Numbers are kept as `Double`: every range check happens on the `Double` before any
/// conversion to `Int`, so no input can trap.
///
/// ```swift
/// let node = try JSONNode.parse(Data(#"{"rows": 32}"#.utf8)).get()
/// node.member("rows")   // .number(32)
/// ```
public enum JSONNode: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([String: JSONNode])

    /// Parse `data`: UTF-8 JSON, one document. Invalid UTF-8, truncated or malformed
    /// JSON give one issue at path `$`, with the byte offset or the parser's position; a key
    /// repeated in one object gives one issue at the repeated key's path.
    public static func parse(_ data: Data) -> Result<JSONNode, DesignIssue> {
        if let offset = firstInvalidUTF8Offset(data) {
            return .failure(DesignIssue(path: .root, message: "expected UTF-8 text, found an invalid byte at offset \(offset)"))
        }
        if data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            return .failure(DesignIssue(path: .root, message: "expected a JSON object, found an empty file"))
        }
        do {
            return .success(try ExactJSONReader.parse(data))
        } catch {
            // Report the position in characters (UTF-8 is valid here) and say when the text ends early.
            let character = String(decoding: data.prefix(error.offset), as: UTF8.self).unicodeScalars.count
            if let path = error.duplicatePath {
                return .failure(DesignIssue(path: path, message: "expected each key once in an object, found this key again at character \(character)"))
            }
            var detail = "expected \(error.expected) at character \(character)"
            if error.offset >= data.count { detail += " (the document stops at byte \(data.count))" }
            return .failure(DesignIssue(path: .root, message: "expected well-formed JSON, found a syntax error: \(detail)"))
        }
    }

    /// Parse command-line text as JSON if it is a JSON value, otherwise as a string.
    ///
    /// ```swift
    /// JSONNode.fromArgument("32")   // .number(32)
    /// JSONNode.fromArgument("ws")   // .string("ws")
    /// ```
    public static func fromArgument(_ text: String) -> JSONNode {
        if case .success(let node) = parse(Data(text.utf8)) { return node }
        return .string(text)
    }

    /// The byte offset of the first byte that is not valid UTF-8, or nil.
    static func firstInvalidUTF8Offset(_ data: Data) -> Int? {
        data.withUnsafeBytes { bytes in
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes.makeIterator()
            var offset = 0
            while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let scalar): offset += scalar.count
                case .emptyInput: return nil
                case .error: return offset
                }
            }
        }
    }

    /// The member `key` of an object, or nil.
    public func member(_ key: String) -> JSONNode? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// A short description for messages: `'ws'`, `32`, `true`, `an object`, `an array`.
    public var summary: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let x): return JSONNode.format(x)
        case .string(let s): return "'\(s.count > 40 ? String(s.prefix(40)) + "…" : s)'"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The value as a message's "found …" names it: the kind, then the value where the kind
    /// alone does not say it (`null`, `an array` and `an object` are not repeated).
    ///
    /// ```swift
    /// JSONNode.number(5).typedSummary        // "a number 5"
    /// JSONNode.string("ws").typedSummary     // "a string 'ws'"
    /// JSONNode.array([.number(1)]).typedSummary   // "an array"
    /// JSONNode.null.typedSummary             // "null"
    /// ```
    public var typedSummary: String {
        switch self {
        case .null, .array, .object: return kindName
        case .bool, .number, .string: return "\(kindName) \(summary)"
        }
    }

    /// What kind of value this is: `a string`, `a number`, …
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// `x` without a trailing `.0` when integral and of moderate size, as messages and
    /// reports quote JSON numbers.
    ///
    /// ```swift
    /// JSONNode.format(32)    // "32"
    /// JSONNode.format(0.5)   // "0.5"
    /// ```
    public static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e18 { return String(Int64(x)) }
        return "\(x)"
    }
}
