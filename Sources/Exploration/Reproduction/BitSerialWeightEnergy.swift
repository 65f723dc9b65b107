import ArithmeticUnits
import CostModel
import DesignModel
import Foundation

/// Issue 13's data-dependent energy: BitMoD's bit-serial lane datapath, synthesized once
/// (`bitmod-dot4`, Sources/Characterize) and measured on three weight streams of the same
/// activations — dense weight bits (every term nonzero), LLM-like weights (what the cost
/// model prices) and the same weights 50 % magnitude-pruned — and what each does to the
/// BitMoD-W4 PE's energy per MAC on the synthesized footing.
///
/// The three table rows share cells and area; only the toggles measured on the netlist
/// differ. The PE figure swaps the `bitserial_dot4` action's energy for each row's, scaled to
/// the design's node and voltage like the priced row (the other actions — accumulator,
/// shifts, dequantization — are the table's LLM-like figures), so the PE rows show how much
/// of the datapath difference reaches a whole PE.
///
/// ```swift
/// let s = try BitSerialWeightEnergy.section(designs: ReproductionDesigns(directory: URL(fileURLWithPath: "Designs")))
/// s.rows.first?.labels   // ["dense", "lane datapath pJ per cycle (45 nm)"]
/// ```
public enum BitSerialWeightEnergy {
    /// The weight streams, in table order: (row label, primitive).
    public static let streams: [(label: String, primitive: String)] = [
        ("dense", "bitmod-dot4-dense"), ("LLM-like", "bitmod-dot4"), ("pruned 50 %", "bitmod-dot4-pruned"),
    ]
    /// The design whose PE the rows price.
    public static let designFile = "bitmod-w4.json"

    public static func section(designs lib: ReproductionDesigns, table: SynthesizedTable = .shared) throws(ReproductionError)
        -> ReproductionSection {
        let rows = try streams.map { s throws(ReproductionError) -> SynthesizedTable.Row in
            guard let r = table.row(s.primitive) else {
                throw .evaluation(design: designFile, workload: "PE", message: "\(s.primitive) is missing from the synthesized table; run make characterize")
            }
            return r
        }
        let design = try lib.on(.synthesized).load(designFile).design
        let profile = ActionProfile(design: design, library: CostLibrary(design: design))
        let dot = Action(.bitSerialDot, bits: 4)
        guard let priced = profile.perMAC.first(where: { $0.action == dot }), let base = table.row("bitmod-dot4") else {
            throw .evaluation(design: design.name, workload: "PE", message: "the BitMoD PE reports no \(dot) action")
        }
        let total = profile.perMAC.reduce(0) { $0 + $1.perMAC * $1.pj }
        let pe = rows.map { r in total + priced.perMAC * priced.pj * (r.energyPJ / base.energyPJ - 1) }
        let dense = 0
        var out: [ReproductionRow] = []
        for (i, (s, r)) in zip(streams, rows).enumerated() {
            out.append(ReproductionRow(labels: [s.label, "term density"], published: nil, ours: Double(r.parameters["term_density"] ?? "") ?? .nan))
            out.append(ReproductionRow(labels: [s.label, "lane datapath toggle rate"], published: nil, ours: r.toggleRate))
            out.append(ReproductionRow(labels: [s.label, "lane datapath pJ per cycle (45 nm)"], published: nil, ours: r.energyPJ))
            out.append(ReproductionRow(labels: [s.label, "BitMoD-W4 PE pJ per MAC (\(String(format: "%g", design.technology.nodeNm)) nm, synthesized)"],
                                       published: nil, ours: pe[i]))
            if i != dense {
                out.append(ReproductionRow(labels: [s.label, "PE energy / dense"], published: nil, ours: pe[i] / pe[dense]))
            }
        }
        func pct(_ x: Double) -> String { String(format: "%+.1f %%", (x - 1) * 100) }
        let llm = rows[1].energyPJ / rows[0].energyPJ, pruned = rows[2].energyPJ / rows[0].energyPJ
        let intro = """
            BitMoD's PE is bit-serial: each cycle its four lanes multiply an FP16 activation by one signed power-of-two term \
            of the weight (two terms per 4-bit weight), so the weight's bits set how the datapath switches. The lane \
            datapath (exponent adds, max tree, alignment shifts, negation, 17-bit adder tree; `bitmod-dot4`, checked against \
            `BitMoDRTLDatapath.partialSum` on 100 007 vectors before synthesis) was synthesized once and its netlist's \
            toggles measured under Verilator on three weight streams with the same LLM-like FP16 activations, in the order \
            one PE consumes K (`BitMoDLaneStream`): **dense** weight bits (every term nonzero), **LLM-like** weights \
            quantized by BitMoD's own mixed-datatype quantizer (the row the cost model prices) and the same weights with the \
            smaller half of |w| **pruned** to zero. Energy per cycle = gate equivalents × 1.296 fJ × toggle rate \
            (Sources/Characterize/README.md). No paper publishes these numbers: the rows are ours alone.
            """
        let notes = """
            Against dense weight bits, the lane datapath costs \(pct(llm)) on LLM-like weights and \(pct(pruned)) on pruned \
            ones; the whole BitMoD-W4 PE (lane datapath, accumulator, shifts and the per-group dequantizer, synthesized \
            footing) \(pct(pe[1] / pe[0])) and \(pct(pe[2] / pe[0])). Energy follows switching, not the count of set bits: \
            the LLM-like stream has about half its terms zero, but they alternate with nonzero terms (a weight such as 1 or \
            4 has one term, so its second cycle is zero), and every change between a zero and a nonzero product toggles \
            the shifter, negation and adder tree; the pruned stream's zeros come in runs (both cycles of a zero weight), so \
            the lanes hold still. This datapath has no zero-term gating (neither has BitMoD's RTL); a design that skips or \
            gates zero terms would save more on sparse bits. `qarch evaluate` prices BitMoD with the LLM-like row; a \
            design may price its lane datapath from another stream with a `cost_overrides` entry for `bitserial_dot4` \
            (the figure and its source).
            """
        return ReproductionSection(title: "BitMoD energy on dense and sparse weight bits", intro: intro,
                                   labelColumns: ["weight bits", "quantity"], valueName: "measured value",
                                   csvName: "bitmod-weight-bits.csv", rows: out, notes: notes)
    }
}
