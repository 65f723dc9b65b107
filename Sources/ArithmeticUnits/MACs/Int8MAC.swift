import NumberFormats

/// The INT8×INT8→INT32 MAC baseline: per-token int8 activations, per-channel symmetric
/// int8 weights, an INT32 accumulator and an FP32 dequantization epilogue.
///
/// ```swift
/// let unit = Int8MAC()
/// let r = unit.gemm(try unit.quantize(activations: a, weights: b), order: .sequential)
/// ```
public struct Int8MAC: ArithmeticUnit {
    public struct Operands: Sendable {
        public let m: Int, k: Int, n: Int
        public let activations: [Int8]
        public let rowScales: [Float]
        public let weightsNK: [Int8]
        public let columnScales: [Float]
    }

    public let accumulator: IntegerAccumulator
    public init(accumulator: IntegerAccumulator = .int32) { self.accumulator = accumulator }

    public var name: String { "int8-mac" }
    public var timing: UnitTiming { UnitTiming(latency: 1, initiationInterval: 1, macsPerOperation: 1) }
    public var outputFormat: ElementFormat { .fp32 }

    public func quantize(activations a: Matrix, weights b: Matrix) throws(QuantizationError) -> Operands {
        let w = try WeightQuantizer.symmetric(b.storage, k: b.rows, n: b.cols, bits: 8, groupSize: max(b.rows, 1))
        let q = try ActivationQuantizer.perTokenInt8(a.storage, m: a.rows, k: a.cols)
        var wNK = [Int8](repeating: 0, count: w.k * w.n)
        for kk in 0..<w.k { for c in 0..<w.n { wNK[c * w.k + kk] = Int8(truncatingIfNeeded: w.codes[kk * w.n + c]) } }
        return Operands(m: a.rows, k: w.k, n: w.n, activations: q.codes.map { Int8(truncatingIfNeeded: $0) },
                        rowScales: (0..<q.m).map { Float(q.scale(row: $0)) }, weightsNK: wNK,
                        columnScales: w.scales.map { Float($0) })
    }

    public func gemm(_ ops: Operands, order: AccumulationOrder) -> UnitResult {
        let r = Int8MACKernel.gemm(m: ops.m, k: ops.k, n: ops.n, groupSize: max(ops.k, 1), activations: ops.activations,
                                   rowScales: ops.rowScales, weightsNK: ops.weightsNK,
                                   zeroPoints: [Int32](repeating: 0, count: ops.n), scales: ops.columnScales,
                                   order: order, accumulator: accumulator)
        return UnitResult(rows: ops.m, cols: ops.n, outputFormat: .fp32, bits: r.bits, actions: r.counts, timing: timing)
    }
}
