import NumberFormats

/// The floating-point MAC units: exact products accumulated in FP32.
///
/// - `fp16`: FP16×FP16 MAC with FP32 accumulation (the FP16 baseline).
/// - `dequantFP16`: W4A16 as GPUs do it: uint4 weights with zero point and FP16 scale are
///   dequantized to FP16 (`RN_fp16(s·(q − z))`), then an FP16 MAC.
/// - `hif8`: HiF8×HiF8 MAC (ArithmeticUnits/README.md, "Floating-point MACs"): per-tensor scales, exact products, FP32
///   accumulation, optional TA re-encoding of the outputs to HiF8.
///
/// ```swift
/// let unit = FloatMAC(kind: .hif8, outputFormat: .hif8)
/// let r = unit.gemm(try unit.quantize(activations: a, weights: b), order: .sequential)
/// ```
public struct FloatMAC: FP32AccumulatingUnit {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case fp16
        case dequantFP16 = "dequant-fp16"
        case hif8
    }

    public let kind: Kind
    /// HiF8 operands share one scale per tensor (`ActivationQuantizer.hif8` on the whole of A and of B).
    public var quantizesPanelsLocally: Bool { kind != .hif8 }
    public let groupSize: Int
    public let outputFormat: ElementFormat

    public init(kind: Kind, groupSize: Int = 128, outputFormat: ElementFormat = .fp32) {
        self.kind = kind
        self.groupSize = max(groupSize, 1)
        self.outputFormat = outputFormat
    }

    public var name: String {
        switch kind {
        case .fp16: return "fp16-mac"
        case .dequantFP16: return "w4a16-dequant-fp16"
        case .hif8: return "hif8-mac"
        }
    }
    public var timing: UnitTiming { UnitTiming(latency: 1, initiationInterval: 1, macsPerOperation: 1) }

    public func quantize(activations a: Matrix, weights b: Matrix) throws(QuantizationError) -> FloatMACOperands {
        try b.requireFinite()
        let (m, k, n) = (a.rows, b.rows, b.cols)
        var acts: [Float], wKN: [Float]
        var rowScales: [Float] = [], columnScales: [Float] = []
        switch kind {
        case .fp16, .dequantFP16:
            let qa = try ActivationQuantizer.fp16(a.storage, m: m, k: a.cols)
            acts = qa.codes.map { Float(ElementFormat.fp16.decode(UInt32($0))) }
            if kind == .fp16 {
                let qw = try ActivationQuantizer.fp16(b.storage, m: k, k: n)
                wKN = qw.codes.map { Float(ElementFormat.fp16.decode(UInt32($0))) }
            } else {
                let w = try WeightQuantizer.asymmetric(b.storage, k: k, n: n, bits: 4, groupSize: groupSize)
                wKN = (0..<(k * n)).map { i in
                    let (r, c) = (i / n, i % n)
                    let g = r / w.groupSize
                    let centered = Double(Int(w.codes[i]) - Int(w.zeroPoints[g * n + c]))
                    return Float(ElementFormat.fp16.decode(FormatArithmetic.mul(w.scales[g * n + c], centered, to: .fp16,
                                                                                 rule: .nearestEven, overflow: .infinity)))
                }
            }
        case .hif8:
            let qa = try ActivationQuantizer.hif8(a.storage, m: m, k: a.cols)
            let qw = try ActivationQuantizer.hif8(b.storage, m: k, k: n)
            acts = qa.codes.map { Float(ElementFormat.hif8.decode(UInt32($0))) }
            wKN = qw.codes.map { Float(ElementFormat.hif8.decode(UInt32($0))) }
            rowScales = [Float](repeating: Float(qa.scale(row: 0)), count: m)
            columnScales = [Float](repeating: Float(qw.scale(row: 0)), count: n)
        }
        var wNK = [Float](repeating: 0, count: k * n)
        for kk in 0..<k { for c in 0..<n { wNK[c * k + kk] = wKN[kk * n + c] } }
        return FloatMACOperands(m: m, k: k, n: n, activations: acts, weightsNK: wNK, rowScales: rowScales, columnScales: columnScales)
    }

    public func gemm(_ ops: FloatMACOperands, order: AccumulationOrder) -> UnitResult {
        let r = FloatMACKernels.gemm(ops, order: order, productBits: productBits, outputFormat: outputFormat)
        return UnitResult(rows: ops.m, cols: ops.n, outputFormat: outputFormat, bits: r.bits, actions: r.counts, timing: timing)
    }

    /// The operands are held as exact FP32 values already.
    public func fp32Operands(_ ops: FloatMACOperands) -> FloatMACOperands { ops }

    /// Finish a GEMM whose FP32 accumulators (row-major M×N) were computed elsewhere in
    /// `order`, e.g. by a register-level systolic array: scales, output format, action counts.
    public func finish(_ ops: FloatMACOperands, accumulators: [Float], order: AccumulationOrder) -> UnitResult {
        let r = FloatMACKernels.finish(ops, accumulators: accumulators, order: order, productBits: productBits,
                                       outputFormat: outputFormat)
        return UnitResult(rows: ops.m, cols: ops.n, outputFormat: outputFormat, bits: r.bits, actions: r.counts, timing: timing)
    }

    var productBits: Int { kind == .hif8 ? 8 : 16 }
}
