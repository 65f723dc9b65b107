/// A small, fast, seeded pseudo-random generator (SplitMix64, Steele et al. 2014).
///
/// Every seeded computation in QuantArch draws from this generator, so the same seed gives
/// bit-identical results on every machine and thread count.
///
/// ```swift
/// var rng = SplitMix64(seed: 42)
/// let u = rng.next()          // 0xBDD7_3226_2FEB_6E95
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The 32-bit draw used by stochastic rounding: the high half of the next output.
    public mutating func nextDraw() -> UInt32 { UInt32(truncatingIfNeeded: next() >> 32) }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
