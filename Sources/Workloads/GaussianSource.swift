import NumberFormats

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
