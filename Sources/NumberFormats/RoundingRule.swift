/// A rule for choosing between the two representable neighbours of a real value.
///
/// The raw values are the names used on the command line and in design JSON.
///
/// ```swift
/// let rule = RoundingRule(rawValue: "nearest-away")!   // .nearestAway
/// ```
public enum RoundingRule: String, CaseIterable, Sendable, Codable {
    /// Nearest; a tie goes to the neighbour with more trailing zero bits (the "even" one).
    case nearestEven = "nearest-even"
    /// Nearest; a tie goes to the neighbour of larger magnitude (TA, "half away").
    case nearestAway = "nearest-away"
    /// The neighbour of smaller magnitude (truncation).
    case towardZero = "toward-zero"
    /// The larger neighbour (toward +∞).
    case up
    /// The smaller neighbour (toward −∞).
    case down
    /// The larger-magnitude neighbour with probability equal to the distance fraction,
    /// decided by one 32-bit draw from a seeded generator.
    case stochastic

    /// Whether the rule needs random draws.
    public var isStochastic: Bool { self == .stochastic }
}
