import NumberFormats

extension Primitive {
    /// An N-bit leading-one detector (the normalizer of an FP unit): `pos` is the index of
    /// the most significant 1 of `a`, `valid` is 0 when `a` is zero (and then `pos` is 0).
    ///
    /// ```swift
    /// let p = Primitive.leadingOne(bits: 16)   // "lod-16": a[15:0] → pos[3:0], valid
    /// p.reference([0x0130])                    // [8, 1]
    /// p.reference([0])                         // [0, 0]
    /// ```
    public static func leadingOne(bits: Int) -> Primitive {
        let name = "lod-\(bits)"
        let module = name.replacingOccurrences(of: "-", with: "_")
        let posBits = max(1, ceilLog2(bits))
        let inputs = [PrimitivePort("a", bits)]
        let verilog = """
        // \(name): \(bits)-bit leading-one detector (qarch characterize).
        module \(module) (
            input  [\(bits - 1):0] a,
            output reg [\(posBits - 1):0] pos,
            output valid
        );
            integer i;
            assign valid = |a;
            always @* begin
                pos = 0;
                for (i = 0; i < \(bits); i = i + 1)
                    if (a[i]) pos = i;
            end
        endmodule

        """
        let plan = VectorPlan.standard(inputs: inputs, randomCount: 100_000, seed: 1) { rng in
            // A random number of leading zeros, so every position is exercised.
            let zeros = Int(rng.next() % UInt64(bits + 1))
            return [zeros >= 64 ? 0 : rng.next() >> UInt64(zeros + 64 - bits)]
        }
        let stream = OperandStream(description: "magnitudes of LLM-like signed \(bits)-bit integers") { rng in
            let v = signExtend(LLMLikeData.integer(&rng, bits: bits, signed: true), bits: bits)
            return [v.magnitude]
        }
        return Primitive(name: name, kind: "leading-one", parameters: [("bits", "\(bits)")], inputs: inputs,
                         outputs: [PrimitivePort("pos", posBits), PrimitivePort("valid", 1)], verilog: verilog,
                         checkPlan: plan, stream: stream) { v in
            v[0] == 0 ? [0, 0] : [UInt64(63 - v[0].leadingZeroBitCount), 1]
        }
    }
}
