import NumberFormats

/// Operands of the floating-point MAC baselines and the HiF8 MAC: activations and weights
/// already held as exact values of their element formats (transposed weights, N×K), with
/// optional per-row and per-column FP32 scales applied after accumulation.
public struct FloatMACOperands: Sendable {
    public let m: Int, k: Int, n: Int
    public let activations: [Float]
    public let weightsNK: [Float]
    /// Per-row activation scales (empty = 1).
    public let rowScales: [Float]
    /// Per-column weight scales (empty = 1).
    public let columnScales: [Float]

    public init(m: Int, k: Int, n: Int, activations: [Float], weightsNK: [Float], rowScales: [Float] = [], columnScales: [Float] = []) {
        self.m = m; self.k = k; self.n = n
        self.activations = activations
        self.weightsNK = weightsNK
        self.rowScales = rowScales
        self.columnScales = columnScales
    }
}
