import NumberFormats

/// The INT4×INT8 MAC baseline: symmetric int4 weights (codes −7…7, `WeightQuantizer.symmetric`)
/// with an FP16 scale per group of `groupSize` along K, per-token int8 activations, exact
/// integer products summed per group in an integer accumulator of explicit width and
/// overflow (wrap or saturate), then the grouped FP32 epilogue of `GroupedIntegerKernel`:
/// `y ← y + s_g·float(acc_g)` group by group (each step rounded to nearest-even), `y ← s_a·y`.
/// A group as large as K is a per-channel scale.
///
/// Actions per MAC: one 4×8-bit product (priced as an 8-bit multiplier: the cost tables
/// publish square multipliers only), one accumulator add and write, an 8-bit and a 4-bit
/// register read; per (row, column, group) a conversion to FP32, an FP32 multiply and add;
/// per output the row-scale multiply. Symmetric weights have no zero point, so there are no
/// activation sums.
///
/// ```swift
/// let unit = Int4MAC(groupSize: 128, accumulator: IntegerAccumulator(bits: 16, overflow: .saturate))
/// let r = unit.gemm(try unit.quantize(activations: a, weights: b), order: .sequential)
/// r.actions[Action(.intMul, bits: 8)]   // M·N·K
/// ```
public struct Int4MAC: ArithmeticUnit {
    /// int8 activation codes (M×K) with their row scales; int4 weight codes sign-extended,
    /// transposed (N×K); one FP16 scale per (group, column), group-major.
    public struct Operands: Sendable {
        public let m: Int, k: Int, n: Int, groupSize: Int
        public let activations: [Int8]
        public let rowScales: [Float]
        public let weightsNK: [Int8]
        public let groupScales: [Float]
    }

    public let groupSize: Int
    public let accumulator: IntegerAccumulator

    public init(groupSize: Int = 128, accumulator: IntegerAccumulator = .int32) {
        self.groupSize = max(groupSize, 1)
        self.accumulator = accumulator
    }

    public var name: String { "int4-mac" }
    public var timing: UnitTiming { UnitTiming(latency: 1, initiationInterval: 1, macsPerOperation: 1) }
    public var outputFormat: ElementFormat { .fp32 }

    public func quantize(activations a: Matrix, weights b: Matrix) throws(QuantizationError) -> Operands {
        let w = try WeightQuantizer.symmetric(b.storage, k: b.rows, n: b.cols, bits: 4, groupSize: groupSize)
        let q = try ActivationQuantizer.perTokenInt8(a.storage, m: a.rows, k: a.cols)
        // A 4-bit two's-complement code moved to the top nibble and shifted back sign-extends.
        let weightsNK = (0..<(w.k * w.n)).map { i in Int8(bitPattern: w.codes[(i % w.k) * w.n + i / w.k] << 4) >> 4 }
        return Operands(m: a.rows, k: w.k, n: w.n, groupSize: groupSize,
                        activations: q.codes.map { Int8(truncatingIfNeeded: $0) },
                        rowScales: (0..<q.m).map { Float(q.scale(row: $0)) }, weightsNK: weightsNK,
                        groupScales: w.scales.map { Float($0) })
    }

    public func gemm(_ ops: Operands, order: AccumulationOrder) -> UnitResult {
        let groups = (ops.k + ops.groupSize - 1) / ops.groupSize
        let bits = GroupedIntegerKernel.gemm(m: ops.m, k: ops.k, n: ops.n, groupSize: ops.groupSize, activations: ops.activations,
                                             rowScales: ops.rowScales, weightsNK: ops.weightsNK,
                                             zeroPoints: [Int32](repeating: 0, count: groups * ops.n), scales: ops.groupScales,
                                             order: order, accumulator: accumulator)
        let macs = ops.m * ops.n * ops.k, steps = ops.m * ops.n * groups
        var counts = ActionCounts()
        counts.record(Action(.intMul, bits: 8), macs)
        counts.record(Action(.intAdd, bits: accumulator.bits), macs)
        counts.record(Action(.regRead, bits: 8), macs)
        counts.record(Action(.regRead, bits: 4), macs)
        counts.record(Action(.regWrite, bits: accumulator.bits), macs)
        counts.record(Action(.convert, bits: 32), steps)
        counts.record(Action(.fpMul, bits: 32), steps + ops.m * ops.n)
        counts.record(Action(.fpAdd, bits: 32), steps)
        return UnitResult(rows: ops.m, cols: ops.n, outputFormat: .fp32, bits: bits, actions: counts, timing: timing)
    }
}
