/// Estimated width of text in a sans-serif font, for laying out labels without a font
/// engine. Widths are per-character classes measured on DejaVu Sans (the widest common
/// sans-serif, so layouts fit Arial/Helvetica too), in em.
///
/// ```swift
/// TextMetrics.width("100", fontSize: 10)   // 19.08 (3 digits × 0.636 em × 10 px)
/// ```
enum TextMetrics {
    /// How much wider DejaVu Sans Bold sets text than DejaVu Sans (its advances are 7–13 %
    /// wider; the upper end, so bold titles fit).
    static let boldFactor = 1.13

    /// Estimated rendered width in pixels of `text` at `fontSize` pixels (bold: `boldFactor` wider).
    static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        var em = 0.0
        for ch in text {
            em += characterWidth(ch)
        }
        return em * fontSize * (bold ? boldFactor : 1)
    }

    /// `text` shortened with a trailing "…" so that it fits in `maxWidth` pixels.
    static func truncate(_ text: String, toWidth maxWidth: Double, fontSize: Double, bold: Bool = false) -> String {
        guard width(text, fontSize: fontSize, bold: bold) > maxWidth else { return text }
        var kept = ""
        let ellipsis = width("…", fontSize: fontSize, bold: bold)
        for ch in text {
            if width(kept + String(ch), fontSize: fontSize, bold: bold) + ellipsis > maxWidth { break }
            kept.append(ch)
        }
        return kept + "…"
    }

    private static func characterWidth(_ ch: Character) -> Double {
        switch ch {
        case "0"..."9": return 0.636
        case " ": return 0.318
        case ".", ",", ":", ";", "'", "|", "!", "i", "j", "l": return 0.30
        case "f", "t", "r", "I", "(", ")", "[", "]", "-", "/", "\"": return 0.40
        case "m", "M", "W", "w": return 0.90
        case "A"..."Z": return 0.72
        case "a"..."z": return 0.61
        case "µ", "%", "@", "&": return 0.90
        default: return ch.isASCII ? 0.62 : 0.80
        }
    }
}
