import Foundation
import ArithmeticUnits
import NumberFormats

extension Primitive {
    /// Lanes of BitMoD's bit-serial dot product.
    public static let bitSerialLanes = 4

    /// BitMoD's 4-lane bit-serial multiplier and adder tree, one cycle of it
    /// (ArithmeticUnits/README.md, "BitMoD PE", steps 2–3): per lane an FP16 activation and
    /// one weight term; out comes the 17-bit partial sum and its 6-bit exponent.
    ///
    /// Ports: `a0…a3` are 17 bits `{sign, exponent[4:0] (biased, subnormals at 1),
    /// significand[10:0] (hidden bit included)}`; `t0…t3` are 5 bits `{valid, negative,
    /// exp[2:0]}` (the term ±2^exp, or zero when not valid). The datapath: v_i = a_exp + t_exp
    /// (6 bits), the maximum of the four, delta_i = max − v_i; the lane's product is the
    /// significand (valid terms) or 0, placed in a 14-bit field and shifted right by delta_i
    /// (0 beyond 14; low bits dropped), negated when a_sign ≠ t_negative; the four sum in 17
    /// bits. The reference is `BitMoDRTLDatapath.partialSum`, the unit model the simulator
    /// runs, so a passing check says this RTL computes the same bits.
    ///
    /// `weights` picks the operand stream the toggles are measured on (`BitMoDLaneStream`),
    /// and with it the table row: `bitmod-dot4` (LLM-like weights, what the cost model
    /// prices), `bitmod-dot4-dense` (every weight term set) or `bitmod-dot4-pruned` (half the
    /// weights zero). The three rows share cells and area and differ in toggles only.
    ///
    /// ```swift
    /// let p = Primitive.bitSerialDot(weights: .llmLike)        // "bitmod-dot4"
    /// // 1.0 (exponent 15, significand 0x400) times +2^1 in lane 0, zero terms elsewhere:
    /// p.reference([15 << 11 | 0x400, 0, 0, 0, 0b10001, 0, 0, 0])   // [0x2000, 16]: 0x400 << 3, exponent 15 + 1
    /// ```
    public static func bitSerialDot(weights: BitMoDLaneStream.WeightBits) -> Primitive {
        let name = weights == .llmLike ? "bitmod-dot4" : "bitmod-dot4-\(weights.rawValue)"
        let module = name.replacingOccurrences(of: "-", with: "_")
        let lanes = 0..<bitSerialLanes
        let inputs = lanes.map { PrimitivePort("a\($0)", 17) } + lanes.map { PrimitivePort("t\($0)", 5) }
        let outputs = [PrimitivePort("psum", 17), PrimitivePort("pexp", 6)]
        let ports = lanes.map { "    input  [16:0] a\($0)," }.joined(separator: "\n") + "\n"
            + lanes.map { "    input  [4:0] t\($0)," }.joined(separator: "\n")
        let exponents = lanes.map { "    wire [5:0] v\($0) = {1'b0, a\($0)[15:11]} + {3'b000, t\($0)[2:0]};" }.joined(separator: "\n")
        let laneLogic = lanes.map { i in
            """
                wire [5:0] d\(i) = pexp - v\(i);
                wire [13:0] p\(i) = t\(i)[4] ? {a\(i)[10:0], 3'b000} : 14'd0;
                wire [13:0] s\(i) = (d\(i) > 6'd14) ? 14'd0 : (p\(i) >> d\(i));
                wire [16:0] x\(i) = (a\(i)[16] ^ t\(i)[3]) ? (17'd0 - {3'b000, s\(i)}) : {3'b000, s\(i)};
            """
        }.joined(separator: "\n")
        let verilog = """
        // \(name): BitMoD's 4-lane bit-serial multiplier and adder tree, one cycle (qarch characterize).
        module \(module) (
        \(ports)
            output [16:0] psum,
            output [5:0] pexp
        );
        \(exponents)
            wire [5:0] m01 = (v0 > v1) ? v0 : v1;
            wire [5:0] m23 = (v2 > v3) ? v2 : v3;
            assign pexp = (m01 > m23) ? m01 : m23;
        \(laneLogic)
            assign psum = x0 + x1 + x2 + x3;
        endmodule

        """
        let plan = VectorPlan.standard(inputs: inputs, randomCount: 100_000, seed: 1, special: bitSerialSpecials) { rng in
            // Exponents near a common base most of the time, so alignment shifts stay in range.
            let base = rng.next() % 31 + 1
            let a = lanes.map { _ in
                let r = rng.next()
                let e = r & 3 == 0 ? (r >> 2) % 32 : min(max(base + (r >> 2) % 9, 4) - 4, 31)
                return ((r >> 8) & 1) << 16 | e << 11 | ((r >> 16) & 0x7FF)
            }
            let t = lanes.map { _ in
                let r = rng.next()
                return (r & 3 == 0 ? 0 : 1) << 4 | ((r >> 2) & 1) << 3 | (r & 16 == 0 ? (r >> 8) % 5 : (r >> 8) & 7)
            }
            return a + t
        }
        let lanesStream = BitMoDLaneStream(weights: weights)
        let stream = lanesStream.operandStream
        let density = String(format: "%.3f", lanesStream.termDensity)
        return Primitive(name: name, kind: "bit-serial-dot",
                         parameters: [("lanes", "\(bitSerialLanes)"), ("weights", weights.rawValue), ("term_density", density)],
                         inputs: inputs, outputs: outputs, verilog: verilog, checkPlan: plan, stream: stream) { v in
            let laneOperands = lanes.map { i in
                BitMoDRTLDatapath.Lane(aNegative: (v[i] >> 16) & 1 == 1, aExponent: Int((v[i] >> 11) & 31), aSignificand: Int(v[i] & 0x7FF),
                                       term: BitMoDTerms.Term(sign: (v[4 + i] >> 3) & 1 == 1, exponent: Int(v[4 + i] & 7),
                                                              valid: (v[4 + i] >> 4) & 1 == 1, significance: 0))
            }
            let (sum, exponent) = BitMoDRTLDatapath.partialSum(laneOperands)
            return [UInt64(bitPattern: Int64(sum)) & 0x1FFFF, UInt64(exponent) & 63]
        }
    }

    /// The 17-bit activation field of a lane: `{sign, exponent[4:0], significand[10:0]}`.
    static func laneActivationField(_ lane: BitMoDRTLDatapath.Lane) -> UInt64 {
        UInt64(lane.aNegative ? 1 : 0) << 16 | UInt64(lane.aExponent & 31) << 11 | UInt64(lane.aSignificand & 0x7FF)
    }

    /// The 5-bit term field of a lane: `{valid, negative, exp[2:0]}`.
    static func laneTermField(_ term: BitMoDTerms.Term) -> UInt64 {
        UInt64(term.valid ? 1 : 0) << 4 | UInt64(term.negative ? 1 : 0) << 3 | UInt64(term.exp & 7)
    }

    /// All zero, all ones, each lane alone at the largest operands, and four equal lanes
    /// whose products cancel in pairs.
    static let bitSerialSpecials: [[UInt64]] = {
        var out: [[UInt64]] = [[UInt64](repeating: 0, count: 8), [UInt64](repeating: 0x1FFFF, count: 4) + [UInt64](repeating: 0x1F, count: 4)]
        for i in 0..<bitSerialLanes {
            var v = [UInt64](repeating: 0, count: 8)
            v[i] = 0x0FFFF
            v[4 + i] = 0b10100
            out.append(v)
        }
        out.append([0x0FFFF, 0x1FFFF, 0x0FFFF, 0x1FFFF, 0b10000, 0b10000, 0b10000, 0b10000])
        return out
    }()
}
