/// How many narrow products one precision-scalable PE computes per cycle: `activation`
/// lanes of different rows m and `weight` lanes of different columns n, every lane a full
/// product of one activation and one weight (BitFusion's fused bit-bricks; the MixPE
/// artifact's (8,4) PE runs two 4-bit weights against one 8-bit activation per cycle).
///
/// The engine runs a packed GEMM as the GEMM of its packs: M′ = ⌈M/activation⌉ rows of
/// packed activations and N′ = ⌈N/weight⌉ columns of packed weights, each pack a single
/// element of activation (or weight) times the narrow width, each output pack
/// activation·weight outputs. K is never packed, so every output still accumulates its
/// products in the order its dataflow implies and the values are those of the unpacked
/// array; only cycles, folds and traffic change. A partial pack (M or N not a multiple of
/// its lanes) occupies a whole pack's lanes and bus width.
///
/// ```swift
/// let lanes = PELanes(activation: 1, weight: 2)
/// lanes.packed(GEMMDims(m: 64, k: 4096, n: 11008))   // GEMMDims(m: 64, k: 4096, n: 5504)
/// lanes.products                                       // 2 per PE-cycle
/// ```
public struct PELanes: Equatable, Hashable, Sendable, Codable {
    /// Products of different activation rows (m) per PE-cycle.
    public var activation: Int
    /// Products of different weight columns (n) per PE-cycle.
    public var weight: Int

    /// One product per PE-cycle: a plain PE.
    public static let single = PELanes(activation: 1, weight: 1)

    public init(activation: Int, weight: Int) {
        self.activation = activation
        self.weight = weight
    }

    /// The lanes a PE built for `peBits` operands has for narrower `bits` operands, with
    /// lanes no narrower than `minBits`: ⌊peBits / max(bits, minBits)⌋, at least 1.
    ///
    /// ```swift
    /// PELanes.count(peBits: 8, bits: 4, minBits: 4)    // 2: the (8,4) PE on 4-bit weights
    /// PELanes.count(peBits: 16, bits: 4, minBits: 8)   // 2: the (16,8) PE on 4-bit weights
    /// PELanes.count(peBits: 8, bits: 8, minBits: 4)    // 1
    /// ```
    public static func count(peBits: Int, bits: Int, minBits: Int) -> Int {
        let lane = max(bits, minBits, 1)
        return max(peBits / lane, 1)
    }

    /// Products per PE-cycle, activation·weight (lanes are at most 65536 each, so exact).
    public var products: Int { activation * weight }

    /// Whether the PE computes more than one product per cycle.
    public var isPacked: Bool { activation > 1 || weight > 1 }

    /// The GEMM of the packs: ⌈M/activation⌉ × K × ⌈N/weight⌉.
    public func packed(_ dims: GEMMDims) -> GEMMDims {
        GEMMDims(m: Checked.ceilDiv(dims.m, max(activation, 1)), k: dims.k, n: Checked.ceilDiv(dims.n, max(weight, 1)))
    }

    /// Returns `self` if both lane counts are positive, otherwise the first bad one.
    public func validated() throws(TensorEngineError) -> PELanes {
        for (name, value) in [("activation lanes", activation), ("weight lanes", weight)] where value <= 0 {
            throw .invalidArray(name: name, value: value)
        }
        return self
    }
}
