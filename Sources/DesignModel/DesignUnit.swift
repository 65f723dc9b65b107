import ArithmeticUnits
import TensorEngine

/// The arithmetic unit a design builds, one case per unit type, so callers can either
/// switch over the concrete unit or use it as `any ArithmeticUnit`.
///
/// ```swift
/// let unit = design.makeUnit()
/// unit.name                    // "mixpe-w4a8"
/// if case .mixpe(let pe) = unit { pe.groupSize }   // 128
/// ```
public enum DesignUnit: Sendable {
    case mixpe(MixPE)
    case lutTensorCore(LUTTensorCore)
    case bitmod(BitMoDPE)
    case int8MAC(Int8MAC)
    case floatMAC(FloatMAC)
    case blockDot(BlockDotUnit)

    /// The unit as an existential.
    public var unit: any ArithmeticUnit {
        switch self {
        case .mixpe(let u): return u
        case .lutTensorCore(let u): return u
        case .bitmod(let u): return u
        case .int8MAC(let u): return u
        case .floatMAC(let u): return u
        case .blockDot(let u): return u
        }
    }

    /// The unit's name, e.g. `bitmod-w4`.
    public var name: String { unit.name }
    /// The unit's timing.
    public var timing: UnitTiming { unit.timing }
}

extension UnitSpec {
    /// The arithmetic unit this spec describes.
    ///
    /// ```swift
    /// UnitSpec.bitmod(bits: 4, mode: .rtl, groupSize: 128).makeUnit().name   // "bitmod-w4-rtl"
    /// ```
    public func makeUnit() -> DesignUnit {
        switch self {
        case let .mixpe(mode, groupSize, accumulator):
            return .mixpe(MixPE(mode: mode, groupSize: groupSize, accumulator: accumulator))
        case let .lutTensorCore(weights, activations, accumulation, groupSize, accumulator):
            return .lutTensorCore(LUTTensorCore(weights: weights, activations: activations, accumulation: accumulation,
                                                groupSize: groupSize, integerAccumulator: accumulator))
        case let .bitmod(bits, mode, groupSize):
            return .bitmod(BitMoDPE(bits: bits, mode: mode, groupSize: groupSize))
        case let .int8MAC(accumulator):
            return .int8MAC(Int8MAC(accumulator: accumulator))
        case let .floatMAC(kind, groupSize, outputFormat, _):
            return .floatMAC(FloatMAC(kind: kind, groupSize: groupSize, outputFormat: outputFormat))
        case let .blockDot(format, lanes):
            return .blockDot(BlockDotUnit(format: format, lanes: lanes))
        }
    }
}

extension Design {
    /// The arithmetic unit of every PE.
    ///
    /// ```swift
    /// design.makeUnit().unit.timing.macsPerCycle
    /// ```
    public func makeUnit() -> DesignUnit { unit.makeUnit() }

    /// The tensor engine's array: rows, cols and dataflow from `array`, and the unit's
    /// cycles per MAC step (BitMoD ⌈bits/2⌉, LUT Tensor Core B bit-planes, else 1).
    ///
    /// ```swift
    /// design.arrayConfig()   // ArrayConfig(rows: 32, cols: 32, dataflow: .os, cyclesPerStep: 2)
    /// ```
    public func arrayConfig() -> ArrayConfig {
        ArrayConfig(rows: array.rows, cols: array.cols, dataflow: array.dataflow, cyclesPerStep: unit.cyclesPerStep)
    }
}

extension Design {
    /// The engine the design's array describes: a systolic array (`arrayConfig()`), a
    /// dot-product tree of `array.tile`, or the LUT Tensor Core's elongated tile with the
    /// unit's weight bit-planes.
    ///
    /// ```swift
    /// design.engineConfig()   // .tensorCore(TensorCoreTile(m: 2, n: 64, k: 4), .lutTile(weightBits: 2, …))
    /// ```
    public func engineConfig() -> EngineConfig {
        guard array.kind.isTensorCore, let t = array.tile else { return .systolic(arrayConfig()) }
        let tile = TensorCoreTile(m: t.m, n: t.n, k: t.k)
        switch array.kind {
        case .lutTile: return .tensorCore(tile, .lutTile(weightBits: unit.cyclesPerStep))
        default: return .tensorCore(tile, .dotTree)
        }
    }
}
