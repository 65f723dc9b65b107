import Foundation

/// How the format-error report writes numbers: a few significant digits in Markdown, full
/// round-trip precision in CSV (architecture.md §2: `inf`, `-inf`, `nan` when not finite).
///
/// ```swift
/// FormatErrorNumberText.significant(0.128286)   // "0.128"
/// FormatErrorNumberText.significant(.infinity)  // "∞"
/// FormatErrorNumberText.exact(0.25)             // "0.25"
/// ```
enum FormatErrorNumberText {
    /// `digits` significant digits (`%g`), `∞`, `−∞` or `nan` when not finite.
    static func significant(_ x: Double, _ digits: Int = 3) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "−∞" : "∞" }
        return String(format: "%.\(digits)g", x)
    }

    /// `x` as a percentage with `digits` significant digits.
    static func percent(_ x: Double, _ digits: Int = 3) -> String { significant(100 * x, digits) }

    /// A fixed number of decimals.
    static func fixed(_ x: Double, _ decimals: Int) -> String {
        x.isFinite ? String(format: "%.\(decimals)f", x) : significant(x)
    }

    /// The shortest text that reads back as exactly `x`; `inf`, `-inf`, `nan` when not finite.
    static func exact(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        return x.description
    }

    /// A ratio a/b written as `×r` with 2 significant digits.
    static func ratio(_ a: Double, _ b: Double) -> String { "×" + significant(a / b, 2) }
}
