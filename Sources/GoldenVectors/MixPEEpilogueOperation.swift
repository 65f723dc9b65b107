import ArithmeticUnits
import NumberFormats

/// `epilogue`: MixPE's dequantization of one group (`MixPE.epilogue`): W4A8
/// `d = acc − z·A` in the group register, `y_out = RN_fp32(y_in + s·float(d))`; W4A16 the
/// same in FP32 (`d = acc − z·A` rounded, then `y_in + s·d`). The final multiplication by the
/// per-token activation scale (W4A8) happens once per output and is not part of it.
///
/// ```swift
/// let op = MixPEEpilogueOperation(unit: MixPE(mode: .w4a8))
/// op.outputs([FieldValue(100), FieldValue(10), FieldValue(8), FieldValue(0x3800), FieldValue(0)])   // [0x41200000] (10)
/// ```
public struct MixPEEpilogueOperation: VectorOperation {
    public let unit: MixPE

    public init(unit: MixPE) { self.unit = unit }

    var sumBits: Int { unit.mode == .w4a8 ? unit.accumulator.bits : 32 }

    public var schema: VectorSchema {
        let w8 = unit.mode == .w4a8
        let kind = w8 ? "int\(sumBits)" : "FP32"
        return VectorSchema(
            operation: "epilogue",
            summary: w8 ? "y_out = RN_fp32(y_in + s·float(acc − z·A)), acc − z·A in the \(sumBits)-bit register"
                : "y_out = RN_fp32(y_in + s·RN_fp32(acc − RN_fp32(z·A)))",
            inputs: [VectorField("acc", bits: sumBits, "\(kind) group sum Σ w·a"),
                     VectorField("act_sum", bits: sumBits, "\(kind) activation sum A of the group"),
                     VectorField("z", bits: 4, "uint4 zero point"),
                     VectorField("s", bits: 16, "FP16 group scale"),
                     VectorField("y_in", bits: 32, "FP32 output before the group")],
            outputs: [VectorField("y_out", bits: 32, "FP32 output after the group (NaN: 0x7fc00000)")])
    }

    public func randomInputs(_ rng: inout SplitMix64) -> [FieldValue] {
        let acc = FieldDraw.random(bits: sumBits, &rng), sum = FieldDraw.random(bits: sumBits, &rng)
        let z = FieldDraw.random(bits: 4, &rng), s = FieldDraw.random(bits: 16, &rng)
        let y = compute([acc, sum, z, s, FieldValue(0)])
        return [acc, sum, z, s, FieldDraw.fp32(near: y, &rng)]
    }

    public func edgeInputs() -> [[FieldValue]] {
        let ints = unit.mode == .w4a8 ? FieldDraw.signedEdges(bits: sumBits) : FieldDraw.fp32Edges
        return FieldDraw.product([ints, ints, [0, 1, 15], FieldDraw.edges(.fp16), [0, 0x8000_0000, 0x3F80_0000, 0x7F80_0000, 0x7FC0_0000]])
    }

    public func outputs(_ inputs: [FieldValue]) -> [FieldValue] { [FieldDraw.fp32(compute(inputs))] }

    func compute(_ inputs: [FieldValue]) -> Float {
        let z = Int32(inputs[2].low), s = Float(ElementFormat.fp16.decode(UInt32(inputs[3].low)))
        let y = Float(bitPattern: UInt32(truncatingIfNeeded: inputs[4].low))
        if unit.mode == .w4a8 {
            return unit.epilogue(y: y, groupSum: inputs[0].signed(bits: sumBits), activationSum: inputs[1].signed(bits: sumBits),
                                 zeroPoint: z, scale: s)
        }
        func f(_ v: FieldValue) -> Float { Float(bitPattern: UInt32(truncatingIfNeeded: v.low)) }
        return unit.epilogue(y: y, groupSum: f(inputs[0]), activationSum: f(inputs[1]), zeroPoint: z, scale: s)
    }
}
