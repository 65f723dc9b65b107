import Dispatch
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

    /// The first `count` samples of a fresh source with `seed`: bit for bit what `count` calls
    /// of `next()` return. The uniform pairs are drawn and accepted in order (sequential,
    /// cheap); the logarithms and square roots, which cost most, are spread over the cores.
    ///
    /// ```swift
    /// GaussianSource.samples(count: 3, seed: 1) == { var g = GaussianSource(seed: 1); return [g.next(), g.next(), g.next()] }()
    /// ```
    static func samples(count: Int, seed: UInt64) -> [Double] {
        guard count > 0 else { return [] }
        var rng = SplitMix64Proxy(seed: seed)
        let pairs = (count + 1) / 2
        // out[2i], out[2i+1] hold the accepted pair (u, v) until phase 2 scales it by f(s_i).
        var out = [Double](repeating: 0, count: 2 * pairs)
        var radii = [Double](repeating: 0, count: pairs)
        var i = 0
        while i < pairs {
            let u = 2 * rng.unit() - 1, v = 2 * rng.unit() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                out[2 * i] = u
                out[2 * i + 1] = v
                radii[i] = s
                i += 1
            }
        }
        out.withUnsafeMutableBufferPointer { o in
            radii.withUnsafeBufferPointer { r in
                // Chunks write disjoint pairs; the addresses cross into the workers as integers.
                let (outAddress, radiusAddress) = (Int(bitPattern: o.baseAddress), Int(bitPattern: r.baseAddress))
                let chunks = pairs < 1 << 14 ? 1 : 16
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    guard let ob = UnsafeMutablePointer<Double>(bitPattern: outAddress),
                          let rb = UnsafePointer<Double>(bitPattern: radiusAddress) else { return }
                    for p in (pairs * c / chunks)..<(pairs * (c + 1) / chunks) {
                        let s = rb[p]
                        let f = (-2 * DeterministicMath.log(s) / s).squareRoot()
                        ob[2 * p] = ob[2 * p] * f
                        ob[2 * p + 1] = ob[2 * p + 1] * f
                    }
                }
            }
        }
        if out.count > count { out.removeLast() }
        return out
    }
}
