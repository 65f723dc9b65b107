/// A location in a JSON document, written as in the error messages: `$` for the whole
/// document, `array.rows`, `memories[1].size_kib`, `cost_overrides["mac.fp16"]`.
///
/// ```swift
/// let p = JSONPath.root.key("memories").index(1).key("size_kib")
/// p.description                                  // "memories[1].size_kib"
/// try JSONPath(parsing: "memories[1].size_kib") == p   // true
/// ```
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step: an object key or an array index.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    /// The whole document, `$`.
    public static let root = JSONPath()

    /// This path followed by the object key `name`.
    public func key(_ name: String) -> JSONPath { JSONPath(components + [.key(name)]) }

    /// This path followed by the array index `i`.
    public func index(_ i: Int) -> JSONPath { JSONPath(components + [.index(i)]) }

    public var description: String {
        if components.isEmpty { return "$" }
        var out = ""
        for c in components {
            switch c {
            case .index(let i): out += "[\(i)]"
            case .key(let k):
                if JSONPath.isPlainKey(k) {
                    if !out.isEmpty { out += "." }
                    out += k
                } else {
                    out += "[\"" + k.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"]"
                }
            }
        }
        return out
    }

    static func isPlainKey(_ k: String) -> Bool {
        !k.isEmpty && k.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }

    /// Parse the written form: keys separated by `.`, array indices as `[i]`, and keys
    /// with other characters as `["…"]`. `$` or the empty string is the root.
    public init(parsing text: String) throws(DesignIssue) {
        var components: [Component] = []
        let chars = Array(text)
        var i = 0
        func fail(_ why: String) -> DesignIssue {
            DesignIssue(path: .root, message: "expected a path like array.rows or memories[0].size_kib, found '\(text)' (\(why))")
        }
        if text == "$" { self.init(); return }
        while i < chars.count {
            if chars[i] == "[" {
                i += 1
                if i < chars.count, chars[i] == "\"" {
                    i += 1
                    var key = ""
                    while i < chars.count, chars[i] != "\"" {
                        if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                        key.append(chars[i]); i += 1
                    }
                    guard i + 1 < chars.count, chars[i + 1] == "]" else { throw fail("unterminated [\"…\"]") }
                    i += 2
                    components.append(.key(key))
                } else {
                    var digits = ""
                    while i < chars.count, chars[i].isASCII, chars[i].isNumber { digits.append(chars[i]); i += 1 }
                    guard i < chars.count, chars[i] == "]", !digits.isEmpty, digits.count <= 9, let n = Int(digits) else {
                        throw fail("expected a non-negative index in [ ]")
                    }
                    i += 1
                    components.append(.index(n))
                }
            } else {
                if chars[i] == "." {
                    guard !components.isEmpty else { throw fail("empty key") }
                    i += 1
                }
                var key = ""
                while i < chars.count, chars[i] != ".", chars[i] != "[" { key.append(chars[i]); i += 1 }
                guard !key.isEmpty else { throw fail("empty key") }
                components.append(.key(key))
            }
        }
        self.init(components)
    }
}
