import NumberFormats

/// The operands of a MixPE GEMM as the PE array sees them.
///
/// Weights are unsigned 4-bit codes (0…15) with a zero point and an FP16 scale per group of
/// `groupSize` consecutive k for each output column n. Activations are either int8 codes
/// with a per-row (per-token) FP32 scale (W4A8) or FP16 values (W4A16).
public struct MixPEOperands: Sendable {
    public enum Activations: Sendable {
        /// Row-major M×K int8 codes and one scale per row.
        case int8(codes: [Int8], rowScales: [Float])
        /// Row-major M×K FP16 values (held exactly as Float).
        case fp16([Float])
    }

    public let m: Int, k: Int, n: Int
    public let groupSize: Int
    /// Weight codes (0…15) transposed to N×K (row n holds column n of B), for contiguous k.
    public let weightCodesNK: [Int8]
    /// Per (group, n) zero points, index `g * n + col`.
    public let zeroPoints: [Int32]
    /// Per (group, n) FP16 scales held exactly as Float, index `g * n + col`.
    public let scales: [Float]
    public let activations: Activations

    /// Number of groups along K.
    public var groupCount: Int { (k + groupSize - 1) / groupSize }

    /// Operands from K×N weight codes (row-major) and per-group zero points and scales.
    public init(m: Int, k: Int, n: Int, groupSize: Int, weightCodesKN: [UInt8], zeroPoints: [Int32],
                scales: [Float], activations: Activations) {
        self.m = m; self.k = k; self.n = n
        self.groupSize = max(groupSize, 1)
        var t = [Int8](repeating: 0, count: k * n)
        for kk in 0..<k { for c in 0..<n { t[c * k + kk] = Int8(weightCodesKN[kk * n + c] & 0xF) } }
        weightCodesNK = t
        self.zeroPoints = zeroPoints
        self.scales = scales
        self.activations = activations
    }
}
