import ArithmeticUnits
import NumberFormats

/// `dequant`: the weight dequantization of `dequant-fp16`, `w = RN_fp16(s·(q − z))`
/// (`FloatMAC.dequantizedWeight`), before the FP16 MAC.
///
/// ```swift
/// DequantOperation().outputs([FieldValue(9), FieldValue(8), FieldValue(0x3800)])   // [0x3800] (0.5·(9 − 8))
/// ```
public struct DequantOperation: VectorOperation {
    public init() {}

    public var schema: VectorSchema {
        VectorSchema(operation: "dequant", summary: "w = RN_fp16(s·(q − z))",
                     inputs: [VectorField("q", bits: 4, "uint4 weight code"), VectorField("z", bits: 4, "uint4 zero point"),
                              VectorField("s", bits: 16, "FP16 group scale")],
                     outputs: [VectorField("w", bits: 16, "FP16 weight (NaN: 0x7e00)")])
    }

    public func randomInputs(_ rng: inout SplitMix64) -> [FieldValue] {
        [FieldDraw.random(bits: 4, &rng), FieldDraw.random(bits: 4, &rng), FieldDraw.random(bits: 16, &rng)]
    }

    public func edgeInputs() -> [[FieldValue]] {
        FieldDraw.product([[0, 1, 8, 15], [0, 7, 8, 15], FieldDraw.edges(.fp16)])
    }

    public func outputs(_ inputs: [FieldValue]) -> [FieldValue] {
        let s = ElementFormat.fp16.decode(UInt32(inputs[2].low))
        let code = FloatMAC.dequantizedWeight(code: Int(inputs[0].low), zeroPoint: Int(inputs[1].low), scale: s)
        return [s.isNaN ? FieldValue(0x7E00) : FieldValue(UInt64(code))]
    }
}
