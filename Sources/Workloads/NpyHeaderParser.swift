import Foundation
import NumberFormats

/// Parser for the Python dictionary literal of a `.npy` header, e.g.
/// `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }`. A key given twice is
/// refused (NumPy's own reader would silently keep the last).
struct NpyHeaderParser {
    let chars: [Character]
    var index = 0
    let fail: (String, String) -> WorkloadError

    init(text: String, fail: @escaping (String, String) -> WorkloadError) {
        chars = Array(text)
        self.fail = fail
    }

    mutating func parseDictionary() throws(WorkloadError) -> [String: NpyHeaderValue] {
        skipSpace()
        try expect("{")
        var result: [String: NpyHeaderValue] = [:]
        while true {
            skipSpace()
            if peek == "}" { index += 1; break }
            guard peek == "'" || peek == "\"" else { throw syntax("a quoted key or '}'") }
            let keyStart = index
            let key = try parseString()
            guard result[key] == nil else {
                throw fail("header.\(key)", "expected each key once in the header dictionary, found '\(key)' again at character \(keyStart)")
            }
            skipSpace()
            try expect(":")
            skipSpace()
            result[key] = try parseValue(key: key)
            skipSpace()
            if peek == "," { index += 1; continue }
            if peek == "}" { index += 1; break }
            throw syntax("',' or '}'")
        }
        return result
    }

    private var peek: Character? { index < chars.count ? chars[index] : nil }

    private mutating func skipSpace() {
        while let c = peek, c.isWhitespace { index += 1 }
    }

    private mutating func expect(_ c: Character) throws(WorkloadError) {
        guard peek == c else { throw syntax("'\(c)'") }
        index += 1
    }

    private func syntax(_ expected: String) -> WorkloadError {
        let found = peek.map { "'\($0)' at character \(index)" } ?? "end of header"
        return fail("header", "expected \(expected) in the header dictionary, found \(found)")
    }

    private mutating func parseString() throws(WorkloadError) -> String {
        let quote = chars[index]
        index += 1
        var s = ""
        while let c = peek, c != quote { s.append(c); index += 1 }
        try expect(quote)
        return s
    }

    private mutating func parseValue(key: String) throws(WorkloadError) -> NpyHeaderValue {
        switch peek {
        case "'", "\"": return .string(try parseString())
        case "(":
            index += 1
            var dims: [Int] = []
            while true {
                skipSpace()
                if peek == ")" { index += 1; break }
                var digits = ""
                while let c = peek, c.isNumber || c == "L" { if c != "L" { digits.append(c) }; index += 1 }
                guard let d = Int(digits) else {
                    throw fail("header.\(key)", "expected non-negative integer dimensions, found \(peek.map { "'\($0)'" } ?? "end of header")")
                }
                dims.append(d)
                skipSpace()
                if peek == "," { index += 1 } else if peek != ")" { throw syntax("',' or ')'") }
            }
            return .tuple(dims)
        default:
            var word = ""
            while let c = peek, c != ",", c != "}" { word.append(c); index += 1 }
            let trimmed = word.trimmingCharacters(in: .whitespaces)
            switch trimmed {
            case "True": return .bool(true)
            case "False": return .bool(false)
            default: return .other(trimmed)
            }
        }
    }
}
