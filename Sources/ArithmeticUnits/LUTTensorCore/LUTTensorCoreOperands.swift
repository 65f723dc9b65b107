import NumberFormats

/// The operands of a LUT Tensor Core GEMM as the array sees them.
///
/// Weights are unsigned `weightBits`-bit codes (ternary uses 2-bit codes t + 1 with zero
/// point 1) with a zero point and scale per group along K for each column. Activations are
/// FP16 values or int8 codes with per-row scales.
public struct LUTTensorCoreOperands: Sendable {
    public enum Activations: Sendable {
        case fp16([Float])
        case int8(codes: [Int8], rowScales: [Float])
    }

    public let m: Int, k: Int, n: Int
    public let groupSize: Int
    public let weightBits: Int
    /// Weight codes transposed to N×K.
    public let weightCodesNK: [UInt8]
    /// Per (group, n) zero points (integers; ternary uses 1).
    public let zeroPoints: [Int32]
    /// Per (group, n) scales (FP16 values held as Float).
    public let scales: [Float]
    public let activations: Activations

    public var groupCount: Int { (k + groupSize - 1) / groupSize }

    public init(m: Int, k: Int, n: Int, groupSize: Int, weightBits: Int, weightCodesKN: [UInt8],
                zeroPoints: [Int32], scales: [Float], activations: Activations) {
        self.m = m; self.k = k; self.n = n
        self.groupSize = max(groupSize, 1)
        self.weightBits = min(max(weightBits, 1), 8)
        let mask = UInt8((1 << self.weightBits) - 1)
        var t = [UInt8](repeating: 0, count: k * n)
        for kk in 0..<k { for c in 0..<n { t[c * k + kk] = weightCodesKN[kk * n + c] & mask } }
        weightCodesNK = t
        self.zeroPoints = zeroPoints
        self.scales = scales
        self.activations = activations
    }
}
