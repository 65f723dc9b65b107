import NumberFormats

extension Primitive {
    /// An N-bit register (D flip-flops on the rising edge of `clk`): after each edge `q` is
    /// the `d` sampled at it.
    ///
    /// ```swift
    /// let p = Primitive.register(bits: 16)   // "reg-16": clk, d[15:0] → q[15:0]
    /// p.clocked                              // true
    /// p.reference([0xBEEF])                  // [0xBEEF]
    /// ```
    public static func register(bits: Int) -> Primitive {
        let name = "reg-\(bits)"
        let module = name.replacingOccurrences(of: "-", with: "_")
        let inputs = [PrimitivePort("d", bits)]
        let verilog = """
        // \(name): \(bits)-bit register, rising edge (qarch characterize).
        module \(module) (
            input  clk,
            input  [\(bits - 1):0] d,
            output reg [\(bits - 1):0] q
        );
            always @(posedge clk) q <= d;
        endmodule

        """
        let plan = VectorPlan.standard(inputs: inputs, randomCount: 100_000, seed: 1) { rng in [rng.next()] }
        let stream = OperandStream(description: "LLM-like signed \(bits)-bit integers (Gaussian, 4σ = max)") { rng in
            [LLMLikeData.integer(&rng, bits: bits, signed: true)]
        }
        return Primitive(name: name, kind: "register", parameters: [("bits", "\(bits)")], inputs: inputs,
                         outputs: [PrimitivePort("q", bits)], clocked: true, verilog: verilog, checkPlan: plan, stream: stream) { v in
            [v[0]]
        }
    }
}
