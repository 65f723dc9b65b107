import NumberFormats
import QArchSupport

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
        // Weights and activations are quantized independently, at the same time (as MixPE's).
        let (weightResult, activationResult) = WorkQueue.pair({
            Result { () throws(QuantizationError) -> (GroupQuantizedWeights, [Int8]) in
                let w = try WeightQuantizer.symmetric(b.storage, k: b.rows, n: b.cols, bits: 8, groupSize: max(b.rows, 1))
                return (w, Self.transposed(w.codes, k: w.k, n: w.n))
            }
        }, {
            Result { () throws(QuantizationError) -> QuantizedActivations in
                try ActivationQuantizer.perTokenInt8(a.storage, m: a.rows, k: a.cols)
            }
        })
        // The weights' error first, as when they were quantized first.
        let (w, wNK) = try weightResult.get()
        let q = try activationResult.get()
        return Operands(m: a.rows, k: w.k, n: w.n, activations: q.codes.map { Int8(truncatingIfNeeded: $0) },
                        rowScales: (0..<q.m).map { Float(q.scale(row: $0)) }, weightsNK: wNK,
                        columnScales: w.scales.map { Float($0) })
    }

    /// The K×N codes as N×K int8 (the column of each output contiguous), in 32×32 blocks so
    /// reads and writes both stay in cache: e.g. K = 2, N = 3, [1, 2, 3, 4, 5, 6] → [1, 4, 2, 5, 3, 6].
    static func transposed(_ codes: [UInt8], k: Int, n: Int) -> [Int8] {
        var out = [Int8](repeating: 0, count: k * n)
        let block = 32
        codes.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for k0 in stride(from: 0, to: k, by: block) {
                    for c0 in stride(from: 0, to: n, by: block) {
                        for kk in k0..<min(k0 + block, k) {
                            for c in c0..<min(c0 + block, n) { dst[c * k + kk] = Int8(bitPattern: src[kk * n + c]) }
                        }
                    }
                }
            }
        }
        return out
    }

    public func gemm(_ ops: Operands, order: AccumulationOrder) -> UnitResult {
        let r = Int8MACKernel.gemm(m: ops.m, k: ops.k, n: ops.n, groupSize: max(ops.k, 1), activations: ops.activations,
                                   rowScales: ops.rowScales, weightsNK: ops.weightsNK,
                                   zeroPoints: [Int32](repeating: 0, count: ops.n), scales: ops.columnScales,
                                   order: order, accumulator: accumulator)
        return UnitResult(rows: ops.m, cols: ops.n, outputFormat: .fp32, bits: r.bits, actions: r.counts, timing: timing)
    }
}
