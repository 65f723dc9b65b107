import TensorEngine

/// `array.packing`: a precision-scalable PE, as BitFusion's fused bit-bricks and the MixPE
/// artifact's (8,4) and (16,8) PEs: a multiplier built for `activation_bits` ×
/// `weight_bits` operands that splits into lanes no narrower than `min_lane_bits`, each
/// lane a full product of one narrower activation and weight.
///
/// For a unit with a-bit activations and w-bit weights (`UnitKind.packableOperandBits`) a
/// PE computes ⌊activation_bits / max(a, min_lane_bits)⌋ · ⌊weight_bits / max(w, min_lane_bits)⌋
/// products per cycle (`PELanes`): activation lanes take different rows m, weight lanes
/// different columns n. Values are computed lane by lane exactly as without packing; the
/// engine runs the GEMM of the packs (`PELanes.packed`), so cycles and traffic are the
/// packed datapath's, and the cost model prices the lanes' extra steering logic.
///
/// ```swift
/// // The MixPE artifact's (8,4) PE running MixPE-W4A8 (8-bit activations, 4-bit weights):
/// let p = PEPacking(activationBits: 8, weightBits: 8, minLaneBits: 4)
/// p.lanes(activationBits: 8, weightBits: 4)    // PELanes(activation: 1, weight: 2)
/// // The (16,8) PE running MixPE-W4A16: weights no narrower than 8 bits per lane.
/// PEPacking(activationBits: 16, weightBits: 16, minLaneBits: 8).lanes(activationBits: 16, weightBits: 4)
/// // PELanes(activation: 1, weight: 2)
/// ```
public struct PEPacking: Sendable, Equatable {
    /// `activation_bits`: the widest activation the PE multiplies, 1…64.
    public var activationBits: Int
    /// `weight_bits`: the widest weight the PE multiplies, 1…64.
    public var weightBits: Int
    /// `min_lane_bits`: the narrowest lane the multiplier splits into, 1…64 (default 1).
    public var minLaneBits: Int

    /// The range of each width field.
    public static let bitsRange = 1...64

    public init(activationBits: Int, weightBits: Int, minLaneBits: Int = 1) {
        self.activationBits = activationBits
        self.weightBits = weightBits
        self.minLaneBits = minLaneBits
    }

    /// The lanes for a unit of `activationBits`-bit activations and `weightBits`-bit weights.
    public func lanes(activationBits a: Int, weightBits w: Int) -> PELanes {
        PELanes(activation: PELanes.count(peBits: activationBits, bits: a, minBits: minLaneBits),
                weight: PELanes.count(peBits: weightBits, bits: w, minBits: minLaneBits))
    }
}
