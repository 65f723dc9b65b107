import ArithmeticUnits
import NumberFormats

/// `product`: the element multiplier of an FP4 block dot unit: an E2M1×E2M1 product,
/// which is exact in E4M3 (at most 3 significant bits, 0.25…36), as the E4M3 code.
///
/// ```swift
/// ElementProductOperation().outputs([FieldValue(0x3), FieldValue(0xB)])   // [0xc1] (1.5 · −1.5 = −2.25)
/// ```
public struct ElementProductOperation: VectorOperation {
    public init() {}

    public var schema: VectorSchema {
        VectorSchema(operation: "product", summary: "p = a·b, exact in E4M3 (−0 when exactly one operand is negative and the product is 0)",
                     inputs: [VectorField("a", bits: 4, "E2M1 code"), VectorField("b", bits: 4, "E2M1 code")],
                     outputs: [VectorField("p", bits: 8, "E4M3 code of the exact product")])
    }

    public func randomInputs(_ rng: inout SplitMix64) -> [FieldValue] { [FieldDraw.random(bits: 4, &rng), FieldDraw.random(bits: 4, &rng)] }

    /// All 256 pairs.
    public func edgeInputs() -> [[FieldValue]] { FieldDraw.product([Array(0..<16), Array(0..<16)]) }

    public func outputs(_ inputs: [FieldValue]) -> [FieldValue] {
        let p = ElementFormat.e2m1.decode(UInt32(inputs[0].low)) * ElementFormat.e2m1.decode(UInt32(inputs[1].low))
        return [FieldValue(UInt64(ElementFormat.e4m3.encode(p, rule: .nearestEven, overflow: .saturate)))]
    }
}
