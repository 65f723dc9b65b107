import NumberFormats

/// The BitMoD processing element (HPCA 2025): a 4-lane bit-serial dot product of FP16
/// activations and mixed-datatype 4- or 3-bit weights, with a two-level integer/FP16 scale.
///
/// ```swift
/// let unit = BitMoDPE(bits: 4, mode: .rtl)
/// let r = unit.gemm(try unit.quantize(activations: a, weights: b), order: .sequential)
/// ```
public struct BitMoDPE: ArithmeticUnit {
    public let bits: Int
    public let mode: BitMoDMode
    public let groupSize: Int

    public init(bits: Int = 4, mode: BitMoDMode = .functional, groupSize: Int = 128) {
        self.bits = bits == 3 ? 3 : 4
        self.mode = mode
        self.groupSize = max(groupSize, 1)
    }

    public var name: String { "bitmod-w\(bits)" + (mode == .rtl ? "-rtl" : "") }
    /// ceil(bits/2) cycles per 4-element dot product (2 weight bits per cycle).
    public var timing: UnitTiming {
        let c = (bits + 1) / 2
        return UnitTiming(latency: c, initiationInterval: c, macsPerOperation: BitMoDKernel.lanes)
    }
    public var outputFormat: ElementFormat { .fp32 }
    /// Cycles to dequantize one group (one scale bit per cycle), overlappable with the next group.
    public var dequantCycles: Int { 8 }

    public func quantize(activations a: Matrix, weights b: Matrix) throws(QuantizationError) -> BitMoDOperands {
        let w = try BitMoDQuantizer.quantize(b.storage, k: b.rows, n: b.cols, bits: bits, groupSize: groupSize)
        let q = try ActivationQuantizer.fp16(a.storage, m: a.rows, k: a.cols)
        let unitScale: Double = bits == 4 ? 2 : 1          // FP4 values in ×2 units
        let values = (0..<(w.k * w.n)).map { i in Int16(w.elementValue(row: i / w.n, column: i % w.n) * unitScale) }
        let d = w.datatypeFormats.count
        let channel = (0..<(w.groupCount * w.n)).map { i in Float(w.channelScales[(i % w.n) * d + Int(w.datatypes[i])]) }
        return BitMoDOperands(m: a.rows, k: w.k, n: w.n, groupSize: w.groupSize, kind: bits == 4 ? .fp4 : .fp3,
                              weightValuesKN: values, groupScales: w.scaleCodes.map { UInt8(truncatingIfNeeded: $0) },
                              channelScales: channel, activations: q.codes.map { Float(q.format.decode(UInt32($0))) })
    }

    public func gemm(_ ops: BitMoDOperands, order: AccumulationOrder) -> UnitResult {
        let r = BitMoDKernel.gemm(ops, mode: mode, order: order)
        return UnitResult(rows: ops.m, cols: ops.n, outputFormat: .fp32, bits: r.bits, actions: r.counts, timing: timing)
    }
}
