import ArithmeticUnits
import NumberFormats

/// `mac`: one step of an integer MAC (`int8-mac`, `int4-mac`): `acc_out = acc_in + a·w` in
/// the design's accumulator register (`IntegerAccumulator.add`: wrap or saturate).
///
/// ```swift
/// let op = IntegerMACStepOperation(weightBits: 4, accumulator: .int32)
/// op.outputs([FieldValue(signed: -3, bits: 8), FieldValue(signed: 7, bits: 4), FieldValue(1)])   // [0xffffffec] (−20)
/// ```
public struct IntegerMACStepOperation: VectorOperation {
    /// 8 for `int8-mac`, 4 for `int4-mac` (two's complement).
    public let weightBits: Int
    public let accumulator: IntegerAccumulator

    public init(weightBits: Int, accumulator: IntegerAccumulator) {
        self.weightBits = weightBits
        self.accumulator = accumulator
    }

    public var schema: VectorSchema {
        let n = accumulator.bits, rule = accumulator.overflow.rawValue
        return VectorSchema(
            operation: "mac", summary: "acc_out = acc_in + a·w in the \(n)-bit accumulator (\(rule))",
            inputs: [VectorField("a", bits: 8, "int8 activation"), VectorField("w", bits: weightBits, "int\(weightBits) weight"),
                     VectorField("acc_in", bits: n, "int\(n) accumulator before the step")],
            outputs: [VectorField("acc_out", bits: n, "int\(n) accumulator after the step (\(rule))")])
    }

    public func randomInputs(_ rng: inout SplitMix64) -> [FieldValue] {
        [FieldDraw.random(bits: 8, &rng), FieldDraw.random(bits: weightBits, &rng), FieldDraw.random(bits: accumulator.bits, &rng)]
    }

    public func edgeInputs() -> [[FieldValue]] {
        FieldDraw.product([FieldDraw.signedEdges(bits: 8), FieldDraw.signedEdges(bits: weightBits),
                           FieldDraw.signedEdges(bits: accumulator.bits)])
    }

    public func outputs(_ inputs: [FieldValue]) -> [FieldValue] {
        let a = inputs[0].signed(bits: 8), w = inputs[1].signed(bits: weightBits)
        let acc = accumulator.add(inputs[2].signed(bits: accumulator.bits), a * w)
        return [FieldValue(signed: acc, bits: accumulator.bits)]
    }
}
