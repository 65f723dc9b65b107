/// Elementary functions built only from IEEE 754 basic operations, so seeded data is
/// bit-identical on every platform (libm implementations differ in the last place).
enum DeterministicMath {
    static let ln2 = 0.693_147_180_559_945_309_417_232_121_458_176_568

    /// Natural logarithm of a positive finite x: x = m·2^e with m ∈ [1, 2),
    /// ln x = e·ln 2 + 2·atanh((m − 1)/(m + 1)) by its series.
    static func log(_ x: Double) -> Double {
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
}

/// Standard normal samples by the Marsaglia polar method over `SplitMix64` draws.
struct GaussianSource {
    var rng: SplitMix64Proxy
    var spare: Double?

    init(seed: UInt64) { rng = SplitMix64Proxy(seed: seed) }

    mutating func next() -> Double {
        if let s = spare { spare = nil; return s }
        while true {
            let u = 2 * rng.unit() - 1, v = 2 * rng.unit() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let f = (-2 * DeterministicMath.log(s) / s).squareRoot()
                spare = v * f
                return u * f
            }
        }
    }
}
