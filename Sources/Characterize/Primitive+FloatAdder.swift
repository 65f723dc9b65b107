import NumberFormats

extension Primitive {
    /// A floating-point adder of one format (`FloatPrimitiveFormat`): `y = a + b` rounded to
    /// nearest even, with subnormal inputs and outputs and the format's specials; an exact
    /// zero sum is +0 unless both operands are negative.
    ///
    /// The datapath: order the operands by magnitude, align the smaller significand with
    /// three extra bits (guard, round, sticky; the sticky ORs every bit shifted out), add or
    /// subtract, then normalize: a carry shifts right by one (folding into sticky), otherwise
    /// a leading-zero count shifts left, but never below exponent 1 (the result is then
    /// subnormal). One rounding increment on {exponent, fraction} carries into the exponent.
    /// Three extra bits suffice: when the exponents differ by 2 or more the result loses at
    /// most one leading bit, and when they differ by less the difference is exact.
    ///
    /// ```swift
    /// let p = Primitive.floatAdder(.fp16)        // "fp-add-fp16": a[15:0], b[15:0] → y[15:0]
    /// p.reference([0x3C00, 0x3C00])              // [0x4000]: 1 + 1 = 2
    /// p.reference([0x3C00, 0xBC00])              // [0x0000]: 1 − 1 = +0
    /// ```
    public static func floatAdder(_ f: FloatPrimitiveFormat) -> Primitive {
        let name = "fp-add-\(f.name)"
        let module = name.replacingOccurrences(of: "-", with: "_")
        let w = f.width, e = f.e, m = f.m
        let dw = bitsToHold(m + 4), lw = bitsToHold(m + 4), sw = max(lw, e)
        let limit = f.overflowLimit
        let inputs = [PrimitivePort("a", w), PrimitivePort("b", w)]
        let k = { (v: UInt64, bits: Int) in FloatSpecialsRTL.constant(v, width: bits) }
        let verilog = """
        // \(name): \(f.name) (E\(e)M\(m), bias \(f.bias)) adder, round to nearest even,
        // subnormals, \(FloatSpecialsRTL.summary(f)) (qarch characterize).
        module \(module) (
            input  [\(w - 1):0] a,
            input  [\(w - 1):0] b,
            output [\(w - 1):0] y
        );
        \(FloatSpecialsRTL.flags(for: "a", f))
        \(FloatSpecialsRTL.flags(for: "b", f))
            // Order by magnitude: big ≥ small.
            wire a_big = a[\(w - 2):0] >= b[\(w - 2):0];
            wire [\(w - 1):0] op_big = a_big ? a : b;
            wire [\(w - 1):0] op_small = a_big ? b : a;
            wire s_big = op_big[\(w - 1)];
            wire [\(e - 1):0] e_big = op_big[\(w - 2):\(m)];
            wire [\(e - 1):0] e_small = op_small[\(w - 2):\(m)];
            wire [\(m):0] m_big = {|e_big, op_big[\(m - 1):0]};
            wire [\(m):0] m_small = {|e_small, op_small[\(m - 1):0]};
            wire [\(e - 1):0] x_big = (e_big == 0) ? 1 : e_big;
            wire [\(e - 1):0] x_small = (e_small == 0) ? 1 : e_small;
            // Align the smaller significand; bits shifted out fold into the sticky bit.
            wire [\(e - 1):0] d = x_big - x_small;
            wire [\(dw - 1):0] dd = (d > \(m + 4)) ? \(m + 4) : d[\(dw - 1):0];
            wire [\(2 * m + 7):0] aligned = {m_small, 3'b000, \(m + 4)'d0} >> dd;
            wire [\(m + 3):0] small_x = {aligned[\(2 * m + 7):\(m + 5)], aligned[\(m + 4)] | (|aligned[\(m + 3):0])};
            wire [\(m + 3):0] big_x = {m_big, 3'b000};
            wire subtract = a[\(w - 1)] ^ b[\(w - 1)];
            wire [\(m + 4):0] sum = subtract ? {1'b0, big_x} - {1'b0, small_x} : {1'b0, big_x} + {1'b0, small_x};
            // Normalize.
            reg [\(lw - 1):0] lz;
            integer i;
            always @* begin
                lz = \(m + 4);
                for (i = 0; i < \(m + 4); i = i + 1)
                    if (sum[i]) lz = \(m + 3) - i;
            end
            wire [\(e - 1):0] lim = x_big - 1;
            wire [\(sw - 1):0] shl = (lz > lim) ? lim : lz;
            wire carry = sum[\(m + 4)];
            wire [\(m + 3):0] v = carry ? {sum[\(m + 4):2], sum[1] | sum[0]} : (sum[\(m + 3):0] << shl);
            wire [\(e):0] er = carry ? x_big + 1 : x_big - shl;
            wire [\(e):0] field = v[\(m + 3)] ? er : 0;
            // Round to nearest even.
            wire [\(e + m):0] x = {field, v[\(m + 2):3]} + (v[2] & (v[1] | v[0] | v[3]));
            wire ovf = x >= \(k(limit, e + m + 1));
            wire nan = a_nan | b_nan | (a_inf & b_inf & subtract);
            wire inf = a_inf | b_inf;
            wire s_inf = a_inf ? a[\(w - 1)] : b[\(w - 1)];
            wire zero = sum == 0;
            assign y = nan ? \(k(f.nan, w)) :
                       inf ? {s_inf, \(k(f.infinityField, w - 1))} :
                       zero ? {a[\(w - 1)] & b[\(w - 1)], \(k(0, w - 1))} :
                       ovf ? {s_big, \(k(f.ieee ? f.infinityField : f.maxFinite, w - 1))} :
                       {s_big, x[\(w - 2):0]};
        endmodule

        """
        let plan = VectorPlan.standard(inputs: inputs, randomCount: 200_000, seed: 1, special: f.specialPairs) { rng in f.randomPair(&rng) }
        let stream = OperandStream(description: "LLM-like values (Gaussian with outliers) rounded to \(f.name)") { rng in
            [LLMLikeData.float(&rng, format: f.format), LLMLikeData.float(&rng, format: f.format)]
        }
        return Primitive(name: name, kind: "fp-adder", parameters: [("format", f.name), ("e", "\(e)"), ("m", "\(m)")],
                         inputs: inputs, outputs: [PrimitivePort("y", w)], verilog: verilog, checkPlan: plan, stream: stream) { v in
            [f.add(v[0], v[1])]
        }
    }
}
