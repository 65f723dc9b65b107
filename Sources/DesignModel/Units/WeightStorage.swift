import TensorEngine

/// The average number of bits one weight occupies in DRAM and SRAM, metadata included,
/// held exactly in sixteenths of a bit (`unit.weight_storage_bits` of a `dequant-fp16`
/// unit).
///
/// It exists for baselines whose weight formats are not modelled numerically but whose
/// published storage cost is known, e.g. ANT's 5.5 and OliVe's 4.5 average bits per
/// weight (DesignModel/README.md, "Weight storage"): the weights travel at that width, the arithmetic stays
/// the unit's own.
///
/// ```swift
/// let s = WeightStorage(bits: 5.5)!   // 88 sixteenths
/// s.operandWidth                      // OperandWidth(bits: 88, per: 16)
/// WeightStorage(bits: 4.3)            // nil: not a multiple of 1/16
/// ```
public struct WeightStorage: Sendable, Equatable {
    /// Sixteenths of a bit per weight, 1…256.
    public let sixteenths: Int

    /// Largest allowed value in bits (an FP16 weight with no metadata).
    public static let maxBits = 16.0

    /// `bits` per weight if it is a positive multiple of 1/16 no larger than 16, else nil.
    public init?(bits: Double) {
        guard bits.isFinite, bits > 0, bits <= Self.maxBits else { return nil }
        let scaled = bits * 16   // exact: multiplying by a power of two
        guard scaled == scaled.rounded() else { return nil }
        sixteenths = Int(scaled)
    }

    /// The value in bits (exact in a Double).
    public var bits: Double { Double(sixteenths) / 16 }

    /// The storage width of the weights: `sixteenths` bits per 16 weights.
    public var operandWidth: OperandWidth { OperandWidth(bits: sixteenths, per: 16) }
}
