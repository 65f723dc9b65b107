import ArithmeticUnits
import NumberFormats

/// `step`: one MixPE group step over 4 consecutive k of a group (`MixPE.step`): W4A8
/// `psum_out = psum_in + Σ_i w_i·a_i`, each shift-and-add product added in the group
/// accumulator (wrap or saturate); W4A16 the same sum in FP32, lane by lane.
///
/// ```swift
/// let op = MixPEStepOperation(unit: MixPE(mode: .w4a8))
/// op.outputs([FieldValue(0x0001), FieldValue(0x0000_0005), FieldValue(0x7FFF_FFFF)])   // [0x80000004] (wrap)
/// ```
public struct MixPEStepOperation: VectorOperation {
    public static let lanes = 4
    public let unit: MixPE

    public init(unit: MixPE) { self.unit = unit }

    var activationBits: Int { unit.mode == .w4a8 ? 8 : 16 }
    var sumBits: Int { unit.mode == .w4a8 ? unit.accumulator.bits : 32 }

    public var schema: VectorSchema {
        let w8 = unit.mode == .w4a8
        let sum = w8 ? "int\(sumBits) group accumulator (\(unit.accumulator.overflow.rawValue))" : "FP32 group sum"
        return VectorSchema(
            operation: "step",
            summary: w8 ? "psum_out = psum_in + Σ_i w_i·a_i, shift-and-add products added lane 0 first in the \(sum)"
                : "psum_out = RN_fp32(…RN_fp32(psum_in + a_0·w_0)… + a_3·w_3), products exact",
            inputs: [VectorField("w", bits: 16, "4 × uint4 weight codes, lane i at bits [4i+3:4i]"),
                     VectorField("a", bits: 4 * activationBits,
                                 w8 ? "4 × int8 activations, lane i at bits [8i+7:8i]" : "4 × FP16 activations, lane i at bits [16i+15:16i]"),
                     VectorField("psum_in", bits: sumBits, "\(sum) before the step")],
            outputs: [VectorField("psum_out", bits: sumBits, "\(sum) after the step" + (w8 ? "" : " (NaN: 0x7fc00000)"))])
    }

    public func randomInputs(_ rng: inout SplitMix64) -> [FieldValue] {
        let w = FieldDraw.random(bits: 16, &rng), a = FieldDraw.random(bits: 4 * activationBits, &rng)
        if unit.mode == .w4a8 { return [w, a, FieldDraw.random(bits: sumBits, &rng)] }
        let near = unit.step(partialSum: 0, weights: weights(w), activations: fp16Lanes(a))
        return [w, a, FieldDraw.fp32(near: near, &rng)]
    }

    public func edgeInputs() -> [[FieldValue]] {
        let w: [UInt64] = [0x0000, 0xFFFF, 0x8421, 0x1F3C]
        if unit.mode == .w4a8 {
            let a: [UInt64] = [0, 0x8080_8080, 0x7F7F_7F7F, 0xFFFF_FFFF, 0x807F_807F, 0x0102_FE81]
            let n = sumBits
            let near: [UInt64] = [FieldValue(signed: (Int64(1) << Int64(n - 1)) - 100, bits: n).low,
                                  FieldValue(signed: -(Int64(1) << Int64(n - 1)) + 100, bits: n).low]
            return FieldDraw.product([w, a, FieldDraw.signedEdges(bits: n) + near])
        }
        let a = FieldDraw.edges(.fp16).map { e in (0..<4).reduce(UInt64(0)) { $0 | e << UInt64(16 * $1) } }
        return FieldDraw.product([w, a, FieldDraw.fp32Edges])
    }

    public func outputs(_ inputs: [FieldValue]) -> [FieldValue] {
        let w = weights(inputs[0])
        if unit.mode == .w4a8 {
            let a = (0..<4).map { Int8(truncatingIfNeeded: inputs[1].element($0, elementBits: 8)) }
            let s = unit.step(partialSum: inputs[2].signed(bits: sumBits), weights: w, activations: a)
            return [FieldValue(signed: s, bits: sumBits)]
        }
        let psum = Float(bitPattern: UInt32(truncatingIfNeeded: inputs[2].low))
        return [FieldDraw.fp32(unit.step(partialSum: psum, weights: w, activations: fp16Lanes(inputs[1])))]
    }

    func weights(_ v: FieldValue) -> [UInt8] { (0..<4).map { UInt8(v.element($0, elementBits: 4)) } }

    func fp16Lanes(_ v: FieldValue) -> [Float] {
        (0..<4).map { Float(ElementFormat.fp16.decode(UInt32(v.element($0, elementBits: 16)))) }
    }
}
