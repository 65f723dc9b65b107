import NumberFormats

extension Primitive {
    /// An N-entry table read (a mux of N W-bit entries, the lookup of a LUT tensor core):
    /// inputs `t0…t{N−1}` and `sel` of ⌈log2 N⌉ bits, output `y = t[sel]`.
    ///
    /// ```swift
    /// let p = Primitive.tableRead(entries: 4, bits: 4)   // "table-4x4": t0…t3[3:0], sel[1:0] → y[3:0]
    /// p.reference([1, 2, 3, 4, 2])                       // [3]
    /// ```
    public static func tableRead(entries: Int, bits: Int) -> Primitive {
        let name = "table-\(entries)x\(bits)"
        let module = name.replacingOccurrences(of: "-", with: "_")
        let selBits = max(1, ceilLog2(entries))
        let inputs = (0..<entries).map { PrimitivePort("t\($0)", bits) } + [PrimitivePort("sel", selBits)]
        let ports = (0..<entries).map { "    input  [\(bits - 1):0] t\($0)," }.joined(separator: "\n")
        let flat = (0..<entries).reversed().map { "t\($0)" }.joined(separator: ", ")
        let verilog = """
        // \(name): \(entries)-entry table read of \(bits)-bit entries (qarch characterize).
        module \(module) (
        \(ports)
            input  [\(selBits - 1):0] sel,
            output [\(bits - 1):0] y
        );
            wire [\(entries * bits - 1):0] flat = {\(flat)};
            assign y = flat[sel * \(bits) +: \(bits)];
        endmodule

        """
        let plan = VectorPlan.standard(inputs: inputs, randomCount: 100_000, seed: 1) { rng in
            (0...entries).map { _ in rng.next() }
        }
        // A LUT tensor core fills its table once per weight group and reads it every cycle:
        // the entries stay fixed over the stream and the index changes.
        var fill = SplitMix64(seed: 11)
        let table = (0..<entries).map { _ in LLMLikeData.integer(&fill, bits: bits, signed: true) }
        let stream = OperandStream(description: "fixed LLM-like signed entries, uniform random index per read") { rng in
            table + [rng.next()]
        }
        return Primitive(name: name, kind: "table-read", parameters: [("entries", "\(entries)"), ("bits", "\(bits)")], inputs: inputs,
                         outputs: [PrimitivePort("y", bits)], verilog: verilog, checkPlan: plan, stream: stream) { v in
            let sel = Int(v[entries])
            return [sel < entries ? v[sel] : 0]
        }
    }
}
