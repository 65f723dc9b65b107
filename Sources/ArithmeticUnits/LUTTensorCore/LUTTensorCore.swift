import NumberFormats

/// The LUT Tensor Core (ISCA 2025): per group of 4 activations a symmetrized 8-entry table,
/// bit-serial weight bit-planes, FP16 (DesignWare) or FP32 accumulation, FP32 epilogue.
///
/// ```swift
/// let unit = LUTTensorCore(weights: .uint(bits: 2), activations: .fp16)
/// let r = unit.gemm(try unit.quantize(activations: a, weights: b), order: .sequential)
/// ```
public struct LUTTensorCore: ArithmeticUnit {
    /// How weights are quantized.
    public enum WeightKind: Sendable, Equatable {
        /// Unsigned B-bit codes with per-group zero point (B = 1…4).
        case uint(bits: Int)
        /// BitNet b1.58 ternary, stored as 2-bit codes t + 1 with zero point 1.
        case ternary
        var bits: Int { if case .uint(let b) = self { return b } else { return 2 } }
    }

    public enum ActivationKind: String, Sendable, Codable { case fp16, int8 }

    public let weights: WeightKind
    public let activations: ActivationKind
    public let accumulation: LUTAccumulation
    public let groupSize: Int
    public let integerAccumulator: IntegerAccumulator

    public init(weights: WeightKind, activations: ActivationKind = .fp16, accumulation: LUTAccumulation = .fp16,
                groupSize: Int = 128, integerAccumulator: IntegerAccumulator = .int32) {
        self.weights = weights
        self.activations = activations
        self.accumulation = accumulation
        self.groupSize = max(groupSize, 1)
        self.integerAccumulator = integerAccumulator
    }

    public var name: String {
        let w: String
        switch weights { case .uint(let b): w = "w\(b)"; case .ternary: w = "ternary" }
        return "lut-tc-\(w)a\(activations == .fp16 ? 16 : 8)"
    }
    /// One bit-plane per cycle over K_g = 4 activations; a pipeline register adds a cycle.
    public var timing: UnitTiming {
        UnitTiming(latency: weights.bits + 1, initiationInterval: weights.bits, macsPerOperation: LUTTensorCoreKernel.lutGroup)
    }
    public var outputFormat: ElementFormat { .fp32 }

    public func quantize(activations a: Matrix, weights b: Matrix) throws(QuantizationError) -> LUTTensorCoreOperands {
        let codes: [UInt8], zeros: [Int32], scales: [Float], g: Int
        switch weights {
        case .uint(let bits):
            let w = try WeightQuantizer.asymmetric(b.storage, k: b.rows, n: b.cols, bits: bits, groupSize: groupSize)
            (codes, zeros, scales, g) = (w.codes, w.zeroPoints.map(Int32.init), w.scales.map { Float($0) }, w.groupSize)
        case .ternary:
            let w = try WeightQuantizer.ternary(b.storage, k: b.rows, n: b.cols, groupSize: groupSize)
            let int2 = ElementFormat.int(2)
            codes = w.codes.map { UInt8(Int(int2.decode(UInt32($0))) + 1) }
            (zeros, scales, g) = ([Int32](repeating: 1, count: w.scales.count), w.scales.map { Float($0) }, w.groupSize)
        }
        let acts: LUTTensorCoreOperands.Activations
        switch activations {
        case .fp16:
            let q = try ActivationQuantizer.fp16(a.storage, m: a.rows, k: a.cols)
            acts = .fp16(q.codes.map { Float(q.format.decode(UInt32($0))) })
        case .int8:
            let q = try ActivationQuantizer.perTokenInt8(a.storage, m: a.rows, k: a.cols)
            acts = .int8(codes: q.codes.map { Int8(truncatingIfNeeded: $0) }, rowScales: (0..<q.m).map { Float(q.scale(row: $0)) })
        }
        return LUTTensorCoreOperands(m: a.rows, k: b.rows, n: b.cols, groupSize: g, weightBits: weights.bits,
                                     weightCodesKN: codes, zeroPoints: zeros, scales: scales, activations: acts)
    }

    /// The LUT datapath's accumulation order is fixed by its bit-planes and LUT groups.
    public func gemm(_ ops: LUTTensorCoreOperands, order: AccumulationOrder) -> UnitResult {
        let r = LUTTensorCoreKernel.gemm(ops, accumulation: accumulation, integerAccumulator: integerAccumulator)
        return UnitResult(rows: ops.m, cols: ops.n, outputFormat: .fp32, bits: r.bits, actions: r.counts, timing: timing)
    }
}
