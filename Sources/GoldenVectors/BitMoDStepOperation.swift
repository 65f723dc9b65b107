import ArithmeticUnits
import NumberFormats

/// `step`: one cycle of the BitMoD PE's truncating datapath (`BitMoDRTLDatapath`): four
/// FP16 activations and one weight term per lane give the aligned, truncated 17-bit partial
/// sum and its exponent, which the group accumulator (6-bit exponent, 15-bit mantissa) adds
/// ≪ `bsig`. The vectors of a `bitmod` design are this hardware's in either `mode` (the
/// `functional` mode has no PE-level bit behaviour of its own).
///
/// ```swift
/// let op = BitMoDStepOperation()
/// // one lane: a = 1.0 (0x3c00), term +2^0: psum 0x2000 (1024 ≪ 3), psum_exp 15
/// op.outputs([FieldValue(0x3C00), FieldValue(0), FieldValue(0), FieldValue(1), FieldValue(0), FieldValue(0), FieldValue(0)])[0]
/// ```
public struct BitMoDStepOperation: VectorOperation {
    public init() {}

    public var schema: VectorSchema {
        VectorSchema(
            operation: "step",
            summary: "psum = Σ_i ±(sig_i ≪ 3) ≫ (max_exp − exp_i) over 4 lanes; acc_out = normalize(align(acc_in) + align(psum ≪ bsig))",
            inputs: [VectorField("a", bits: 64, "4 × finite FP16 activations, lane i at bits [16i+15:16i]"),
                     VectorField("neg", bits: 4, "bit i: term of lane i is negative"),
                     VectorField("exp", bits: 12, "4 × 3-bit term exponents 0…4, lane i at bits [3i+2:3i]"),
                     VectorField("valid", bits: 4, "bit i: term of lane i is non-zero"),
                     VectorField("bsig", bits: 3, "bit significance of this cycle's terms (0 or 2)"),
                     VectorField("acc_exp_in", bits: 6, "accumulator exponent before the cycle"),
                     VectorField("acc_man_in", bits: 15, "accumulator mantissa before the cycle, two's complement")],
            outputs: [VectorField("psum", bits: 17, "partial sum of the 4 lanes, two's complement"),
                      VectorField("psum_exp", bits: 6, "exponent of the partial sum (max over lanes of a_exp + term exp, mod 64)"),
                      VectorField("acc_exp_out", bits: 6, "accumulator exponent after the cycle"),
                      VectorField("acc_man_out", bits: 15, "accumulator mantissa after the cycle, two's complement")])
    }

    public func randomInputs(_ rng: inout SplitMix64) -> [FieldValue] {
        let a = FieldValue.packed((0..<4).map { _ in finiteFP16(rng.next()) }, elementBits: 16)
        let exps = FieldValue.packed((0..<4).map { _ in rng.next() % 5 }, elementBits: 3)
        return [a, FieldDraw.random(bits: 4, &rng), exps, FieldDraw.random(bits: 4, &rng), FieldValue(2 * (rng.next() & 1)),
                FieldDraw.random(bits: 6, &rng), FieldDraw.random(bits: 15, &rng)]
    }

    /// A finite FP16 code from random bits (an exponent field of 31 becomes 30).
    func finiteFP16(_ r: UInt64) -> UInt64 {
        let c = r & 0xFFFF
        return c & 0x7C00 == 0x7C00 ? c & ~0x0400 : c
    }

    public func edgeInputs() -> [[FieldValue]] {
        let a: [UInt64] = [0, 0x3C00_3C00_3C00_3C00, 0x7BFF_7BFF_7BFF_7BFF, 0xFBFF_7BFF_FBFF_7BFF, 0x0001_0001_0001_0001,
                           0x0400_03FF_8001_7BFF, 0x3C00_4000_4400_4800]
        let exps: [UInt64] = [0, FieldValue.packed([4, 4, 4, 4], elementBits: 3).low, FieldValue.packed([0, 1, 2, 4], elementBits: 3).low]
        return FieldDraw.product([a, [0, 0xF, 0x5], exps, [0, 0xF, 0x9], [0, 2], [0, 15, 63],
                                  [0, 0x3FFF, 0x4000, 0x7FFF]])
    }

    public func outputs(_ inputs: [FieldValue]) -> [FieldValue] {
        let lanes = (0..<4).map { i in
            BitMoDRTLDatapath.Lane(
                activationBits: UInt16(inputs[0].element(i, elementBits: 16)),
                term: BitMoDTerms.Term(sign: inputs[1].bits(at: i, count: 1) == 1, exponent: Int(inputs[2].element(i, elementBits: 3)),
                                       valid: inputs[3].bits(at: i, count: 1) == 1, significance: Int(inputs[4].low)))
        }
        let (psum, exponent) = BitMoDRTLDatapath.partialSum(lanes)
        let acc = BitMoDRTLDatapath.Accumulator(exponent: Int(inputs[5].low), mantissa: Int(inputs[6].signed(bits: 15)))
        let next = BitMoDRTLDatapath.accumulate(acc, psum: psum, psumExponent: exponent, bsig: Int(inputs[4].low))
        return [FieldValue(signed: Int64(psum), bits: 17), FieldValue(UInt64(exponent)), FieldValue(UInt64(next.exponent)),
                FieldValue(signed: Int64(next.mantissa), bits: 15)]
    }
}
