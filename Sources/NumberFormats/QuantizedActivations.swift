/// Quantized activations A[M×K] (row-major; a row is a token) with an element format and
/// per-token or per-tensor scales, as produced by `ActivationQuantizer`.
///
/// value(row, col) = format.decode(code) · scale(row), exactly in `Double`.
///
/// ```swift
/// let a = try ActivationQuantizer.perTokenInt8([0.5, -1.27, 0.01, 0.0], m: 2, k: 2)
/// a.scales                    // [RN_fp32(1.27/127), RN_fp32(0.01/127)]: one per row
/// a.code(row: 0, column: 1)   // 0x81: int8 two's-complement code of −127
/// a.value(row: 1, column: 0)  // 127 · RN_fp32(0.01/127)
/// ```
public struct QuantizedActivations: Sendable, Hashable {
    /// Whether scales are per row or one per tensor.
    public enum Granularity: String, Sendable, Hashable {
        case perToken = "per-token"
        case perTensor = "per-tensor"
    }

    /// Rows (tokens).
    public let m: Int
    /// Columns (the reduction dimension K).
    public let k: Int
    /// The element format of `codes`.
    public let format: ElementFormat
    /// Codes, row-major [M×K].
    public let codes: [UInt16]
    /// Per-token (M entries) or per-tensor (1 entry) scales, exactly.
    public let scales: [Double]
    /// The scales' codes in `scaleFormat`.
    public let scaleCodes: [UInt32]
    /// The format of the scales (FP32).
    public let scaleFormat: ElementFormat
    /// Per-token or per-tensor.
    public let granularity: Granularity

    public init(m: Int, k: Int, format: ElementFormat, codes: [UInt16], scales: [Double], scaleCodes: [UInt32],
                scaleFormat: ElementFormat, granularity: Granularity) {
        self.m = m
        self.k = k
        self.format = format
        self.codes = codes
        self.scales = scales
        self.scaleCodes = scaleCodes
        self.scaleFormat = scaleFormat
        self.granularity = granularity
    }

    /// The code of A[row, column].
    public func code(row: Int, column: Int) -> UInt16 { codes[row * k + column] }

    /// The scale of `row`.
    public func scale(row: Int) -> Double { granularity == .perToken ? scales[row] : scales[0] }

    /// The dequantized A[row, column], exactly.
    public func value(row: Int, column: Int) -> Double {
        format.decode(UInt32(code(row: row, column: column))) * scale(row: row)
    }

    /// All dequantized values, row-major [M×K].
    public func dequantized() -> [Double] {
        var out = [Double](repeating: 0, count: m * k)
        for r in 0..<m { for c in 0..<k { out[r * k + c] = value(row: r, column: c) } }
        return out
    }

    public static func == (a: QuantizedActivations, b: QuantizedActivations) -> Bool {
        a.m == b.m && a.k == b.k && a.format == b.format && a.codes == b.codes && a.scaleCodes == b.scaleCodes
            && a.scaleFormat == b.scaleFormat && a.granularity == b.granularity
            && a.scales.map(\.bitPattern) == b.scales.map(\.bitPattern)
    }

    public func hash(into h: inout Hasher) {
        h.combine(m)
        h.combine(k)
        h.combine(format)
        h.combine(codes)
    }
}
