/// How `BlockFormat.quantize` rounds (NumberFormats/README.md, "MX block formats", "NVFP4").
///
/// ```swift
/// var o = BlockQuantizationOptions()            // RNE, saturating: the OCP / ml_dtypes default
/// o.rounding = .nearestAway                     // microxcaling's "nearest"
/// let m = BlockQuantizationOptions.microxcaling // the same, predefined
/// var nv = BlockQuantizationOptions(razerOrder: true) // NVFP4: elements before the scale
/// ```
public struct BlockQuantizationOptions: Sendable, Hashable {
    /// The rounding rule for elements. MX default RNE (NumberFormats/README.md, "MX block formats"); `.nearestAway` matches
    /// microxcaling. NVFP4 default order uses it too; `razerOrder` ignores it (midpoint
    /// rule, ties to the lower value). Stochastic rounding draws from `seed`.
    public var rounding: RoundingRule
    /// What happens to an element beyond the element format's range. Default `.saturate`
    /// (OCP MX `saturate_normals`, NVFP4 satfinite).
    public var overflow: OverflowPolicy
    /// Seed of the `SplitMix64` stream used by `.stochastic`: one `nextDraw()` per element,
    /// in element order, for every element of the vector.
    public var seed: UInt64
    /// NVFP4 only: round the elements against the unquantized scale amax_block/6 and quantize
    /// the block scale afterwards (RaZeR / BitMoD reference). Default false: scale first.
    public var razerOrder: Bool
    /// NVFP4 only: use this per-tensor FP32 scale instead of computing amax/(6·448). It is
    /// rounded to FP32 (RNE); a non-positive or non-finite value is ignored.
    public var tensorScale: Double?

    public init(rounding: RoundingRule = .nearestEven, overflow: OverflowPolicy = .saturate, seed: UInt64 = 0,
                razerOrder: Bool = false, tensorScale: Double? = nil) {
        self.rounding = rounding
        self.overflow = overflow
        self.seed = seed
        self.razerOrder = razerOrder
        self.tensorScale = tensorScale
    }

    /// The simulator default: RNE elements, saturating, scale first.
    public static let standard = BlockQuantizationOptions()
    /// microxcaling's defaults: round half away from zero, saturating.
    public static let microxcaling = BlockQuantizationOptions(rounding: .nearestAway)
}
