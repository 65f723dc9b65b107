import ArithmeticUnits

/// Energy and area at 45 nm / 0.9 V of every `Action` on the synthesized footing, from the
/// primitives of `SynthesizedTable` (CostModel/README.md, "Synthesized footing").
///
/// An action is a kind and one width, so each kind maps to a ladder of primitives by width:
///
/// | action | primitives (width: row) |
/// |---|---|
/// | `int_add b` | 8: `add-u8`, 16: `add-u16`, 32: `add-u32` |
/// | `int_mul b` | 4: `mul-u4x4`, 8: `mul-s8x8`, 16: `mul-s16x16` (b×b; the units' products are signed, the 4-bit row is the only 4-bit square one) |
/// | `shift b` | 8: `shr-8`, 16: `shr-16`, 32: `shr-32` |
/// | `fp_add b`, `fp_mul b` | 4: E2M1, 8: E4M3, 16: FP16, 32: FP32 (`fp-add-…`, `fp-mul-…`; an action does not name its format, so 8 bits is E4M3 and 16 bits FP16, never E5M2 or BF16) |
/// | `fp_fma b` | `fp_mul b` + `fp_add b` (unfused, an upper estimate as on Horowitz) |
/// | `reg_read b`, `reg_write b`, `lut_write b` | 8: `reg-8`, 16: `reg-16`, 32: `reg-32` (a read is the operand's pipeline register in the PE; a table entry write is a register write) |
/// | `lut_read b` | 8: `table-16x8`, 16: `table-16x16` (a 16-entry read; the LUT tensor core's 8-entry symmetrized table is priced as 16 entries, an overestimate) |
/// | `mux b` | `lut_read b` / 15 (no 2:1 mux was synthesized; a 16:1 read is a tree of 15 2:1 muxes per bit) |
/// | `convert b` | `lod-b` + `shift b` + `int_add b` (normalize: leading-one detect and shift; round: an increment) |
/// | `bitserial_dot n` | `bitmod-dot4` × n/4 (BitMoD's lane datapath characterized whole, on LLM-like weight terms) |
///
/// **Widths between or beyond the ladder** (e.g. `int_add12`, `int_add6`, `shift23`,
/// `fp_mul12`) follow a piecewise power law through the ladder's points, energy and area
/// each (`powerLawInterpolate`: straight in log width / log cost between neighbours,
/// extrapolated along the end segment). A ladder whose rows are missing from the table gives
/// nil: the cost model refuses the design rather than borrowing another footing.
///
/// ```swift
/// SynthesizedActionTable.cost45(Action(.fpMul, bits: 16))?.areaUm2   // 1386.7 (fp-mul-fp16)
/// SynthesizedActionTable.cost45(Action(.intAdd, bits: 12))?.energyPJ // ≈ 0.0407, between add-u8 and add-u16
/// ```
public enum SynthesizedActionTable {
    /// The width ladder of each directly synthesized kind.
    static let ladders: [Action.Kind: [(bits: Int, row: String)]] = [
        .intAdd: [(8, "add-u8"), (16, "add-u16"), (32, "add-u32")],
        .intMul: [(4, "mul-u4x4"), (8, "mul-s8x8"), (16, "mul-s16x16")],
        .shift: [(8, "shr-8"), (16, "shr-16"), (32, "shr-32")],
        .fpAdd: [(4, "fp-add-e2m1"), (8, "fp-add-e4m3"), (16, "fp-add-fp16"), (32, "fp-add-fp32")],
        .fpMul: [(4, "fp-mul-e2m1"), (8, "fp-mul-e4m3"), (16, "fp-mul-fp16"), (32, "fp-mul-fp32")],
        .regRead: [(8, "reg-8"), (16, "reg-16"), (32, "reg-32")],
        .regWrite: [(8, "reg-8"), (16, "reg-16"), (32, "reg-32")],
        .lutWrite: [(8, "reg-8"), (16, "reg-16"), (32, "reg-32")],
        .lutRead: [(8, "table-16x8"), (16, "table-16x16")],
    ]
    static let leadingOne: [(bits: Int, row: String)] = [(8, "lod-8"), (16, "lod-16"), (32, "lod-32")]

    /// The 45 nm cost of `action` on the synthesized footing, or nil when its primitives are
    /// missing from `table`.
    public static func cost45(_ action: Action, table: SynthesizedTable = .shared) -> ComponentCost? {
        let b = action.bits
        switch action.kind {
        case .fpFMA:
            guard let m = ladder(.fpMul, b, table), let a = ladder(.fpAdd, b, table) else { return nil }
            return sum([m, a], "fp_fma\(b) = fp_mul\(b) + fp_add\(b), unfused (an upper estimate): \(m.source); \(a.source)")
        case .mux:
            guard let t = ladder(.lutRead, b, table) else { return nil }
            return ComponentCost(energyPJ: t.energyPJ / 15, areaUm2: t.areaUm2 / 15, process: SynthesizedTable.process,
                                 source: "mux\(b) = 1/15 of a 16-entry \(b)-bit table read (15 2:1 muxes per bit in the tree; no 2:1 mux "
                                     + "synthesized): \(t.source)")
        case .convert:
            guard let l = interpolate(leadingOne, b, table, "leading-one"), let s = ladder(.shift, b, table),
                  let a = ladder(.intAdd, b, table) else { return nil }
            return sum([l, s, a], "convert\(b) = leading-one detect + shift + increment of \(b) bits (normalize and round): "
                       + "\(l.source); \(s.source); \(a.source)")
        case .bitSerialDot:
            guard let row = table.row("bitmod-dot4") else { return nil }
            let f = Double(b) / 4
            return ComponentCost(energyPJ: row.energyPJ * f, areaUm2: row.areaUm2 * f, process: SynthesizedTable.process,
                                 source: b == 4 ? "synthesized bitmod-dot4"
                                     : "synthesized bitmod-dot4 × \(b)/4 lanes (only the 4-lane datapath is characterized)")
        default:
            return ladder(action.kind, b, table)
        }
    }

    static func ladder(_ kind: Action.Kind, _ bits: Int, _ table: SynthesizedTable) -> ComponentCost? {
        guard let points = ladders[kind] else { return nil }
        return interpolate(points, bits, table, kind.rawValue)
    }

    static func interpolate(_ ladder: [(bits: Int, row: String)], _ bits: Int, _ table: SynthesizedTable,
                            _ what: String) -> ComponentCost? {
        let rows = ladder.compactMap { p in table.row(p.row).map { (p.bits, $0) } }
        guard rows.count == ladder.count, !rows.isEmpty else { return nil }
        let b = Double(max(bits, 1))
        if let hit = rows.first(where: { $0.0 == bits }) {
            return ComponentCost(energyPJ: hit.1.energyPJ, areaUm2: hit.1.areaUm2, process: SynthesizedTable.process,
                                 source: "synthesized \(hit.1.name)")
        }
        let e = powerLawInterpolate(b, rows.map { (Double($0.0), $0.1.energyPJ) })
        let a = powerLawInterpolate(b, rows.map { (Double($0.0), $0.1.areaUm2) })
        let names = rows.map(\.1.name).joined(separator: ", ")
        return ComponentCost(energyPJ: e, areaUm2: a, process: SynthesizedTable.process,
                             source: "synthesized \(what) \(bits) b by power law in width through \(names)")
    }

    static func sum(_ parts: [ComponentCost], _ source: String) -> ComponentCost {
        ComponentCost(energyPJ: parts.reduce(0) { $0 + $1.energyPJ }, areaUm2: parts.reduce(0) { $0 + $1.areaUm2 },
                      process: SynthesizedTable.process, source: source)
    }
}
