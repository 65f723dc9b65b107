import ArithmeticUnits
import TensorEngine

/// `unit`: which arithmetic unit each PE is, with its parameters: a configured unit of one
/// of the `UnitRegistry` kinds (`unit.kind` selects it; the other fields depend on the kind
/// and are documented on its type, e.g. `MixPEKind` for `mixpe`), and `unit.paper_pe`, the
/// published figures that price it.
///
/// ```swift
/// let spec = UnitSpec(MixPEKind(mode: .w4a8), paperPE: .mixpeW4A8)
/// spec.kindName        // "mixpe"
/// spec.cyclesPerStep   // 1
/// ```
public struct UnitSpec: Sendable, Equatable {
    /// The configured unit.
    public var configuration: any UnitKind
    /// `unit.paper_pe`: the published per-PE figures that price this unit, if any.
    public var paperPE: PublishedPE?

    public init(_ configuration: any UnitKind, paperPE: PublishedPE? = nil) {
        self.configuration = configuration
        self.paperPE = paperPE
    }

    public static func == (lhs: UnitSpec, rhs: UnitSpec) -> Bool {
        lhs.paperPE == rhs.paperPE && lhs.configuration.isEqual(to: rhs.configuration)
    }

    /// `unit.kind`, e.g. `mixpe`.
    public var kindName: String { type(of: configuration).name }

    /// The bit-exact unit this spec describes.
    ///
    /// ```swift
    /// UnitSpec(BitMoDKind(bits: 4, mode: .rtl)).makeUnit().name   // "bitmod-w4-rtl"
    /// ```
    public func makeUnit() -> any ArithmeticUnit { configuration.makeUnit() }

    /// Cycles one MAC step occupies a PE: the unit's initiation interval (BitMoD ⌈bits/2⌉,
    /// the LUT Tensor Core's B bit-planes, 2 for ternary, otherwise 1).
    public var cyclesPerStep: Int { makeUnit().timing.initiationInterval }

    /// The unit's operand widths in its own formats (`UnitKind.operandWidths`).
    public var operandWidths: (a: OperandWidth, b: OperandWidth, c: OperandWidth) { configuration.operandWidths }

    /// The stored width of B (`UnitKind.storedWeightWidth`).
    public var storedWeightWidth: OperandWidth { configuration.storedWeightWidth }

    /// The dequantization epilogue's traffic (`UnitKind.dequantTraffic`).
    public var dequantTraffic: DequantTraffic.Scheme? { configuration.dequantTraffic }

    /// Short names of the activation and weight formats (`UnitKind.formatNames`).
    public var formatNames: (activations: String, weights: String) { configuration.formatNames }
}
