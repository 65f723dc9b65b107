import Exploration
import Foundation
import QArchSupport

/// `summary.md` of a sweep: what was swept, how many points were valid and feasible, and
/// per workload the Pareto front as a table with its charts; then numeric error against
/// bits per weight. Charts are referenced by file name (written beside it by `SweepReport`).
///
/// ```swift
/// let md = SweepSummary.render(result, charts: SweepCharts.names(result))
/// ```
public enum SweepSummary {
    /// Compact engineering text: 3 significant digits, exponent outside 1e-3…1e6.
    ///
    /// ```swift
    /// SweepSummary.number(1234.5)    // "1235"
    /// SweepSummary.number(0.01234)   // "0.0123"
    /// SweepSummary.number(2.5e7)     // "2.50e+07"
    /// ```
    public static func number(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == 0 { return "0" }
        let a = abs(x)
        if a >= 1e6 || a < 1e-3 { return String(format: "%.2e", x) }
        let digits = max(0, 2 - Int((a).log10Floor))
        return String(format: "%.\(digits)f", x)
    }

    public static func render(_ r: SweepResult, charts: SweepCharts.Names) -> String {
        var md = "# Design-space sweep: \(r.name)\n\n"
        if !r.description.isEmpty { md += r.description + "\n\n" }
        let ok = r.records.filter { $0.status == .ok }.count
        let infeasible = r.records.filter { if case .infeasible = $0.status { return true } else { return false } }.count
        let invalid = r.records.count - ok - infeasible
        let selection = r.selectedPoints != r.gridSize ? "\(r.selectedPoints) of the \(r.gridSize)-point grid, \(r.sampling)"
            : r.sampling == "grid" ? "all \(r.gridSize) points of the grid" : "all \(r.gridSize) points of the grid; sampling \(r.sampling)"
        md += "- **Points:** \(selection), × \(r.workloads.count) workload(s) = \(r.records.count) evaluations"
        if let s = r.shard { md += " (this is shard \(s.index) of \(s.count))" }
        md += ".\n"
        md += "- **Feasible:** \(ok); outside a constraint: \(infeasible); invalid axis combinations: \(invalid).\n"
        md += "- **Objectives:** " + r.objectives.map { "\($0.goal.rawValue) \($0.metric.rawValue)" }.joined(separator: ", ") + ".\n"
        md += "- **Constraints:** " + (r.constraints.isEmpty ? "none" : r.constraints.map(\.text).joined(separator: "; ")) + ".\n"
        md += "- **Numeric error:** each distinct unit configuration runs a GEMM tile bit-exactly on its engine (\(r.errorSource)); error against the exact product of the unquantized operands.\n"
        if let m = r.modelSource {
            md += "- **Model quality:** each distinct unit configuration runs \(m) (`qarch accuracy` on the same designs gives the same numbers).\n"
        }
        md += "- **Costs:** cycles from the closed-form engine path (identical to the cycle-stepped engine), energy and area from the cost model (`qarch evaluate`).\n"
        md += "- **Files:** [results.csv](results.csv) (every evaluation), [results.json](results.json) (the same, with breakdowns; input to `qarch report merge`).\n"
        md += "- **Fingerprint:** `\(r.fingerprint)` (the spec and its design files).\n\n"

        for (w, name) in r.workloads.enumerated() {
            let front = r.front(workload: w).sorted { $0.value(.energyPJ) < $1.value(.energyPJ) }
            md += "## Workload `\(name)`\n\n"
            md += "Pareto front: \(front.count) of \(r.records.filter { $0.workloadIndex == w && $0.status == .ok }.count) feasible points.\n\n"
            if let f = charts.pareto[safe: w] { md += "![Pareto front, \(name)](\(f))\n\n" }
            let model = r.modelSource != nil
            var t = TextTable(["point", "design", "parameters", "energy (µJ)", "latency (µs)", "area (mm²)", "TOPS/W",
                               "TOPS/mm²", "bits/weight", "rel. error", "SQNR (dB)"] + (model ? ["cosine min", "Spearman"] : []),
                              rightAligned: [true, false, false, true, true, true, true, true, true, true, true] + (model ? [true, true] : []))
            for rec in front.prefix(40) {
                t.append([String(rec.point), rec.design,
                          rec.parameters.keys.sorted().map { "\($0)=\(rec.parameters[$0]!)" }.joined(separator: ", "),
                          number(rec.value(.energyPJ) / 1e6), number(rec.value(.latencyS) * 1e6), number(rec.value(.areaMM2)),
                          number(rec.value(.topsPerW)), number(rec.value(.topsPerMM2)), number(rec.value(.bitsPerWeight)),
                          number(rec.value(.errorRelFro)), number(rec.value(.errorSQNRdB))]
                         + (model ? [String(format: "%.4f", rec.value(.cosineMin)), String(format: "%.4f", rec.value(.spearman))] : []))
            }
            md += t.renderMarkdown()
            if front.count > 40 { md += "\n(\(front.count - 40) more front points in results.csv.)\n" }
            md += "\n"
            if let f = charts.energy[safe: w] { md += "![Energy breakdown, \(name)](\(f))\n\n" }
            if let f = charts.area[safe: w] { md += "![Area breakdown, \(name)](\(f))\n\n" }
        }
        if let f = charts.errorVsBits {
            md += "## Numeric error against bits per weight\n\n"
            md += "One point per distinct unit configuration (its error does not depend on the array or memories).\n\n"
            md += "![Numeric error vs bits per weight](\(f))\n"
        }
        if let f = charts.spearmanVsBits {
            md += "\n## Model quality against bits per weight\n\n"
            md += "One point per distinct unit configuration: the Spearman ρ between the exact encoder's and the design's "
                + "pairwise sentence similarities (1 is a perfect ranking).\n\n"
            md += "![Spearman vs bits per weight](\(f))\n"
        }
        return md
    }
}

extension Double {
    /// ⌊log10 |x|⌋ for finite non-zero x, without floating-point log (exact at powers of 10).
    var log10Floor: Double {
        var a = abs(self), e = 0.0
        guard a.isFinite, a > 0 else { return 0 }
        while a >= 10 { a /= 10; e += 1 }
        while a < 1 { a *= 10; e -= 1 }
        return e
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
