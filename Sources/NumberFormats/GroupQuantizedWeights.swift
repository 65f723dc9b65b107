/// Quantized GEMM weights B[K×N] in the form a hardware unit consumes: codes plus per-group
/// scale data, groups running along K (TensorEngine/README.md, "GEMM convention": C[M×N] = A[M×K] · B[K×N]).
///
/// Layout:
/// - `codes` is row-major [K×N]: the code of B[r, c] is `codes[r * n + c]`.
/// - Group g of column c covers rows g·groupSize ..< min((g+1)·groupSize, K) (the last group
///   may be partial). Per-group arrays are row-major [groupCount×N]: index `g * n + c`.
///
/// Dequantization is `elementValue(row:column:) · scale(group:column:)`, exactly in `Double`:
/// - asymmetric: elementValue = q − z, scale = the FP16 group scale;
/// - symmetric / ternary: elementValue = q (signed), scale = the FP16 group scale;
/// - BitMoD: elementValue = the datatype's listed value (real E2M1/FP3 units), scale =
///   s_ch · q_scale (`scaleCodes` holds q_scale, `channelScales` the FP16 s_ch);
/// - block formats: elementValue = element · 2^offset, scale = the block scale (MX: 2^(e−127);
///   NVFP4: s_block · s_tensor), NaN for a NaN scale code.
///
/// ```swift
/// let q = try WeightQuantizer.asymmetric(w, k: 256, n: 64, bits: 4, groupSize: 128)
/// q.groupCount                 // 2
/// q.code(row: 130, column: 5)  // uint4 code
/// q.zeroPoints[1 * 64 + 5]     // zero point of group 1, column 5
/// q.value(row: 130, column: 5) // (q − z) · scale
/// ```
public struct GroupQuantizedWeights: Sendable, Hashable {
    /// What the codes mean.
    public let scheme: WeightScheme
    /// Rows: the reduction dimension K.
    public let k: Int
    /// Columns: the output dimension N.
    public let n: Int
    /// Rows per group along K.
    public let groupSize: Int
    /// Codes, row-major [K×N].
    public let codes: [UInt8]
    /// Effective per-group scale, exact, [groupCount×N].
    public let scales: [Double]
    /// Stored per-group scale code, [groupCount×N]: the FP16 bits (asymmetric, symmetric,
    /// ternary), q_scale (BitMoD), E8M0 (MX) or E4M3 (NVFP4) code.
    public let scaleCodes: [UInt32]
    /// Per-group zero points [groupCount×N] (asymmetric only; empty otherwise).
    public let zeroPoints: [UInt8]
    /// Per-group datatype index into `datatypeFormats` [groupCount×N] (BitMoD only; empty otherwise).
    public let datatypes: [UInt8]
    /// The datatype candidates `datatypes` indexes (BitMoD only; empty otherwise).
    public let datatypeFormats: [ElementFormat]
    /// BitMoD per-output-channel FP16 scales s_ch, [N × datatypeFormats.count]: index
    /// `c * datatypeFormats.count + d` (empty otherwise).
    public let channelScales: [Double]
    /// NVFP4: the FP32 per-tensor scale (already folded into `scales`); 1 otherwise.
    public let tensorScale: Double

    public init(scheme: WeightScheme, k: Int, n: Int, groupSize: Int, codes: [UInt8], scales: [Double],
                scaleCodes: [UInt32], zeroPoints: [UInt8] = [], datatypes: [UInt8] = [],
                datatypeFormats: [ElementFormat] = [], channelScales: [Double] = [], tensorScale: Double = 1) {
        self.scheme = scheme
        self.k = k
        self.n = n
        self.groupSize = groupSize
        self.codes = codes
        self.scales = scales
        self.scaleCodes = scaleCodes
        self.zeroPoints = zeroPoints
        self.datatypes = datatypes
        self.datatypeFormats = datatypeFormats
        self.channelScales = channelScales
        self.tensorScale = tensorScale
    }

    /// The number of groups along K.
    public var groupCount: Int { groupSize <= 0 ? 0 : (k + groupSize - 1) / groupSize }

    /// The group holding row `row`.
    public func group(ofRow row: Int) -> Int { row / groupSize }

    /// The code of B[row, column].
    public func code(row: Int, column: Int) -> UInt8 { codes[row * n + column] }

    /// The effective scale of group `group` in `column`.
    public func scale(group: Int, column: Int) -> Double { scales[group * n + column] }

    /// The element format the codes of this group use.
    public func elementFormat(group: Int, column: Int) -> ElementFormat {
        switch scheme {
        case .asymmetric(let b): return .uint(b)
        case .symmetric(let b): return .int(b)
        case .ternary: return .int(2)
        case .bitmod: return datatypeFormats[Int(datatypes[group * n + column])]
        case .block(let f): return f.element
        }
    }

    /// The value the hardware multiplies before scaling: q − z, q, the lookup value, or the
    /// block element (with MXINT8's 2^-6).
    public func elementValue(row: Int, column: Int) -> Double {
        let g = group(ofRow: row)
        let c = UInt32(code(row: row, column: column))
        switch scheme {
        case .asymmetric: return Double(c) - Double(zeroPoints[g * n + column])
        case .symmetric(let b): return c >= (UInt32(1) << UInt32(b - 1)) ? Double(c) - Double(1 << b) : Double(c)
        case .ternary: return c == 0b11 ? -1 : Double(c)
        case .bitmod: return elementFormat(group: g, column: column).decode(c)
        case .block(let f): return f.element.decode(c) * pow2(f.elementExponentOffset)
        }
    }

    /// The dequantized weight B[row, column], exactly.
    public func value(row: Int, column: Int) -> Double {
        elementValue(row: row, column: column) * scale(group: group(ofRow: row), column: column)
    }

    /// All dequantized weights, row-major [K×N].
    public func dequantized() -> [Double] {
        var out = [Double](repeating: 0, count: k * n)
        for r in 0..<k { for c in 0..<n { out[r * n + c] = value(row: r, column: c) } }
        return out
    }

    /// For block schemes: column `column` as a block vector along K (for `BlockDot.dot`
    /// against an activation row); nil for other schemes.
    public func blockColumn(_ column: Int) -> QuantizedTensor? {
        guard case .block(let f) = scheme, column >= 0, column < n else { return nil }
        var blocks: [QuantizedBlock] = []
        for g in 0..<groupCount {
            let rows = (g * groupSize)..<min((g + 1) * groupSize, k)
            let cs = rows.map { codes[$0 * n + column] }
            let sc = scaleCodes[g * n + column]
            blocks.append(QuantizedBlock(scaleCode: sc, scale: f.scaleFormat.decode(sc), codes: cs,
                                         values: f.decodeBlock(scaleCode: sc, codes: cs, tensorScale: tensorScale)))
        }
        return QuantizedTensor(format: f, count: k, tensorScale: tensorScale, blocks: blocks)
    }

    public static func == (a: GroupQuantizedWeights, b: GroupQuantizedWeights) -> Bool {
        a.scheme == b.scheme && a.k == b.k && a.n == b.n && a.groupSize == b.groupSize && a.codes == b.codes
            && a.scales.map(\.bitPattern) == b.scales.map(\.bitPattern) && a.scaleCodes == b.scaleCodes
            && a.zeroPoints == b.zeroPoints && a.datatypes == b.datatypes && a.datatypeFormats == b.datatypeFormats
            && a.channelScales.map(\.bitPattern) == b.channelScales.map(\.bitPattern)
            && a.tensorScale.bitPattern == b.tensorScale.bitPattern
    }

    public func hash(into h: inout Hasher) {
        h.combine(scheme)
        h.combine(k)
        h.combine(n)
        h.combine(codes)
        h.combine(scaleCodes)
    }
}
