import ArithmeticUnits
import DesignModel
import TensorEngine

/// The extra logic of a precision-scalable PE (`array.packing`) when it is priced by actions:
/// each lane's product is steered into place in the fused multiplier's output and into its
/// own accumulator, one multiplexer of the product's width (a + w bits) per lane product.
///
/// This is our assumption for the BitFusion-style fused PE: its bit-bricks' shift amounts and
/// the accumulator each partial product goes to are selected per configuration, so a packed
/// PE carries one such select per lane. The lanes themselves (the multiplier parts and the
/// extra accumulators) are the unit's per-MAC actions, which the PE performs `lanes` times
/// per cycle (`ActionProfile` sizes the PE for lanes × the unit's MACs per cycle). A paper PE
/// (`unit.paper_pe`) publishes its fused datapath's energy and area per PE-cycle, this logic
/// included, so nothing is added there.
///
/// ```swift
/// PackingLogic.actionsPerMAC(mixpeW4A8OnThe84PE)   // [(mux12, 1.0)]: 8-bit × 4-bit lanes
/// PackingLogic.actionsPerMAC(int8Systolic)          // []: one product per PE-cycle
/// ```
public enum PackingLogic {
    public static func actionsPerMAC(_ design: Design) -> [(action: Action, perMAC: Double)] {
        guard design.peLanes.isPacked, let bits = design.unit.configuration.packableOperandBits else { return [] }
        return [(Action(.mux, bits: bits.activation + bits.weight), 1.0)]
    }
}
