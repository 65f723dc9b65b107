/// XML escaping for text and attribute values written into SVG documents.
///
/// The five XML special characters become entities, and characters XML 1.0 forbids
/// (control characters other than tab, LF and CR, and U+FFFE/U+FFFF) become U+FFFD, so any
/// design or format name yields a well-formed document.
///
/// ```swift
/// SVGText.escape("a<b & \"c\" 'd'")   // "a&lt;b &amp; &quot;c&quot; &apos;d&apos;"
/// ```
enum SVGText {
    /// `s` with `&`, `<`, `>`, `"` and `'` replaced by entities and XML-invalid characters
    /// replaced by U+FFFD; safe both as element text and inside a double-quoted attribute.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
