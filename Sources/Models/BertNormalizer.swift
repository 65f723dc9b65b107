import Foundation

/// The Hugging Face `BertNormalizer` of a `tokenizer.json`, applied to Unicode scalars in
/// its order: clean text (drop NUL, U+FFFD and control/format/unassigned scalars; every
/// whitespace scalar becomes a space), space out CJK ideographs, strip accents (NFD, then
/// drop non-spacing marks; on when `strip_accents` is null and `lowercase` is true), lowercase.
///
/// ```swift
/// BertNormalizer(lowercase: true).normalize("Café\t東京")   // "cafe  東  京 "
/// ```
public struct BertNormalizer: Sendable, Equatable {
    public var cleanText = true
    public var handleChineseChars = true
    public var stripAccents: Bool?
    public var lowercase = true

    public init(cleanText: Bool = true, handleChineseChars: Bool = true, stripAccents: Bool? = nil, lowercase: Bool = true) {
        self.cleanText = cleanText
        self.handleChineseChars = handleChineseChars
        self.stripAccents = stripAccents
        self.lowercase = lowercase
    }

    public func normalize(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        if cleanText {
            scalars = scalars.compactMap { c in
                if c.value == 0 || c.value == 0xFFFD || Self.isControl(c) { return nil }
                return Self.isWhitespace(c) ? " " : c
            }
        }
        if handleChineseChars {
            var spaced: [Unicode.Scalar] = []
            spaced.reserveCapacity(scalars.count)
            for c in scalars {
                if Self.isChinese(c) { spaced += [" ", c, " "] } else { spaced.append(c) }
            }
            scalars = spaced
        }
        var s = String(String.UnicodeScalarView(scalars))
        if stripAccents ?? lowercase {
            s = String(String.UnicodeScalarView(s.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                $0.properties.generalCategory != .nonspacingMark
            }))
        }
        if lowercase { s = s.lowercased() }
        return s
    }

    /// Whitespace as the tokenizers crate sees it (Rust's `char::is_whitespace`).
    public static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c.properties.isWhitespace
    }

    /// A control character for `clean_text`: categories Cc, Cf, Cs, Co, Cn, except tab/newline/CR.
    static func isControl(_ c: Unicode.Scalar) -> Bool {
        if c == "\t" || c == "\n" || c == "\r" { return false }
        switch c.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    /// The CJK Unified Ideograph blocks BERT spaces out.
    static func isChinese(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
             0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F: return true
        default: return false
        }
    }
}
