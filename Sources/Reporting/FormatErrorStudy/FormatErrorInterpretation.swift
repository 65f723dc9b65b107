import Exploration

/// The interpretation of a format-error study, written from its numbers: which format is
/// most accurate for its bits, what the block and scale choices buy, and what the cost
/// columns can and cannot be compared on.
///
/// Each sentence is produced only when the formats it compares are in the result, and
/// every comparison word ("lower", "higher") follows the measured values.
///
/// ```swift
/// FormatErrorInterpretation.bullets(result).first
/// // "FP16 (16 bits per weight) is the high-precision anchor: 0.0289 % relative error (70.8 dB) …"
/// ```
public enum FormatErrorInterpretation {
    public static func bullets(_ result: FormatErrorStudyResult) -> [String] {
        let n = FormatErrorNumberText.self
        let ms = result.measurements
        guard !ms.isEmpty else { return ["No formats were measured."] }
        func find(_ label: String) -> FormatErrorMeasurement? { ms.first { $0.label == label } }
        func err(_ m: FormatErrorMeasurement) -> String {
            "\(n.percent(m.overall.relativeFrobenius)) % (\(n.fixed(m.overall.sqnrDB, 1)) dB)"
        }
        func compare(_ a: Double, _ b: Double) -> String { a < b ? "lower" : (a > b ? "higher" : "the same") }
        var out: [String] = []

        // The anchor: the format with the most bits per weight.
        let anchor = ms.max { $0.bitsPerWeight < $1.bitsPerWeight }!
        out.append("\(anchor.label) (\(n.significant(anchor.bitsPerWeight)) bits per weight) is the high-precision "
                   + "anchor: \(err(anchor)) relative error, the cost of rounding the operands to "
                   + "\(anchor.activationFormat)/\(anchor.weightFormat) alone.")

        // Ranking of the narrow formats by error.
        let narrow = ms.filter { $0.bitsPerWeight < 8 }.sorted {
            ($0.overall.relativeFrobenius, $0.bitsPerWeight) < ($1.overall.relativeFrobenius, $1.bitsPerWeight)
        }
        if narrow.count > 1 {
            out.append("Below 8 bits per weight, from most to least accurate: "
                       + narrow.map { "\($0.label) \(n.percent($0.overall.relativeFrobenius)) % at "
                           + "\(n.significant($0.bitsPerWeight, 5)) bits" }.joined(separator: "; ") + ".")
        }

        if let h = find("HiF8") {
            var s = "HiF8 (8 bits, activations and weights) reaches \(err(h))"
            if h.label != anchor.label {
                s += ", \(n.ratio(h.overall.relativeFrobenius, anchor.overall.relativeFrobenius)) the \(anchor.label) error"
            }
            if let best = narrow.first {
                s += " and \(n.ratio(h.overall.relativeFrobenius, best.overall.relativeFrobenius)) that of the best "
                    + "4-bit-class format (\(best.label))"
            }
            s += "."
            if h.outputFormat == "hif8" {
                s += " Its design re-encodes every output to HiF8 (ties away, 3 mantissa bits near 1), so part of this "
                    + "error is output rounding, not operand rounding"
                if let f = find(FormatErrorCandidate.hif8FP32OutputLabel) {
                    s += ": with FP32 outputs the same HiF8 operands give \(err(f)) (\(n.ratio(f.overall.relativeFrobenius, h.overall.relativeFrobenius)))"
                }
                s += "."
            }
            out.append(s)
        }

        if let nv = find("NVFP4"), let mx = find("MXFP4") {
            let r = nv.overall.relativeFrobenius, q = mx.overall.relativeFrobenius
            out.append("NVFP4 (16-element blocks, E4M3 block scales) has \(compare(r, q)) error than MXFP4 "
                       + "(32-element blocks, power-of-two E8M0 scales): \(err(nv)) against \(err(mx)), "
                       + "\(n.ratio(r, q)), for \(n.significant(nv.bitsPerWeight - mx.bitsPerWeight)) more bits per weight.")
        }

        let weightOnly = ms.filter { $0.bitsPerWeight < 8 && $0.bitsPerActivation >= 16 }
        let bothFour = ms.filter { $0.bitsPerWeight < 8 && $0.bitsPerActivation < 8 }
        if let w = weightOnly.min(by: { $0.overall.relativeFrobenius < $1.overall.relativeFrobenius }),
           let b = bothFour.min(by: { $0.overall.relativeFrobenius < $1.overall.relativeFrobenius }) {
            out.append("\(weightOnly.map(\.label).joined(separator: ", ")) quantize only the weights (FP16 activations); "
                       + "\(bothFour.map(\.label).joined(separator: ", ")) quantize the activations to 4 bits as well. "
                       + "The best weight-only format (\(w.label), \(err(w))) has \(compare(w.overall.relativeFrobenius, b.overall.relativeFrobenius)) "
                       + "error than the best W4A4 format (\(b.label), \(err(b))).")
        }

        if let w4 = find("BitMoD W4"), let w3 = find("BitMoD W3") {
            out.append("Dropping BitMoD from 4 to 3 bits saves \(n.significant(w4.bitsPerWeight - w3.bitsPerWeight)) bit "
                       + "per weight and moves the error from \(err(w4)) to \(err(w3)) (\(n.ratio(w3.overall.relativeFrobenius, w4.overall.relativeFrobenius))).")
        }
        if let w4 = find("BitMoD W4"), let i4 = find("INT4-g128") {
            out.append("At the same group size of 128 and FP16 activations, BitMoD W4's per-group FP4 data types give "
                       + "\(compare(w4.overall.relativeFrobenius, i4.overall.relativeFrobenius)) error than uniform INT4 "
                       + "with a zero point: \(err(w4)) against \(err(i4)).")
        }

        // Cost: PE energy is the like-for-like figure; totals carry each design's memory system.
        let byPE = ms.sorted { ($0.peEnergyPerMACpJ, $0.label) < ($1.peEnergyPerMACpJ, $1.label) }
        if let lo = byPE.first, let hi = byPE.last {
            out.append("Arithmetic cost: the PE energy per MAC runs from \(n.significant(lo.peEnergyPerMACpJ)) pJ "
                       + "(\(lo.label)) to \(n.significant(hi.peEnergyPerMACpJ)) pJ (\(hi.label)).")
        }
        var dramGroups: [(pj: Double, labels: [String])] = []
        for m in ms {
            if let i = dramGroups.firstIndex(where: { $0.pj == m.dramReadPJPerBit }) { dramGroups[i].labels.append(m.label) } else {
                dramGroups.append((m.dramReadPJPerBit, [m.label]))
            }
        }
        if dramGroups.count > 1 {
            let groups = dramGroups.map { "\(n.significant($0.pj, 4)) pJ/bit for \($0.labels.joined(separator: ", "))" }
            let share = ms.map { "\($0.label) \(n.fixed(100 * $0.dramEnergyPerMACpJ / $0.energyPerMACpJ, 0)) %" }
            out.append("The total energy per MAC is not a like-for-like comparison: the designs take their DRAM energy "
                       + "from different artifacts (\(groups.joined(separator: "; "))), and DRAM is this share of each "
                       + "total: \(share.joined(separator: ", ")). Compare formats on the PE column; the totals say what "
                       + "each design file costs as configured.")
        }

        // Pareto front on (error, PE energy per MAC).
        let front = ParetoFront.indices(ms.map { [$0.overall.relativeFrobenius, $0.peEnergyPerMACpJ] })
        out.append("On relative error against PE energy per MAC, the non-dominated formats are "
                   + front.map { ms[$0].label }.joined(separator: ", ") + ".")

        let byArea = ms.sorted { ($0.topsPerMM2, $0.label) > ($1.topsPerMM2, $1.label) }
        if let top = byArea.first, let bottom = byArea.last, byArea.count > 1 {
            out.append("Compute density: \(top.label) delivers the most TOPS/mm² (\(n.significant(top.topsPerMM2))), "
                       + "\(bottom.label) the least (\(n.significant(bottom.topsPerMM2))), each on its own array size and clock.")
        }
        return out
    }
}
