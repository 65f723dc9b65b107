import NumberFormats

/// The operands of a BitMoD GEMM as the PE array sees them.
///
/// Each weight is a signed integer in its group's datatype units (BitMoD FP4 values ×2,
/// FP3 values, or plain integers), with a per-(group, column) 8-bit integer scale and a
/// FP16 channel scale s_ch of the group's datatype (BitMoD keeps one per column and
/// datatype): `w = value · 2^unitExponent · q_scale · s_ch`.
public struct BitMoDOperands: Sendable {
    /// The datatype family of a group.
    public enum WeightKind: Sendable, Equatable {
        /// BitMoD FP4 (values in ×2 units, so unitExponent −1).
        case fp4
        /// BitMoD FP3 (integer units).
        case fp3
        /// Signed integers of the given width, Booth-recoded.
        case int(bits: Int)

        /// Bit-serial cycles per 4-wide dot product: ceil(bits/2).
        public var cycles: Int {
            switch self {
            case .fp4, .fp3: return 2
            case .int(let b): return (b + 1) / 2
            }
        }
        var unitExponent: Int { self == .fp4 ? -1 : 0 }
    }

    public let m: Int, k: Int, n: Int
    public let groupSize: Int
    public let kind: WeightKind
    /// Weight values transposed to N×K.
    public let weightValuesNK: [Int16]
    /// Per (group, column) integer scales, index `g * n + col`.
    public let groupScales: [UInt8]
    /// Per (group, column) FP16 channel scales held as Float, index `g * n + col`.
    public let channelScales: [Float]
    /// Row-major M×K FP16 activations held as Float.
    public let activations: [Float]

    public var groupCount: Int { (k + groupSize - 1) / groupSize }

    public init(m: Int, k: Int, n: Int, groupSize: Int, kind: WeightKind, weightValuesKN: [Int16],
                groupScales: [UInt8], channelScales: [Float], activations: [Float]) {
        self.m = m; self.k = k; self.n = n
        self.groupSize = max(groupSize, 1)
        self.kind = kind
        var t = [Int16](repeating: 0, count: k * n)
        for kk in 0..<k { for c in 0..<n { t[c * k + kk] = weightValuesKN[kk * n + c] } }
        weightValuesNK = t
        self.groupScales = groupScales
        self.channelScales = channelScales
        self.activations = activations
    }

    /// The exact dequantized weight at (k, column).
    public func dequantizedWeight(k kk: Int, column c: Int) -> Float {
        let g = kk / groupSize
        let v = Float(weightValuesNK[c * k + kk]) * Float(sign: .plus, exponent: kind.unitExponent, significand: 1)
        return v * Float(groupScales[g * n + c]) * channelScales[g * n + c]
    }
}
