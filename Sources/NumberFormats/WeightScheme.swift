/// How the weights of a `GroupQuantizedWeights` were quantized, which fixes what a code means.
///
/// ```swift
/// WeightScheme.asymmetric(bits: 4).name   // "uint4-asym"
/// WeightScheme.block(.mxfp4).bits         // 4
/// ```
public enum WeightScheme: Sendable, Hashable {
    /// Unsigned `bits`-bit codes q with a per-group zero point z: w = (q − z) · scale.
    case asymmetric(bits: Int)
    /// Two's-complement `bits`-bit codes q ∈ [−qmax, qmax]: w = q · scale.
    case symmetric(bits: Int)
    /// Two's-complement 2-bit codes q ∈ {−1, 0, +1} (BitNet b1.58): w = q · scale.
    case ternary
    /// BitMoD lookup codes of the group's datatype (`datatypeFormats[datatype]`):
    /// w = value · q_scale · s_ch.
    case bitmod(bits: Int)
    /// Block-format elements along K (MXFP4, NVFP4, …): w = element · group scale.
    case block(BlockFormat)

    /// Bits per weight code.
    public var bits: Int {
        switch self {
        case .asymmetric(let b), .symmetric(let b), .bitmod(let b): return b
        case .ternary: return 2
        case .block(let f): return f.element.bits
        }
    }

    /// A short name: `uint4-asym`, `int8-sym`, `ternary`, `bitmod4`, `mxfp4`, …
    public var name: String {
        switch self {
        case .asymmetric(let b): return "uint\(b)-asym"
        case .symmetric(let b): return "int\(b)-sym"
        case .ternary: return "ternary"
        case .bitmod(let b): return "bitmod\(b)"
        case .block(let f): return f.name
        }
    }
}
