import Foundation

/// How the CLI reads numbers from the command line and writes codes. Values are written
/// with `RoundTripText.format` (NumberFormats/README.md, "Number text").
///
/// ```swift
/// NumberText.parse("-inf")         // -Double.infinity
/// NumberText.hexCode(0x7f, bits: 8) // "0x7f"
/// ```
enum NumberText {
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
