import Foundation

/// The JSON reader behind `JSONNode.parse`, whose numbers are exact: each number's text is
/// converted with Swift's correctly rounded `Double(_:)`, so any value written with
/// `description` reads back bit for bit (Foundation's `JSONSerialization` is off by an ulp
/// on some values, which made merged shard reports differ from a whole run, and could
/// nudge a design's constants).
///
/// Strict RFC 8259 (one value, no trailing commas, no comments), nesting limited to 256
/// levels, and each key at most once per object (a repeated key is refused with its JSON
/// path rather than silently replacing the first); errors give the byte offset. Never traps.
///
/// ```swift
/// try ExactJSONReader.parse(Data("[4.9406564584124654e-324]".utf8))   // .array([.number(5e-324)])
/// try ExactJSONReader.parse(Data(#"{"a": {"b": 1, "b": 2}}"#.utf8))  // throws, duplicatePath a.b
/// ```
public enum ExactJSONReader {
    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public var offset: Int
        public var expected: String
        /// For a key repeated in one object: the path of the repeated key (`offset` is where
        /// it occurs again); nil for every other error.
        public var duplicatePath: JSONPath?
        public var description: String {
            if let duplicatePath { return "\(duplicatePath): expected each key once, found it again at byte \(offset)" }
            return "expected \(expected) at byte \(offset)"
        }
    }

    public static func parse(_ data: Data) throws(SyntaxError) -> JSONNode {
        var p = Parser(bytes: [UInt8](data))
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        guard p.i == p.bytes.count else { throw SyntaxError(offset: p.i, expected: "the end of the document") }
        return v
    }

    struct Parser {
        let bytes: [UInt8]
        var i = 0
        /// The path of the value being read (for the duplicate-key error).
        var path: [JSONPath.Component] = []

        func fail(_ what: String) -> SyntaxError { SyntaxError(offset: i, expected: what) }

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        }

        mutating func literal(_ text: String, _ v: JSONNode) throws(SyntaxError) -> JSONNode {
            let t = Array(text.utf8)
            guard i + t.count <= bytes.count, Array(bytes[i..<i + t.count]) == t else { throw fail("'\(text)'") }
            i += t.count
            return v
        }

        mutating func value(depth: Int) throws(SyntaxError) -> JSONNode {
            guard depth < 256 else { throw fail("at most 256 nested levels") }
            guard i < bytes.count else { throw fail("a value") }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                var members: [String: JSONNode] = [:]
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                while true {
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("a string key") }
                    let keyOffset = i
                    let key = try string()
                    guard members[key] == nil else {
                        throw SyntaxError(offset: keyOffset, expected: "each key once",
                                          duplicatePath: JSONPath(path + [.key(key)]))
                    }
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("':'") }
                    i += 1
                    skipSpace()
                    path.append(.key(key))
                    members[key] = try value(depth: depth + 1)
                    path.removeLast()
                    skipSpace()
                    guard i < bytes.count else { throw fail("',' or '}'") }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                    throw fail("',' or '}'")
                }
            case UInt8(ascii: "["):
                i += 1
                var items: [JSONNode] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                while true {
                    skipSpace()
                    path.append(.index(items.count))
                    items.append(try value(depth: depth + 1))
                    path.removeLast()
                    skipSpace()
                    guard i < bytes.count else { throw fail("',' or ']'") }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                    throw fail("',' or ']'")
                }
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default: return .number(try number())
            }
        }

        mutating func number() throws(SyntaxError) -> Double {
            let start = i
            func digits() -> Int {
                let s = i
                while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
                return i - s
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, (0x30...0x39).contains(bytes[i]) else { throw fail("a value") }
            if bytes[i] == 0x30 { i += 1 } else { _ = digits() }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                guard digits() > 0 else { throw fail("a digit after '.'") }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard digits() > 0 else { throw fail("an exponent digit") }
            }
            guard let x = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else { throw fail("a number") }
            guard x.isFinite else { i = start; throw fail("a number within Double's range (±1.8e308)") }
            return x
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16) else {
                throw fail("four hex digits")
            }
            i += 4
            return v
        }

        mutating func string() throws(SyntaxError) -> String {
            i += 1   // opening quote
            var out = [UInt8]()
            while true {
                guard i < bytes.count else { throw fail("a closing '\"'") }
                let b = bytes[i]
                if b == UInt8(ascii: "\"") { i += 1; break }
                if b < 0x20 { throw fail("an escaped control character") }
                if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
                i += 1
                guard i < bytes.count else { throw fail("an escape") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                            throw fail("a low surrogate")
                        }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("a low surrogate") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw fail("a Unicode scalar") }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: throw fail("a valid escape")
                }
            }
            guard let s = String(validating: out, as: UTF8.self) else { throw fail("UTF-8 text") }
            return s
        }
    }
}
