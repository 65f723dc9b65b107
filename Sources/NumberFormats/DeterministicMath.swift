/// Elementary functions built only from IEEE 754 basic operations, so seeded data and
/// reported metrics are bit-identical on every platform (libm implementations differ in
/// the last place).
///
/// ```swift
/// DeterministicMath.log(1)      // 0
/// DeterministicMath.log10(20)   // 1.3010299956639813
/// ```
public enum DeterministicMath {
    static let ln2 = 0.693_147_180_559_945_309_417_232_121_458_176_568
    static let log10e = 0.434_294_481_903_251_827_651

    /// Natural logarithm of a positive finite x: x = m·2^e with m ∈ [1, 2),
    /// ln x = e·ln 2 + 2·atanh((m − 1)/(m + 1)) by its series.
    public static func log(_ x: Double) -> Double {
        let e = Double(Int(x.exponent))
        let m = x.significand
        let t = (m - 1) / (m + 1)
        let t2 = t * t
        var term = t, sum = 0.0
        var k = 1.0
        while k < 60 {
            sum += term / k
            term *= t2
            k += 2
        }
        return e * ln2 + 2 * sum
    }

    /// Base-10 logarithm: −∞ at 0, NaN for negatives and NaN, +∞ at +∞.
    public static func log10(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == 0 ? -.infinity : (x.isNaN || x < 0 ? .nan : .infinity) }
        return log(x) * log10e
    }
}
