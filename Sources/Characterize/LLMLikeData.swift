import NumberFormats

/// Seeded LLM-like operand values: approximately standard normal (the Irwin–Hall sum of 12
/// uniforms minus 6, which needs no libm and so is the same on every machine), with one value
/// in 64 scaled by 8 as an outlier, like the activation outliers of LLMs.
///
/// ```swift
/// var rng = SplitMix64(seed: 1)
/// let x = LLMLikeData.gaussian(&rng)          // a Double, |x| ≤ 48
/// LLMLikeData.integer(&rng, bits: 8, signed: true)   // a two's complement code, e.g. 0xFA (−6)
/// ```
public enum LLMLikeData {
    /// One LLM-like value (mean 0, standard deviation about 1.5 with the outliers).
    public static func gaussian(_ rng: inout SplitMix64) -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += Double(rng.next() >> 11) * 0x1p-53 }
        let outlier = rng.next() & 63 == 0
        return (sum - 6) * (outlier ? 8 : 1)
    }

    /// An LLM-like integer: `gaussian` scaled so that 4σ (before outliers) reaches the
    /// largest magnitude, rounded and clamped; unsigned formats take the magnitude.
    public static func integer(_ rng: inout SplitMix64, bits: Int, signed: Bool) -> UInt64 {
        let g = gaussian(&rng)
        let top = signed ? Double((UInt64(1) << UInt64(bits - 1)) - 1) : Double((UInt64(1) << UInt64(bits)) - 1)
        var v = (signed ? g : abs(g)) * top / 4
        v = min(max(v.rounded(), signed ? -top - 1 : 0), top)
        let mask = bits == 64 ? UInt64.max : (UInt64(1) << UInt64(bits)) - 1
        return UInt64(bitPattern: Int64(v)) & mask
    }

    /// An LLM-like value rounded to a floating-point format (nearest-even, saturating).
    public static func float(_ rng: inout SplitMix64, format: ElementFormat) -> UInt64 {
        UInt64(format.encode(gaussian(&rng), rule: .nearestEven, overflow: .saturate))
    }
}
