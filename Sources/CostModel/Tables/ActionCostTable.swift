import ArithmeticUnits

/// Energy and area at 45 nm / 0.9 V of every `Action` a unit reports, built on
/// `HorowitzTable`.
///
/// Horowitz publishes adders, multipliers and FP add/mul only. The other actions use these
/// documented assumptions (each overridable through a design's `cost_overrides` keyed by the
/// action name, e.g. `"mux16"`):
/// - `int_add b`, `int_mul b`, `fp_add b`, `fp_mul b`: `HorowitzTable` (widths interpolated).
/// - `fp_fma b`: FP mul + FP add of width b (an unfused estimate; a fused unit is cheaper).
/// - `shift b`: a barrel shifter ≈ one b-bit integer adder (log₂ b mux stages of b bits;
///   comparable switched capacitance to a b-bit carry chain).
/// - `mux b`: a b-bit 2:1 multiplexer ≈ ¼ of a b-bit adder (one gate level vs. ~4 per bit).
/// - `reg_read b`, `reg_write b`: a b-bit flip-flop register access ≈ ½ of a b-bit adder.
/// - `lut_read b`: a small register-file table read ≈ one b-bit adder (register + mux tree);
///   `lut_write b` as `reg_write b`.
/// - `convert b`: format conversion (normalize + round) ≈ one b-bit adder.
/// - `bitserial_dot n`: one cycle of BitMoD's n-lane bit-serial multiplier and adder tree =
///   its parts: per lane a 6-bit exponent add and a 14-bit alignment shift, n − 1 6-bit
///   compares (the max tree, priced as adds) and n − 1 17-bit adds.
///
/// ```swift
/// ActionCostTable.cost45(Action(.intAdd, bits: 8)).energyPJ   // 0.03
/// ActionCostTable.cost45(Action(.mux, bits: 16)).energyPJ     // 0.0125
/// ```
public enum ActionCostTable {
    /// The 45 nm cost of `action`.
    public static func cost45(_ action: Action) -> ComponentCost {
        let b = action.bits
        func fraction(_ f: Double, _ why: String) -> ComponentCost {
            let add = HorowitzTable.intAdd(bits: b)
            return ComponentCost(energyPJ: add.energyPJ * f, areaUm2: add.areaUm2 * f, process: add.process,
                                 source: "assumption: \(action.kind.rawValue) \(b) b = \(f)× a \(b)-bit int add "
                                     + "(Horowitz ISSCC 2014) because \(why)")
        }
        switch action.kind {
        case .intAdd: return HorowitzTable.intAdd(bits: b)
        case .intMul: return HorowitzTable.intMul(bits: b)
        case .fpAdd: return HorowitzTable.fpAdd(bits: b)
        case .fpMul: return HorowitzTable.fpMul(bits: b)
        case .fpFMA:
            let m = HorowitzTable.fpMul(bits: b), a = HorowitzTable.fpAdd(bits: b)
            return ComponentCost(energyPJ: m.energyPJ + a.energyPJ, areaUm2: m.areaUm2 + a.areaUm2, process: m.process,
                                 source: "assumption: FMA = FP mul + FP add (Horowitz ISSCC 2014), an unfused upper estimate")
        case .shift:
            return fraction(1, "a barrel shifter has log₂ b mux stages of b bits, about the switched capacitance of a b-bit carry chain")
        case .mux:
            return fraction(0.25, "a b-bit 2:1 mux is one gate level per bit against about four for an adder bit")
        case .regRead:
            return fraction(0.5, "a b-bit register read drives b flip-flop outputs and their wires, about half an adder's activity")
        case .regWrite:
            return fraction(0.5, "a b-bit register write clocks b flip-flops, about half an adder's activity")
        case .lutRead:
            return fraction(1, "a small register-file table read is a register plus a mux tree, about one b-bit adder")
        case .lutWrite:
            return fraction(0.5, "a table entry write is a b-bit register write")
        case .convert:
            return fraction(1, "a format conversion normalizes and rounds, about one b-bit add")
        case .bitSerialDot:
            return bitSerialDot(lanes: b)
        }
    }

    /// `bitserial_dot n` from its parts (see the type's docs).
    static func bitSerialDot(lanes n: Int) -> ComponentCost {
        let parts = [(Action(.intAdd, bits: 6), 2 * n - 1), (Action(.shift, bits: 14), n), (Action(.intAdd, bits: 17), n - 1)]
        let costs = parts.map { (cost45($0.0), Double(max($0.1, 0))) }
        return ComponentCost(energyPJ: costs.reduce(0) { $0 + $1.0.energyPJ * $1.1 }, areaUm2: costs.reduce(0) { $0 + $1.0.areaUm2 * $1.1 },
                             process: costs[0].0.process,
                             source: "assumption: bitserial_dot\(n) = \(2 * n - 1) × int_add6 (exponent adds, max tree) + \(n) × shift14 "
                                 + "(alignment) + \(n - 1) × int_add17 (adder tree), each as priced above")
    }
}
