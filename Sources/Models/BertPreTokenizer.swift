/// The Hugging Face `BertPreTokenizer`: split on whitespace, and make every punctuation
/// scalar (ASCII punctuation or a Unicode P* category) a word of its own.
///
/// ```swift
/// BertPreTokenizer.split("hello, world!")   // ["hello", ",", "world", "!"]
/// ```
public enum BertPreTokenizer {
    public static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append(String(current)); current = String.UnicodeScalarView() }
        }
        for c in text.unicodeScalars {
            if BertNormalizer.isWhitespace(c) {
                flush()
            } else if isPunctuation(c) {
                flush()
                words.append(String(c))
            } else {
                current.append(c)
            }
        }
        flush()
        return words
    }

    static func isPunctuation(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII, let b = UInt8(exactly: c.value) {
            return (33...47).contains(b) || (58...64).contains(b) || (91...96).contains(b) || (123...126).contains(b)
        }
        switch c.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}
