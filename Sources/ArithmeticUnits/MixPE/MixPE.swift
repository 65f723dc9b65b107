import NumberFormats
import QArchSupport

/// The MixPE processing element (arXiv 2411.16158): uint4 weights with per-group zero
/// point and FP16 scale, shift-and-add products, dequantization after each group.
///
/// ```swift
/// let unit = MixPE(mode: .w4a8, groupSize: 128)
/// let r = unit.gemm(try unit.quantize(activations: a, weights: b), order: .sequential)
/// r.actions[Action(.shift, bits: 8)]
/// ```
public struct MixPE: ArithmeticUnit {
    public enum Mode: String, Sendable, Codable, CaseIterable {
        /// INT4 weights × per-token INT8 activations.
        case w4a8
        /// INT4 weights × FP16 activations.
        case w4a16
    }

    public let mode: Mode
    public let groupSize: Int
    /// The W4A8 group accumulator (INT32 wrap by default, ArithmeticUnits/README.md, "MixPE").
    public let accumulator: IntegerAccumulator

    public init(mode: Mode, groupSize: Int = 128, accumulator: IntegerAccumulator = .int32) {
        self.mode = mode
        self.groupSize = max(groupSize, 1)
        self.accumulator = accumulator
    }

    public var name: String { "mixpe-\(mode.rawValue)" }
    public var timing: UnitTiming { UnitTiming(latency: 1, initiationInterval: 1, macsPerOperation: 1) }
    public var outputFormat: ElementFormat { .fp32 }

    public func quantize(activations: Matrix, weights: Matrix) throws(QuantizationError) -> MixPEOperands {
        // Weights and activations are quantized independently, at the same time.
        let (weightResult, activationResult) = WorkQueue.pair({ [groupSize] in
            Result { () throws(QuantizationError) in
                try WeightQuantizer.asymmetric(weights.storage, k: weights.rows, n: weights.cols, bits: 4, groupSize: groupSize)
            }
        }, { [mode] in
            Result { () throws(QuantizationError) -> MixPEOperands.Activations in
                switch mode {
                case .w4a8:
                    let q = try ActivationQuantizer.perTokenInt8(activations.storage, m: activations.rows, k: activations.cols)
                    return .int8(codes: q.codes.map { Int8(truncatingIfNeeded: $0) }, rowScales: (0..<q.m).map { Float(q.scale(row: $0)) })
                case .w4a16:
                    let q = try ActivationQuantizer.fp16(activations.storage, m: activations.rows, k: activations.cols)
                    return .fp16((0..<(q.m * q.k)).map { Float(q.format.decode(UInt32(q.codes[$0]))) })
                }
            }
        })
        // The weights' error first, as when they were quantized first.
        let w = try weightResult.get()
        let acts = try activationResult.get()
        return MixPEOperands(m: activations.rows, k: w.k, n: w.n, groupSize: groupSize, weightCodesKN: w.codes,
                             zeroPoints: w.zeroPoints.map(Int32.init), scales: w.scales.map { Float($0) }, activations: acts)
    }

    public func gemm(_ ops: MixPEOperands, order: AccumulationOrder) -> UnitResult {
        let r: (bits: [UInt32], counts: ActionCounts)
        switch ops.activations {
        case .int8(let codes, let rowScales):
            r = MixPEKernel.w4a8(ops, codes: codes, rowScales: rowScales, order: order, accumulator: accumulator)
        case .fp16(let values):
            r = MixPEKernel.w4a16(ops, values: values, order: order)
        }
        return UnitResult(rows: ops.m, cols: ops.n, outputFormat: .fp32, bits: r.bits, actions: r.counts, timing: timing)
    }
}
