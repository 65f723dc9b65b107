import NumberFormats

extension Primitive {
    /// An N-bit logical right barrel shifter (the alignment shifter of an FP adder or a
    /// bit-serial PE): `y = a >> s`, `s` of ⌈log2 N⌉ bits.
    ///
    /// ```swift
    /// let p = Primitive.shifter(bits: 8)   // "shr-8": a[7:0], s[2:0] → y[7:0]
    /// p.reference([0xF0, 3])               // [0x1E]
    /// ```
    public static func shifter(bits: Int) -> Primitive {
        let name = "shr-\(bits)"
        let module = name.replacingOccurrences(of: "-", with: "_")
        let sBits = max(1, ceilLog2(bits))
        let inputs = [PrimitivePort("a", bits), PrimitivePort("s", sBits)]
        let verilog = """
        // \(name): \(bits)-bit logical right barrel shifter (qarch characterize).
        module \(module) (
            input  [\(bits - 1):0] a,
            input  [\(sBits - 1):0] s,
            output [\(bits - 1):0] y
        );
            assign y = a >> s;
        endmodule

        """
        let plan = VectorPlan.standard(inputs: inputs, randomCount: 100_000, seed: 1) { rng in [rng.next(), rng.next()] }
        let stream = OperandStream(description: "LLM-like signed \(bits)-bit data, uniform shift amounts") { rng in
            [LLMLikeData.integer(&rng, bits: bits, signed: true), rng.next()]
        }
        return Primitive(name: name, kind: "shifter", parameters: [("bits", "\(bits)")], inputs: inputs,
                         outputs: [PrimitivePort("y", bits)], verilog: verilog, checkPlan: plan, stream: stream) { v in
            [v[1] >= 64 ? 0 : v[0] >> v[1]]
        }
    }

    /// ⌈log2 n⌉ for n ≥ 1.
    static func ceilLog2(_ n: Int) -> Int {
        var bits = 0
        while (1 << bits) < n { bits += 1 }
        return bits
    }

    /// The bits needed to hold `n` ≥ 0.
    static func bitsToHold(_ n: Int) -> Int {
        var bits = 1
        while (1 << bits) <= n { bits += 1 }
        return bits
    }
}
