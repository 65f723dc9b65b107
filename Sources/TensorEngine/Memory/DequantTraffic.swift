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
/// let d = try DequantTraffic.compute(plan: plan, scheme: mixpe)
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

    public let scaleReads: Int
    public let zeroPointReads: Int
    public let activationSumReads: Int
    public let accumulatorReads: Int
    public let accumulatorWrites: Int
    public let scaleBytes: Int
    public let zeroPointBytes: Int
    public let activationSumBytes: Int
    public let accumulatorReadBytes: Int
    public let accumulatorWriteBytes: Int
    /// Bytes the epilogue reads from the weight buffer: scales and zero points.
    public let weightBufferBytes: Int
    /// Bytes the epilogue moves through the output buffer: activation sums, accumulator reads and writes.
    public let outputBufferBytes: Int
    /// All bytes read: scales, zero points, activation sums and accumulators.
    public let readBytes: Int
    /// All bytes written: the accumulator updates.
    public var writeBytes: Int { accumulatorWriteBytes }

    /// No epilogue traffic (a unit that is not group-quantized).
    public static let zero = DequantTraffic(counts: (0, 0, 0, 0, 0), bytes: (0, 0, 0, 0, 0), totals: (0, 0, 0))

    /// The counts and bytes of each kind with their totals; throws when a total exceeds 2^63 − 1.
    public init(scaleReads: Int = 0, zeroPointReads: Int = 0, activationSumReads: Int = 0,
                accumulatorReads: Int = 0, accumulatorWrites: Int = 0, scaleBytes: Int = 0,
                zeroPointBytes: Int = 0, activationSumBytes: Int = 0, accumulatorReadBytes: Int = 0,
                accumulatorWriteBytes: Int = 0) throws(TensorEngineError) {
        typealias C = Checked
        let weight = try C.add(scaleBytes, zeroPointBytes, "SRAM bytes")
        let output = try C.add(C.add(activationSumBytes, accumulatorReadBytes, "SRAM bytes"), accumulatorWriteBytes, "SRAM bytes")
        let read = try C.add(C.add(weight, activationSumBytes, "SRAM bytes"), accumulatorReadBytes, "SRAM bytes")
        self.init(counts: (scaleReads, zeroPointReads, activationSumReads, accumulatorReads, accumulatorWrites),
                  bytes: (scaleBytes, zeroPointBytes, activationSumBytes, accumulatorReadBytes, accumulatorWriteBytes),
                  totals: (weight, output, read))
    }

    private init(counts: (Int, Int, Int, Int, Int), bytes: (Int, Int, Int, Int, Int), totals: (Int, Int, Int)) {
        (scaleReads, zeroPointReads, activationSumReads, accumulatorReads, accumulatorWrites) = counts
        (scaleBytes, zeroPointBytes, activationSumBytes, accumulatorReadBytes, accumulatorWriteBytes) = bytes
        (weightBufferBytes, outputBufferBytes, readBytes) = totals
    }

    /// The epilogue's traffic for `plan`'s GEMM under `scheme` (O(1), exact; throws when a
    /// byte count exceeds 2^63 − 1). `scheme` is assumed valid (`Scheme.validated()`).
    public static func compute(plan: FoldPlan, scheme: Scheme) throws(TensorEngineError) -> DequantTraffic {
        let dims = plan.dims
        let groups = Checked.ceilDiv(dims.k, scheme.groupSize)
        func bytes(_ count: Int, _ bits: Int) throws(TensorEngineError) -> Int { try Checked.mulDivCeil(count, bits, 8, "SRAM bytes") }
        // Every step count is at most M·K·N ≤ 2^62: groups ≤ K, passes ≤ M·K or K·N extents.
        let scales: Int, zeros: Int, sums: Int, accumulators: Int
        switch scheme.granularity {
        case .perOutputGroup:
            let steps = dims.m * dims.n * groups
            scales = scheme.scaleBits > 0 ? steps : 0
            zeros = scheme.zeroBits > 0 ? steps : 0
            sums = scheme.activationSumBits > 0 ? steps : 0
            accumulators = scheme.accumulatorBits > 0 ? steps : 0
        case .perWeightGroupPerPass:
            let passes: Int
            switch plan.array.dataflow {
            case .os: passes = plan.rowFolds
            case .ws: passes = 1
            case .is: passes = plan.colFolds
            }
            let steps = dims.n * groups * passes
            scales = scheme.scaleBits > 0 ? steps : 0
            zeros = scheme.zeroBits > 0 ? steps : 0
            sums = 0
            accumulators = 0
        }
        return try DequantTraffic(scaleReads: scales, zeroPointReads: zeros, activationSumReads: sums,
                                  accumulatorReads: accumulators, accumulatorWrites: accumulators,
                                  scaleBytes: bytes(scales, scheme.scaleBits), zeroPointBytes: bytes(zeros, scheme.zeroBits),
                                  activationSumBytes: bytes(sums, scheme.activationSumBits),
                                  accumulatorReadBytes: bytes(accumulators, scheme.accumulatorBits),
                                  accumulatorWriteBytes: bytes(accumulators, scheme.accumulatorBits))
    }
}
