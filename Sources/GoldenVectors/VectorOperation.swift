import NumberFormats

/// A PE-level operation of one configured unit: its schema, how random and corner-case
/// inputs are drawn, and the outputs, computed by the unit's own bit-exact code (the step
/// functions of `ArithmeticUnits`, the same code `qarch gemm` runs).
///
/// ```swift
/// let op = FloatMACStepOperation(mac: FloatMAC(kind: .fp16))
/// op.outputs([FieldValue(0x3C00), FieldValue(0x4000), FieldValue(0)])   // [0x40000000] (1·2 + 0)
/// ```
public protocol VectorOperation: Sendable {
    var schema: VectorSchema { get }
    /// Random inputs, one value per input field, drawn from `rng`.
    func randomInputs(_ rng: inout SplitMix64) -> [FieldValue]
    /// The corner cases of the formats (`--edge`), in a fixed order.
    func edgeInputs() -> [[FieldValue]]
    /// The outputs for `inputs` (one value per input field, each within its width).
    func outputs(_ inputs: [FieldValue]) -> [FieldValue]
}
