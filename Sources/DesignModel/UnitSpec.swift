import ArithmeticUnits
import NumberFormats

/// `unit`: which arithmetic unit each PE is, with its parameters. `unit.kind` selects
/// the case; the other fields of `unit` depend on the kind (see `UnitKind.fields`).
///
/// | kind | fields (defaults) |
/// |---|---|
/// | `mixpe` | `mode` (w4a8, w4a16), `group_size` (128), `accumulator` ({bits: 32, overflow: wrap}) |
/// | `lut-tc` | `weights` (uint1…uint4, ternary), `activations` (fp16), `accumulation` (fp16), `group_size`, `accumulator` |
/// | `bitmod` | `bits` (3, 4), `mode` (functional), `group_size` |
/// | `int8-mac` | `accumulator` |
/// | `fp16-mac` | `output_format` (fp32) |
/// | `dequant-fp16` | `group_size`, `output_format`, `weight_storage_bits` (4 + 20/`group_size`) |
/// | `hif8-mac` | `output_format` |
/// | `block-dot` | `format` (a block format: mxfp4, nvfp4, …), `lanes` (8) |
///
/// `weight_storage_bits` is the average number of bits one weight occupies in DRAM and
/// SRAM, metadata included (a positive multiple of 1/16, at most 16). It sets the B
/// operand's storage width exactly and nothing else: the numerics stay uint4 per-group
/// dequantized to FP16. Baselines whose own weight formats are not modelled numerically
/// (ANT 5.5 bits, OliVe 4.5 bits per weight) use it to move their published traffic.
///
/// ```swift
/// let spec = UnitSpec.mixpe(mode: .w4a8, groupSize: 128, accumulator: .int32)
/// spec.kind          // .mixpe
/// spec.cyclesPerStep // 1
/// ```
public enum UnitSpec: Sendable, Equatable {
    case mixpe(mode: MixPE.Mode, groupSize: Int, accumulator: IntegerAccumulator)
    case lutTensorCore(weights: LUTTensorCore.WeightKind, activations: LUTTensorCore.ActivationKind,
                       accumulation: LUTAccumulation, groupSize: Int, accumulator: IntegerAccumulator)
    case bitmod(bits: Int, mode: BitMoDMode, groupSize: Int)
    case int8MAC(accumulator: IntegerAccumulator)
    /// `fp16-mac`, `dequant-fp16` and `hif8-mac`; `weightStorage` only for `dequant-fp16`
    /// (nil: uint4 + FP16 scale + 4-bit zero point per group).
    case floatMAC(kind: FloatMAC.Kind, groupSize: Int, outputFormat: ElementFormat, weightStorage: WeightStorage? = nil)
    case blockDot(format: BlockFormat, lanes: Int)

    /// The `unit.kind` name of this spec.
    public var kind: UnitKind {
        switch self {
        case .mixpe: return .mixpe
        case .lutTensorCore: return .lutTC
        case .bitmod: return .bitmod
        case .int8MAC: return .int8MAC
        case .floatMAC(let kind, _, _, _):
            switch kind {
            case .fp16: return .fp16MAC
            case .dequantFP16: return .dequantFP16
            case .hif8: return .hif8MAC
            }
        case .blockDot: return .blockDot
        }
    }

    /// Cycles one MAC step occupies a PE: ⌈bits/2⌉ for BitMoD (2 weight bits per cycle),
    /// B bit-planes for the LUT Tensor Core (2 for ternary), 1 otherwise.
    public var cyclesPerStep: Int {
        switch self {
        case .bitmod(let bits, _, _): return (bits + 1) / 2
        case .lutTensorCore(let weights, _, _, _, _):
            if case .uint(let b) = weights { return b }
            return 2
        default: return 1
        }
    }
}

/// The `unit.kind` names.
public enum UnitKind: String, Sendable, CaseIterable {
    case mixpe
    case lutTC = "lut-tc"
    case bitmod
    case int8MAC = "int8-mac"
    case fp16MAC = "fp16-mac"
    case dequantFP16 = "dequant-fp16"
    case hif8MAC = "hif8-mac"
    case blockDot = "block-dot"

    /// The keys a `unit` object of this kind may have (besides `kind`).
    public var fields: [String] {
        switch self {
        case .mixpe: return ["mode", "group_size", "accumulator"]
        case .lutTC: return ["weights", "activations", "accumulation", "group_size", "accumulator"]
        case .bitmod: return ["bits", "mode", "group_size"]
        case .int8MAC: return ["accumulator"]
        case .fp16MAC, .hif8MAC: return ["output_format"]
        case .dequantFP16: return ["group_size", "output_format", "weight_storage_bits"]
        case .blockDot: return ["format", "lanes"]
        }
    }
}
