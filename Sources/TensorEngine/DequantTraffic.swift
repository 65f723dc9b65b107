/// The dequantization epilogue's memory accesses for a group-quantized GEMM. The unit
/// describes its epilogue as a `Scheme` (DesignModel's `UnitKind.dequantTraffic`); the
/// engine applies it.
///
/// With G = ⌈K / groupSize⌉ groups along K:
/// - `.perOutputGroup` (MixPE, LUT Tensor Core): the unit dequantizes after every group
///   GEMM, so per (m, n, g) it reads one scale, one zero point (if `zeroBits > 0`), one
///   activation sum Σ_{k∈g} a[k] (if `activationSumBits > 0`), and reads and writes the
///   running output accumulator once (if `accumulatorBits > 0`): M·N·G of each.
/// - `.perWeightGroupPerPass` (BitMoD): the in-PE dequantizer reads the 8-bit group scale
///   once per (n, g) every time the array passes over the weights, i.e. N·G·P with
///   P = rowFolds for os (once per row fold), 1 for ws (the stationary tile) and colFolds
///   for is. The scaled group result is accumulated in the PE, so no accumulator traffic.
///
/// Buffers: scale and zero-point reads hit the weight (B) buffer; activation sums and
/// the accumulator reads and writes hit the output (C) buffer. These accesses come on top
/// of the operand traffic (`OperandTraffic`), whose B width already carries the scales
/// once per pass as stored data; here they are counted as the epilogue's own reads.
/// Bytes are ⌈count·bits / 8⌉ per kind.
///
/// ```swift
/// // MixPE, M = 2, N = 3, K = 256, G = 128 → 2 groups, 12 (m, n, g) triples:
/// let mixpe = DequantTraffic.Scheme(groupSize: 128, scaleBits: 16, zeroBits: 4, activationSumBits: 32,
///                                   accumulatorBits: 32, granularity: .perOutputGroup)
/// let plan = try FoldPlan(GEMMDims(m: 2, k: 256, n: 3), on: ArrayConfig(rows: 4, cols: 4, dataflow: .os))
/// let d = DequantTraffic.compute(plan: plan, scheme: mixpe)
/// d.scaleReads        // 12; scaleBytes 24 (FP16)
/// d.zeroPointBytes    // 6 (12 · 4 bits)
/// d.accumulatorReads  // 12; accumulatorWrites 12
/// ```
public struct DequantTraffic: Equatable, Hashable, Sendable, Codable {
    /// How a unit dequantizes: group size, the widths it reads and how often.
    public struct Scheme: Equatable, Hashable, Sendable, Codable {
        /// How often the epilogue touches each group's parameters.
        public enum Granularity: String, Equatable, Hashable, Sendable, Codable {
            /// Per (m, n, g): dequantize after every group GEMM (MixPE, LUT TC).
            case perOutputGroup
            /// Per (n, g) per pass of the array over the weights (BitMoD).
            case perWeightGroupPerPass
        }

        public var groupSize: Int
        public var scaleBits: Int
        /// Zero-point bits; 0 when the format is symmetric.
        public var zeroBits: Int
        /// Activation-sum bits (for the z·Σa correction); 0 when not needed.
        public var activationSumBits: Int
        /// Accumulator bits read and written per dequant step; 0 when accumulation stays in the PE.
        public var accumulatorBits: Int
        public var granularity: Granularity

        public init(groupSize: Int, scaleBits: Int, zeroBits: Int, activationSumBits: Int,
                    accumulatorBits: Int, granularity: Granularity) {
            self.groupSize = groupSize
            self.scaleBits = scaleBits
            self.zeroBits = zeroBits
            self.activationSumBits = activationSumBits
            self.accumulatorBits = accumulatorBits
            self.granularity = granularity
        }

        /// Returns `self` if the group size is positive and no width is negative.
        public func validated() throws(TensorEngineError) -> Scheme {
            if groupSize <= 0 { throw .invalidMemory(name: "groupSize", value: groupSize) }
            for (name, value) in [("scaleBits", scaleBits), ("zeroBits", zeroBits),
                                  ("activationSumBits", activationSumBits),
                                  ("accumulatorBits", accumulatorBits)] where value < 0 {
                throw .invalidMemory(name: name, value: value)
            }
            return self
        }
    }

    public var scaleReads: Int
    public var zeroPointReads: Int
    public var activationSumReads: Int
    public var accumulatorReads: Int
    public var accumulatorWrites: Int
    public var scaleBytes: Int
    public var zeroPointBytes: Int
    public var activationSumBytes: Int
    public var accumulatorReadBytes: Int
    public var accumulatorWriteBytes: Int

    public init(scaleReads: Int = 0, zeroPointReads: Int = 0, activationSumReads: Int = 0,
                accumulatorReads: Int = 0, accumulatorWrites: Int = 0, scaleBytes: Int = 0,
                zeroPointBytes: Int = 0, activationSumBytes: Int = 0, accumulatorReadBytes: Int = 0,
                accumulatorWriteBytes: Int = 0) {
        self.scaleReads = scaleReads
        self.zeroPointReads = zeroPointReads
        self.activationSumReads = activationSumReads
        self.accumulatorReads = accumulatorReads
        self.accumulatorWrites = accumulatorWrites
        self.scaleBytes = scaleBytes
        self.zeroPointBytes = zeroPointBytes
        self.activationSumBytes = activationSumBytes
        self.accumulatorReadBytes = accumulatorReadBytes
        self.accumulatorWriteBytes = accumulatorWriteBytes
    }

    /// Bytes the epilogue reads from the weight buffer: scales and zero points.
    public var weightBufferBytes: Int { Saturating.add(scaleBytes, zeroPointBytes) }

    /// Bytes the epilogue moves through the output buffer: activation sums, accumulator reads and writes.
    public var outputBufferBytes: Int {
        Saturating.add(Saturating.add(activationSumBytes, accumulatorReadBytes), accumulatorWriteBytes)
    }

    /// All bytes read: scales, zero points, activation sums and accumulators.
    public var readBytes: Int {
        Saturating.add(Saturating.add(weightBufferBytes, activationSumBytes), accumulatorReadBytes)
    }

    /// All bytes written: the accumulator updates.
    public var writeBytes: Int { accumulatorWriteBytes }

    /// The epilogue's traffic for `plan`'s GEMM under `scheme` (O(1), saturating).
    /// `scheme` is assumed valid (`Scheme.validated()`).
    public static func compute(plan: FoldPlan, scheme: Scheme) -> DequantTraffic {
        typealias S = Saturating
        let dims = plan.dims
        let groups = S.ceilDiv(dims.k, scheme.groupSize)
        func bytes(_ count: Int, _ bits: Int) -> Int { S.ceilDiv(S.mul(count, bits), 8) }
        var t = DequantTraffic()
        switch scheme.granularity {
        case .perOutputGroup:
            let steps = S.mul(S.mul(dims.m, dims.n), groups)
            t.scaleReads = scheme.scaleBits > 0 ? steps : 0
            t.zeroPointReads = scheme.zeroBits > 0 ? steps : 0
            t.activationSumReads = scheme.activationSumBits > 0 ? steps : 0
            t.accumulatorReads = scheme.accumulatorBits > 0 ? steps : 0
            t.accumulatorWrites = t.accumulatorReads
        case .perWeightGroupPerPass:
            let passes: Int
            switch plan.array.dataflow {
            case .os: passes = plan.rowFolds
            case .ws: passes = 1
            case .is: passes = plan.colFolds
            }
            let steps = S.mul(S.mul(dims.n, groups), passes)
            t.scaleReads = scheme.scaleBits > 0 ? steps : 0
            t.zeroPointReads = scheme.zeroBits > 0 ? steps : 0
        }
        t.scaleBytes = bytes(t.scaleReads, scheme.scaleBits)
        t.zeroPointBytes = bytes(t.zeroPointReads, scheme.zeroBits)
        t.activationSumBytes = bytes(t.activationSumReads, scheme.activationSumBits)
        t.accumulatorReadBytes = bytes(t.accumulatorReads, scheme.accumulatorBits)
        t.accumulatorWriteBytes = bytes(t.accumulatorWrites, scheme.accumulatorBits)
        return t
    }
}
