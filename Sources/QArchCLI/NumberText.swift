import Foundation

/// How the CLI reads numbers from the command line and writes them in tables and JSON.
///
/// Written numbers follow architecture.md §2: finite values with full round-trip
/// precision (Swift's shortest round-trip `description`, so integral values read `6.0`),
/// non-finite values as `nan`, `inf`, `-inf`, negative zero as `-0.0`.
///
/// ```swift
/// NumberText.format(-0.0)          // "-0.0"
/// NumberText.format(.nan)          // "nan"
/// NumberText.parse("-inf")         // -Double.infinity
/// NumberText.hexCode(0x7f, bits: 8) // "0x7f"
/// ```
enum NumberText {
    /// The shortest text that reads back as exactly `x`; `nan`, `inf`, `-inf` when not finite.
    static func format(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        return x.description
    }

    /// A number given on the command line: decimal or hexadecimal floating point, `nan`,
    /// `inf`, `-inf` (also `infinity`, any case). Nil if `text` is not a number.
    static func parse(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return nil }
        return Double(t)
    }

    /// A code as lowercase hexadecimal, zero-padded to the width of a `bits`-bit code.
    static func hexCode(_ code: UInt32, bits: Int) -> String {
        let digits = String(code, radix: 16)
        let width = max(1, (bits + 3) / 4)
        return "0x" + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// A code as a string of `bits` binary digits, most significant first.
    static func binaryCode(_ code: UInt32, bits: Int) -> String {
        let digits = String(code, radix: 2)
        return String(repeating: "0", count: max(0, bits - digits.count)) + digits
    }
}
