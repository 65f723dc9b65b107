import NumberFormats

extension Primitive {
    /// An N-bit unsigned adder with carry out: `y = a + b`, N + 1 bits.
    ///
    /// ```swift
    /// let p = Primitive.adder(bits: 8)   // "add-u8": inputs a[7:0], b[7:0]; output y[8:0]
    /// p.reference([255, 1])              // [256]
    /// ```
    public static func adder(bits: Int) -> Primitive {
        let name = "add-u\(bits)"
        let module = name.replacingOccurrences(of: "-", with: "_")
        let inputs = [PrimitivePort("a", bits), PrimitivePort("b", bits)]
        let verilog = """
        // \(name): \(bits)-bit unsigned adder with carry out (qarch characterize).
        module \(module) (
            input  [\(bits - 1):0] a,
            input  [\(bits - 1):0] b,
            output [\(bits):0] y
        );
            assign y = {1'b0, a} + {1'b0, b};
        endmodule

        """
        let plan = VectorPlan.standard(inputs: inputs, randomCount: 100_000, seed: 1) { rng in [rng.next(), rng.next()] }
        let stream = OperandStream(description: "LLM-like unsigned \(bits)-bit integers (|Gaussian|, 4σ = max)") { rng in
            [LLMLikeData.integer(&rng, bits: bits, signed: false), LLMLikeData.integer(&rng, bits: bits, signed: false)]
        }
        return Primitive(name: name, kind: "adder", parameters: [("bits", "\(bits)")], inputs: inputs,
                         outputs: [PrimitivePort("y", bits + 1)], verilog: verilog, checkPlan: plan, stream: stream) { v in
            [v[0] + v[1]]
        }
    }
}
