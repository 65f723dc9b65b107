import ArithmeticUnits
import NumberFormats

/// `mac`: one step of a floating-point MAC with FP32 accumulation (`fp16-mac`, `hif8-mac`,
/// and `dequant-fp16` after its dequantization): `acc_out = RN_fp32(acc_in + a·b)`, the
/// product exact, computed by `FloatMAC.step`.
///
/// ```swift
/// let op = FloatMACStepOperation(mac: FloatMAC(kind: .hif8))
/// op.outputs([FieldValue(0x08), FieldValue(0x09), FieldValue(0x3F80_0000)])   // [0x40080000] (1 + 1·1.125)
/// ```
public struct FloatMACStepOperation: VectorOperation {
    public let mac: FloatMAC

    public init(mac: FloatMAC) { self.mac = mac }

    public var schema: VectorSchema {
        let f = mac.operandFormat
        return VectorSchema(
            operation: "mac", summary: "acc_out = RN_fp32(acc_in + a·b); the \(f.name) product is exact in FP32",
            inputs: [VectorField("a", bits: f.bits, "activation, \(f.name) code"),
                     VectorField("b", bits: f.bits, "weight, \(f.name) code"),
                     VectorField("acc_in", bits: 32, "FP32 accumulator before the step")],
            outputs: [VectorField("acc_out", bits: 32, "FP32 accumulator after the step (NaN: 0x7fc00000)")])
    }

    public func randomInputs(_ rng: inout SplitMix64) -> [FieldValue] {
        let bits = mac.operandFormat.bits
        let a = FieldDraw.random(bits: bits, &rng), b = FieldDraw.random(bits: bits, &rng)
        let product = Float(mac.operandFormat.decode(UInt32(a.low))) * Float(mac.operandFormat.decode(UInt32(b.low)))
        return [a, b, FieldDraw.fp32(near: product, &rng)]
    }

    public func edgeInputs() -> [[FieldValue]] {
        let e = FieldDraw.edges(mac.operandFormat)
        return FieldDraw.product([e, e, FieldDraw.fp32Edges])
    }

    public func outputs(_ inputs: [FieldValue]) -> [FieldValue] {
        let acc = Float(bitPattern: UInt32(truncatingIfNeeded: inputs[2].low))
        return [FieldDraw.fp32(mac.step(accumulator: acc, activation: UInt32(inputs[0].low), weight: UInt32(inputs[1].low)))]
    }
}
