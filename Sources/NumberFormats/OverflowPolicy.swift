/// What a conversion does with a value beyond the largest finite value of the format.
///
/// ```swift
/// OverflowPolicy(rawValue: "inf")   // .infinity
/// ```
public enum OverflowPolicy: String, CaseIterable, Sendable, Codable {
    /// Clamp to the largest finite value of the same sign.
    case saturate
    /// Produce the format's infinity, or its NaN when it has no infinity, or saturate when
    /// it has neither. Directed rules follow IEEE 754: toward-zero (and `down` for
    /// positive, `up` for negative values) still give the largest finite value.
    case infinity = "inf"
}
