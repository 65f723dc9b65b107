import Foundation

/// How the format-error report writes numbers: a few significant digits in Markdown, full
/// round-trip precision in CSV (`RoundTripText`).
///
/// ```swift
/// FormatErrorNumberText.significant(0.128286)   // "0.128"
/// FormatErrorNumberText.significant(.infinity)  // "∞"
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

    /// A ratio a/b written as `×r`: 2 significant digits (trailing zero kept), whole numbers from 100.
    ///
    /// ```swift
    /// FormatErrorNumberText.ratio(0.188, 0.0925)   // "×2.0"
    /// FormatErrorNumberText.ratio(5, 0.03)         // "×167"
    /// ```
    static func ratio(_ a: Double, _ b: Double) -> String {
        let r = a / b
        guard r.isFinite else { return "×" + significant(r) }
        return "×" + String(format: abs(r) >= 100 ? "%.0f" : "%#.2g", r)
    }
}
