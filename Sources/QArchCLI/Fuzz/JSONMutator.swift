import Foundation

/// Structure-aware mutation of JSON text: the text is split into tokens (strings, numbers,
/// literals, punctuation) and one token or span is changed: a number to an extreme or a
/// non-JSON text, a value to another type, a string to another string of the document (so
/// keys and names get swapped), a key/value deleted or duplicated, deep nesting, truncation,
/// invalid UTF-8, a flipped byte.
///
/// ```swift
/// var rng = FuzzRandom(seed: 3)
/// let mutant = JSONMutator.mutate(Data(#"{"m": 4}"#.utf8), &rng)   // e.g. {"m": 1e400}
/// ```
enum JSONMutator {
    enum Kind { case string, number, literal, punctuation }
    struct Token { let range: Range<Int>; let kind: Kind }

    /// Numbers at and beyond the edges readers check.
    static let extremeNumbers = [
        "0", "-0", "-1", "1", "2", "3", "0.5", "1.5", "-1.5", "255", "256", "65536", "2147483647", "2147483648", "4294967296",
        "9007199254740992", "9007199254740993", "9223372036854775807", "9223372036854775808", "18446744073709551616",
        "-9223372036854775809", "1e308", "1e309", "1e400", "-1e400", "1e-400", "4.9e-324", "1E+2", "1e0", "00", "01", "-",
        "1.", ".5", "+1", "0x10", "NaN", "Infinity", "-Infinity", "1e99999999999999999999", "123456789012345678901234567890",
    ]
    /// Values of every JSON type (and some that are not JSON).
    static let otherValues = [
        "\"\"", "\"x\"", "true", "false", "null", "[]", "{}", "[1, 2]", "{\"a\": 1}", "0", "-1", "1e400", "[[]]", "nul", "tru", "'x'",
        "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u00e9\"", "\"a\\tb\"", "\"\u{7}\"", "\"\u{202E}x\"", "\"\(String(repeating: "A", count: 300))\"",
    ]
    static let badBytes: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE2, 0x82], [0x00], [0xEF, 0xBB, 0xBF]]

    static func tokens(_ b: [UInt8]) -> [Token] {
        var out: [Token] = []
        var i = 0
        while i < b.count {
            let c = b[i]
            switch c {
            case UInt8(ascii: "\""):
                var j = i + 1
                while j < b.count, b[j] != UInt8(ascii: "\"") { j += b[j] == UInt8(ascii: "\\") ? 2 : 1 }
                j = min(j + 1, b.count)
                out.append(Token(range: i..<j, kind: .string)); i = j
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                var j = i + 1
                while j < b.count, "0123456789.eE+-".utf8.contains(b[j]) { j += 1 }
                out.append(Token(range: i..<j, kind: .number)); i = j
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                var j = i + 1
                while j < b.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b[j]) { j += 1 }
                out.append(Token(range: i..<j, kind: .literal)); i = j
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                i += 1
            default:
                out.append(Token(range: i..<(i + 1), kind: .punctuation)); i += 1
            }
        }
        return out
    }

    /// One mutant of `input` (several mutations stacked now and then).
    static func mutate(_ input: Data, _ rng: inout FuzzRandom) -> Data {
        var bytes = [UInt8](input)
        for _ in 0..<(rng.oneIn(4) ? 1 + rng.below(4) : 1) { bytes = mutateOnce(bytes, &rng) }
        return Data(bytes)
    }

    static func mutateOnce(_ b: [UInt8], _ rng: inout FuzzRandom) -> [UInt8] {
        let toks = tokens(b)
        guard !toks.isEmpty else { return b + [rng.byte()] }
        func replace(_ r: Range<Int>, _ text: [UInt8]) -> [UInt8] { Array(b[..<r.lowerBound]) + text + Array(b[r.upperBound...]) }
        func of(_ kind: Kind) -> Token? {
            let list = toks.filter { $0.kind == kind }
            return list.isEmpty ? nil : rng.pick(list)
        }
        switch rng.below(12) {
        case 0, 1:
            guard let t = of(.number) else { fallthrough }
            return replace(t.range, Array(rng.pick(extremeNumbers).utf8))
        case 2:
            let values = toks.filter { $0.kind != .punctuation }
            let t = rng.pick(values.isEmpty ? toks : values)
            return replace(t.range, Array(rng.pick(otherValues).utf8))
        case 3, 4:
            // A string becomes another string of the document: keys, names and enum values swap.
            guard let t = of(.string), let u = of(.string) else { fallthrough }
            return replace(t.range, Array(b[u.range]))
        case 5:
            // Delete a span from a string to the next comma (a key and its value) or one token.
            let i = rng.below(toks.count)
            guard toks[i].kind == .string, let comma = toks[i...].first(where: { b[$0.range.lowerBound] == UInt8(ascii: ",") }) else {
                return replace(toks[i].range, [])
            }
            return replace(toks[i].range.lowerBound..<comma.range.upperBound, [])
        case 6:
            // Duplicate a key and its value (or a token span).
            let i = rng.below(toks.count)
            let end = toks[i...].first(where: { b[$0.range.lowerBound] == UInt8(ascii: ",") })?.range.upperBound
                ?? toks[min(toks.count - 1, i + rng.below(4))].range.upperBound
            let span = Array(b[toks[i].range.lowerBound..<end])
            return Array(b[..<toks[i].range.lowerBound]) + span + span + Array(b[toks[i].range.lowerBound...])
        case 7:
            // Deep nesting around a value.
            let t = rng.pick(toks)
            let depth = rng.pick([2, 64, 1_000, 20_000])
            let (open, close): (UInt8, UInt8) = rng.oneIn(2) ? (UInt8(ascii: "["), UInt8(ascii: "]")) : (UInt8(ascii: "{"), UInt8(ascii: "}"))
            let wrapped = open == UInt8(ascii: "[")
                ? [UInt8](repeating: open, count: depth) + Array(b[t.range]) + [UInt8](repeating: close, count: depth)
                : Array(String(repeating: "{\"a\":", count: depth).utf8) + Array(b[t.range]) + [UInt8](repeating: close, count: depth)
            return replace(t.range, wrapped)
        case 8:
            return Array(b.prefix(rng.below(b.count + 1)))
        case 9:
            let at = rng.below(b.count + 1)
            return Array(b[..<at]) + rng.pick(badBytes) + Array(b[at...])
        case 10:
            guard !b.isEmpty else { return [rng.byte()] }
            var c = b
            c[rng.below(c.count)] ^= UInt8(1) << UInt8(rng.below(8))
            return c
        default:
            // Swap two tokens' texts of any kind.
            let t = rng.pick(toks), u = rng.pick(toks)
            guard t.range.upperBound <= u.range.lowerBound else { return replace(t.range, Array(b[u.range])) }
            return Array(b[..<t.range.lowerBound]) + Array(b[u.range]) + Array(b[t.range.upperBound..<u.range.lowerBound])
                + Array(b[t.range]) + Array(b[u.range.upperBound...])
        }
    }

    /// Whether `data` is JSON by Foundation's strict (RFC 8259) reader: a re-validation of
    /// the exact reader, which must accept nothing that is not JSON.
    static func isStrictJSON(_ data: Data) -> Bool {
        (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil
    }
}
