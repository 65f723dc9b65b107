import NumberFormats

extension Primitive {
    /// An N-bit unsigned magnitude comparator (max/min trees, exponent compare): `lt` is
    /// `a < b`, `eq` is `a == b`.
    ///
    /// ```swift
    /// let p = Primitive.comparator(bits: 8)   // "cmp-u8": a[7:0], b[7:0] → lt, eq
    /// p.reference([3, 7])                     // [1, 0]
    /// ```
    public static func comparator(bits: Int) -> Primitive {
        let name = "cmp-u\(bits)"
        let module = name.replacingOccurrences(of: "-", with: "_")
        let inputs = [PrimitivePort("a", bits), PrimitivePort("b", bits)]
        let verilog = """
        // \(name): \(bits)-bit unsigned comparator (qarch characterize).
        module \(module) (
            input  [\(bits - 1):0] a,
            input  [\(bits - 1):0] b,
            output lt,
            output eq
        );
            assign lt = a < b;
            assign eq = a == b;
        endmodule

        """
        let plan = VectorPlan.standard(inputs: inputs, randomCount: 100_000, seed: 1) { rng in
            // One vector in four compares equal operands; the rest differ in a random low part.
            let a = rng.next()
            switch rng.next() & 3 {
            case 0: return [a, a]
            case 1: return [a, a ^ (rng.next() >> (rng.next() & 63))]
            default: return [a, rng.next()]
            }
        }
        let stream = OperandStream(description: "LLM-like unsigned \(bits)-bit integers (|Gaussian|, 4σ = max)") { rng in
            [LLMLikeData.integer(&rng, bits: bits, signed: false), LLMLikeData.integer(&rng, bits: bits, signed: false)]
        }
        return Primitive(name: name, kind: "comparator", parameters: [("bits", "\(bits)")], inputs: inputs,
                         outputs: [PrimitivePort("lt", 1), PrimitivePort("eq", 1)], verilog: verilog,
                         checkPlan: plan, stream: stream) { v in
            [v[0] < v[1] ? 1 : 0, v[0] == v[1] ? 1 : 0]
        }
    }
}
