import NumberFormats

extension Primitive {
    /// An N×M multiplier, unsigned or two's complement signed: `y = a · b`, N + M bits.
    ///
    /// ```swift
    /// let p = Primitive.multiplier(bits: 4, by: 4, signed: false)   // "mul-u4x4"
    /// p.reference([15, 15])                                        // [225]
    /// Primitive.multiplier(bits: 8, by: 8, signed: true).reference([0xFF, 0x02])   // [0xFFFE] (−1 · 2 = −2)
    /// ```
    public static func multiplier(bits n: Int, by m: Int, signed: Bool) -> Primitive {
        let name = "mul-\(signed ? "s" : "u")\(n)x\(m)"
        let module = name.replacingOccurrences(of: "-", with: "_")
        let inputs = [PrimitivePort("a", n), PrimitivePort("b", m)]
        let body = signed ? "assign y = $signed(a) * $signed(b);" : "assign y = a * b;"
        let verilog = """
        // \(name): \(n)×\(m) \(signed ? "two's complement signed" : "unsigned") multiplier (qarch characterize).
        module \(module) (
            input  [\(n - 1):0] a,
            input  [\(m - 1):0] b,
            output [\(n + m - 1):0] y
        );
            \(body)
        endmodule

        """
        let plan = VectorPlan.standard(inputs: inputs, randomCount: 100_000, seed: 1) { rng in [rng.next(), rng.next()] }
        let stream = OperandStream(description: "LLM-like \(signed ? "signed" : "unsigned") integers (Gaussian, 4σ = max)") { rng in
            [LLMLikeData.integer(&rng, bits: n, signed: signed), LLMLikeData.integer(&rng, bits: m, signed: signed)]
        }
        let outMask = PrimitivePort("y", n + m).mask
        return Primitive(name: name, kind: "multiplier", parameters: [("a_bits", "\(n)"), ("b_bits", "\(m)"), ("signed", "\(signed)")],
                         inputs: inputs, outputs: [PrimitivePort("y", n + m)], verilog: verilog, checkPlan: plan, stream: stream) { v in
            if signed {
                let a = signExtend(v[0], bits: n), b = signExtend(v[1], bits: m)
                return [UInt64(bitPattern: a &* b) & outMask]
            }
            return [(v[0] &* v[1]) & outMask]
        }
    }

    /// The two's complement value of the low `bits` bits.
    static func signExtend(_ value: UInt64, bits: Int) -> Int64 {
        let shift = UInt64(64 - bits)
        return Int64(bitPattern: value << shift) >> Int64(shift)
    }
}
