import ArithmeticUnits
import NumberFormats

/// `dequant`: the BitMoD PE's bit-serial dequantizer (`BitMoDRTLDatapath.dequantize`): the
/// group accumulator's mantissa times the 8-bit group scale, one scale bit per cycle, MSB
/// first, in a 23-bit signed register.
///
/// ```swift
/// BitMoDDequantOperation().outputs([FieldValue(signed: -3, bits: 15), FieldValue(5)])   // [0x7ffff1] (−15)
/// ```
public struct BitMoDDequantOperation: VectorOperation {
    public init() {}

    public var schema: VectorSchema {
        VectorSchema(operation: "dequant", summary: "out = acc_man · scale in a 23-bit register (8 cycles, scale MSB first)",
                     inputs: [VectorField("acc_man", bits: 15, "group accumulator mantissa, two's complement"),
                              VectorField("scale", bits: 8, "uint8 group scale")],
                     outputs: [VectorField("out", bits: 23, "scaled mantissa, two's complement")])
    }

    public func randomInputs(_ rng: inout SplitMix64) -> [FieldValue] { [FieldDraw.random(bits: 15, &rng), FieldDraw.random(bits: 8, &rng)] }

    public func edgeInputs() -> [[FieldValue]] {
        FieldDraw.product([FieldDraw.signedEdges(bits: 15), [0, 1, 0x80, 0xFF]])
    }

    public func outputs(_ inputs: [FieldValue]) -> [FieldValue] {
        let out = BitMoDRTLDatapath.dequantize(mantissa: Int(inputs[0].signed(bits: 15)), scale: Int(inputs[1].low))
        return [FieldValue(signed: Int64(out), bits: 23)]
    }
}
