import NumberFormats

/// Seeded, LLM-like GEMM operands (Workloads/README.md, "Synthetic data"): Gaussian weights, and activations
/// with a few outlier channels 20–100× the typical magnitude.
///
/// The same seed gives bit-identical tensors on every machine.
///
/// ```swift
/// let a = SyntheticData.activations(m: 16, k: 4096, seed: 1)   // outliers in ~k/256 channels
/// let w = SyntheticData.weights(k: 4096, n: 4096, seed: 2)     // N(0, 0.02²)
/// ```
public enum SyntheticData {
    /// Weights B[K×N] drawn from N(0, std²).
    public static func weights(k: Int, n: Int, seed: UInt64, std: Double = 0.02) -> Matrix {
        var b = Matrix(rows: k, cols: n)
        let g = GaussianSource.samples(count: b.storage.count, seed: seed)
        for i in 0..<b.storage.count { b.storage[i] = std * g[i] }
        return b
    }

    /// Activations A[M×K] drawn from N(0, 1), with `outlierChannels` channels (default
    /// max(1, K/256)) scaled by factors drawn uniformly from [20, 100].
    public static func activations(m: Int, k: Int, seed: UInt64, outlierChannels: Int? = nil) -> Matrix {
        var pick = SplitMix64Proxy(seed: seed ^ 0x5EED_0F0F_CAFE_BABE)
        var a = Matrix(rows: m, cols: k)
        var channelScale = [Double](repeating: 1, count: k)
        let outliers = min(outlierChannels ?? max(1, k / 256), k)
        var chosen = 0
        while chosen < outliers && k > 0 {
            let c = Int(pick.next() % UInt64(k))
            if channelScale[c] == 1 {
                channelScale[c] = 20 + 80 * pick.unit()
                chosen += 1
            }
        }
        let g = GaussianSource.samples(count: a.storage.count, seed: seed)
        for r in 0..<m { for c in 0..<k { a.storage[r * k + c] = g[r * k + c] * channelScale[c] } }
        return a
    }
}
