import ArithmeticUnits
import TensorEngine

extension Design {
    /// The arithmetic unit of every PE.
    ///
    /// ```swift
    /// design.makeUnit().timing.macsPerCycle
    /// design.makeUnit().name   // "mixpe-w4a8"
    /// ```
    public func makeUnit() -> any ArithmeticUnit { unit.makeUnit() }

    /// The tensor engine's array: rows, cols and dataflow from `array`, and the unit's
    /// cycles per MAC step (its initiation interval: BitMoD ⌈bits/2⌉, LUT Tensor Core B
    /// bit-planes, else 1).
    ///
    /// ```swift
    /// design.arrayConfig()   // ArrayConfig(rows: 32, cols: 32, dataflow: .os, cyclesPerStep: 2)
    /// ```
    public func arrayConfig() -> ArrayConfig {
        ArrayConfig(rows: array.rows, cols: array.cols, dataflow: array.dataflow, cyclesPerStep: unit.cyclesPerStep,
                    lanes: peLanes)
    }

    /// Products per PE-cycle: the lanes `array.packing` gives the unit's operand widths, or one.
    ///
    /// ```swift
    /// mixpeW4A8.peLanes   // PELanes(activation: 1, weight: 2) on the artifact's (8,4) PE
    /// ```
    public var peLanes: PELanes {
        guard let packing = array.packing, let bits = unit.configuration.packableOperandBits else { return .single }
        return packing.lanes(activationBits: bits.activation, weightBits: bits.weight)
    }

    /// The engine the design's array describes: a systolic array (`arrayConfig()`), a
    /// dot-product tree of `array.tile`, or the LUT Tensor Core's elongated tile with the
    /// unit's weight bit-planes (its cycles per step).
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
