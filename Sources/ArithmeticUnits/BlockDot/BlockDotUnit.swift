import NumberFormats
import QArchSupport

/// The FP4 dot-product unit: MXFP4×MXFP4 or NVFP4×NVFP4 (any block format) with the
/// default semantics of ArithmeticUnits/README.md, "Block dot unit": exact integer block sums, one RNE rounding to FP32 per
/// block, FP32 accumulation across blocks.
///
/// ```swift
/// let unit = BlockDotUnit(format: .mxfp4)
/// let r = unit.gemm(try unit.quantize(activations: a, weights: b), order: .sequential)
/// ```
public struct BlockDotUnit: ArithmeticUnit {
    public struct Operands: Sendable {
        public let k: Int
        public let rows: [BlockVector]
        public let columns: [BlockVector]
    }

    public let format: BlockFormat
    /// Elements multiplied per cycle (a quarter of an MX block: 8 lanes).
    public let lanes: Int
    public var name: String { "\(format.name)-dot" }
    public var timing: UnitTiming { UnitTiming(latency: 2, initiationInterval: 1, macsPerOperation: lanes) }
    public var outputFormat: ElementFormat { .fp32 }
    /// A two-level format (NVFP4) scales each operand by one FP32 tensor scale as well.
    public var quantizesPanelsLocally: Bool { format.scaling != .twoLevel }

    public init(format: BlockFormat, lanes: Int = 8) {
        self.format = format
        self.lanes = max(lanes, 1)
    }

    public func quantize(activations: Matrix, weights: Matrix) throws(QuantizationError) -> Operands {
        try weights.requireFinite()
        // Activations and weights are quantized independently, at the same time.
        let (rowResult, columnResult) = WorkQueue.pair({ [format] in
            Result { () throws(QuantizationError) in
                try ActivationQuantizer.block(activations.storage, m: activations.rows, k: activations.cols, format: format)
                    .map(BlockVector.init)
            }
        }, { [format] in
            Result { () throws(QuantizationError) in
                let w = try WeightQuantizer.block(weights.storage, k: weights.rows, n: weights.cols, format: format)
                return (0..<w.n).compactMap { w.blockColumn($0) }.map(BlockVector.init)
            }
        })
        let rows = try rowResult.get()
        return Operands(k: activations.cols, rows: rows, columns: try columnResult.get())
    }

    /// Block sums are exact, so `order` does not change the bits; blocks are always summed
    /// left to right (the default of ArithmeticUnits/README.md, "Block dot unit").
    public func gemm(_ operands: Operands, order: AccumulationOrder) -> UnitResult {
        let unit = BlockVector.unitExponent(format)
        let bits = BlockDotKernel.gemm(rows: operands.rows, columns: operands.columns, k: operands.k, unitExponent: unit)
        let (m, n, k) = (operands.rows.count, operands.columns.count, operands.k)
        let blocks = (k + format.blockSize - 1) / format.blockSize
        var counts = ActionCounts()
        counts.record(Action(.intMul, bits: format.element.bits), m * n * k)
        counts.record(Action(.intAdd, bits: 16), m * n * k)
        counts.record(Action(.intAdd, bits: format.scaleFormat.bits), m * n * blocks)   // scale exponents
        counts.record(Action(.convert, bits: 32), m * n * blocks)
        counts.record(Action(.fpAdd, bits: 32), m * n * blocks)
        counts.record(Action(.regRead, bits: format.element.bits), 2 * m * n * k)
        return UnitResult(rows: m, cols: n, outputFormat: .fp32, bits: bits, actions: counts, timing: timing)
    }
}
