import NumberFormats

extension Primitive {
    /// A floating-point multiplier of one format (`FloatPrimitiveFormat`): `y = a · b`
    /// rounded to nearest even, with subnormal inputs and outputs and the format's specials.
    ///
    /// The datapath: significands with the hidden bit (1 for normals, 0 for subnormals, whose
    /// exponent counts as 1), their (m+1)×(m+1) product, a leading-zero count that
    /// normalizes it, a right shift with sticky when the exponent falls below the normal
    /// range, and one rounding increment on {exponent, fraction} so that a carry moves into
    /// the exponent (a subnormal rounding up to the smallest normal, a normal to the next
    /// binade, the largest finite to the overflow code). Exponents are kept offset by
    /// P + bias (P = 2m + 2, the product width) so all arithmetic is unsigned.
    ///
    /// ```swift
    /// let p = Primitive.floatMultiplier(.fp16)   // "fp-mul-fp16": a[15:0], b[15:0] → y[15:0]
    /// p.reference([0x3C00, 0xC000])              // [0xC000]: 1 · −2 = −2
    /// p.reference([0x7C00, 0x0000])              // [0x7E00]: ∞ · 0 = NaN
    /// ```
    public static func floatMultiplier(_ f: FloatPrimitiveFormat) -> Primitive {
        let name = "fp-mul-\(f.name)"
        let module = name.replacingOccurrences(of: "-", with: "_")
        let w = f.width, e = f.e, m = f.m
        let p = 2 * m + 2
        let offset = p + f.bias
        let ew = bitsToHold(2 * ((1 << e) - 1) + 1 + p)
        let lzw = bitsToHold(p), shw = bitsToHold(p + 1)
        let limit = f.overflowLimit
        let inputs = [PrimitivePort("a", w), PrimitivePort("b", w)]
        let k = { (v: UInt64, bits: Int) in FloatSpecialsRTL.constant(v, width: bits) }
        let verilog = """
        // \(name): \(f.name) (E\(e)M\(m), bias \(f.bias)) multiplier, round to nearest even,
        // subnormals, \(FloatSpecialsRTL.summary(f)) (qarch characterize).
        module \(module) (
            input  [\(w - 1):0] a,
            input  [\(w - 1):0] b,
            output [\(w - 1):0] y
        );
        \(FloatSpecialsRTL.flags(for: "a", f))
        \(FloatSpecialsRTL.flags(for: "b", f))
            wire s = a[\(w - 1)] ^ b[\(w - 1)];
            wire [\(e - 1):0] ea = a[\(w - 2):\(m)];
            wire [\(e - 1):0] eb = b[\(w - 2):\(m)];
            wire [\(m):0] ma = {|ea, a[\(m - 1):0]};
            wire [\(m):0] mb = {|eb, b[\(m - 1):0]};
            wire [\(p - 1):0] prod = ma * mb;
            // Leading zeros of the product (\(p) when it is zero).
            reg [\(lzw - 1):0] lz;
            integer i;
            always @* begin
                lz = \(p);
                for (i = 0; i < \(p); i = i + 1)
                    if (prod[i]) lz = \(p - 1) - i;
            end
            wire [\(p - 1):0] norm = prod << lz;
            wire [\(ew - 1):0] exa = (ea == 0) ? 1 : ea;
            wire [\(ew - 1):0] exb = (eb == 0) ? 1 : eb;
            // The biased result exponent plus \(offset): exa + exb − bias + 1 − lz + \(offset).
            wire [\(ew - 1):0] er = exa + exb + \(p + 1) - lz;
            wire sub = er < \(offset + 1);
            wire [\(ew - 1):0] under = \(offset + 1) - er;
            wire [\(shw - 1):0] sh = sub ? ((under > \(p + 1)) ? \(p + 1) : under[\(shw - 1):0]) : 0;
            wire [\(2 * p - 1):0] wide = {norm, {\(p){1'b0}}} >> sh;
            wire [\(m - 1):0] frac = wide[\(2 * p - 2):\(2 * p - 1 - m)];
            wire lsb = wide[\(2 * p - 1 - m)];
            wire g = wide[\(2 * p - 2 - m)];
            wire st = |wide[\(2 * p - 3 - m):0];
            wire [\(ew - 1):0] field = sub ? 0 : er - \(offset);
            wire [\(ew + m - 1):0] x = {field, frac} + (g & (st | lsb));
            wire ovf = x >= \(k(limit, ew + m));
            wire nan = a_nan | b_nan | (a_inf & b_zero) | (a_zero & b_inf);
            wire inf = a_inf | b_inf;
            wire zero = a_zero | b_zero;
            assign y = nan ? \(k(f.nan, w)) :
                       inf ? {s, \(k(f.infinityField, w - 1))} :
                       zero ? {s, \(k(0, w - 1))} :
                       ovf ? {s, \(k(f.ieee ? f.infinityField : f.maxFinite, w - 1))} :
                       {s, x[\(w - 2):0]};
        endmodule

        """
        let plan = VectorPlan.standard(inputs: inputs, randomCount: 200_000, seed: 1, special: f.specialPairs) { rng in f.randomPair(&rng) }
        let stream = OperandStream(description: "LLM-like values (Gaussian with outliers) rounded to \(f.name)") { rng in
            [LLMLikeData.float(&rng, format: f.format), LLMLikeData.float(&rng, format: f.format)]
        }
        return Primitive(name: name, kind: "fp-multiplier", parameters: [("format", f.name), ("e", "\(e)"), ("m", "\(m)")],
                         inputs: inputs, outputs: [PrimitivePort("y", w)], verilog: verilog, checkPlan: plan, stream: stream) { v in
            [f.mul(v[0], v[1])]
        }
    }
}
