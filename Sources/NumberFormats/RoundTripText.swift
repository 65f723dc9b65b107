/// The project's one text form of a real number (NumberFormats/README.md, "Number text"): the shortest decimal
/// that reads back as exactly the same `Double` (Swift's `description`, so integral values
/// read `6.0` and negative zero `-0.0`), and `nan`, `inf`, `-inf` when not finite.
///
/// Used for JSON, CSV and tables alike, so every output of a value reads back bit for bit.
///
/// ```swift
/// RoundTripText.format(0.1)     // "0.1"
/// RoundTripText.format(-0.0)    // "-0.0"
/// RoundTripText.format(-.infinity) // "-inf"
/// ```
public enum RoundTripText {
    public static func format(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        return x.description
    }
}
