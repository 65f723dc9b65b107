import NumberFormats

/// A JSON document as the CLI and the report writers build it, written with QuantArch's number conventions.
///
/// Object keys keep their insertion order so output is stable. `render()` gives one
/// document: containers holding only scalars (or arrays of scalars) are written on one
/// line, everything else is indented by two spaces. `renderExpanded()` puts every member
/// and element on a line of its own (the layout of `Designs/schema.json`).
///
/// ```swift
/// let doc: JSONValue = .object([("input", .number(2.5)), ("code", .int(4)), ("value", .number(2))])
/// doc.render()   // {"input": 2.5, "code": 4, "value": 2.0}
/// JSONValue.number(-0.0).render()   // -0.0
/// JSONValue.number(.nan).render()   // "nan"
/// ```
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// A real value: finite values as JSON numbers, non-finite ones as the strings
    /// `"nan"`, `"inf"`, `"-inf"` (NumberFormats/README.md, "Number text").
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// The document as text, without a trailing newline.
    public func render() -> String {
        var out = ""
        write(to: &out, indent: 0)
        return out
    }

    /// The document on one line (`, ` and `: ` separators), e.g. one record per line.
    public func renderCompact() -> String {
        var out = ""
        write(to: &out, indent: 0, compact: true)
        return out
    }

    /// The document with every non-empty container spread over lines, two spaces per level,
    /// without a trailing newline.
    ///
    /// ```swift
    /// JSONValue.object([("enum", .array([.int(3), .int(4)]))]).renderExpanded()
    /// // {
    /// //   "enum": [
    /// //     3,
    /// //     4
    /// //   ]
    /// // }
    /// ```
    public func renderExpanded() -> String {
        var out = ""
        write(to: &out, indent: 0, expanded: true)
        return out
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    /// Whether the value fits on one line: a scalar, or a container of scalars and
    /// arrays of scalars.
    private var isFlat: Bool {
        switch self {
        case .array(let items): return items.allSatisfy { $0.isScalar }
        case .object(let members):
            return members.allSatisfy { member in
                if case .array(let items) = member.1 { return items.allSatisfy { $0.isScalar } }
                return member.1.isScalar
            }
        default: return true
        }
    }

    private func write(to out: inout String, indent: Int, compact: Bool = false, expanded: Bool = false) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let x):
            if x.isFinite { out += x.description } else { out += "\"" + RoundTripText.format(x) + "\"" }
        case .string(let s): Self.writeString(s, to: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if (isFlat && !expanded) || compact {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", " }
                    item.write(to: &out, indent: indent, compact: compact, expanded: expanded)
                }
                out += "]"
                return
            }
            let pad = String(repeating: " ", count: indent + 2)
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                item.write(to: &out, indent: indent + 2, expanded: expanded)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            if (isFlat && !expanded) || compact {
                out += "{"
                for (i, (key, value)) in members.enumerated() {
                    if i > 0 { out += ", " }
                    Self.writeString(key, to: &out)
                    out += ": "
                    value.write(to: &out, indent: indent, compact: compact, expanded: expanded)
                }
                out += "}"
                return
            }
            let pad = String(repeating: " ", count: indent + 2)
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += pad
                Self.writeString(key, to: &out)
                out += ": "
                value.write(to: &out, indent: indent + 2, expanded: expanded)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    private static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
