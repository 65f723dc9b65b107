import Exploration

/// The SVG charts of a sweep report and their file names:
/// - `pareto-W.svg` per workload W: energy against latency of every feasible point (log
///   scales), one colour per base design, front points (all objectives) highlighted, and the
///   two-objective energy–latency front drawn as a staircase;
/// - `energy-W.svg` / `area-W.svg`: stacked breakdown bars of the front's lowest-energy
///   points (at most 12);
/// - `error-vs-bits.svg`: numeric error against bits per weight, one point per distinct
///   unit configuration;
/// - `spearman-vs-bits.svg` (sweeps measuring model quality): the Spearman ρ of the model's
///   sentence similarities against bits per weight, one point per distinct unit configuration.
///
/// ```swift
/// let (files, names) = SweepCharts.render(result)
/// names.pareto   // ["pareto-0.svg", "pareto-1.svg"]
/// ```
public enum SweepCharts {
    /// File names of the charts, per workload where per workload.
    public struct Names: Sendable, Equatable {
        public var pareto: [String] = []
        public var energy: [String] = []
        public var area: [String] = []
        public var errorVsBits: String?
        public var spearmanVsBits: String?
        public init() {}
    }

    /// Most bars in a breakdown chart.
    public static let maxBars = 12

    /// The charts of `r`: file name → SVG text, and the names for the summary.
    public static func render(_ r: SweepResult) -> (files: [(name: String, svg: String)], names: Names) {
        var files: [(String, String)] = []
        var names = Names()
        let designs = orderedDesigns(r)
        for (w, workload) in r.workloads.enumerated() {
            let ok = r.records.filter { $0.workloadIndex == w && $0.status == .ok }
            var series = designs.map { d in
                ScatterSeries(name: d, points: ok.filter { $0.design == d }.map {
                    ChartPoint(x: $0.value(.latencyS), y: $0.value(.energyPJ) / 1e6, highlighted: $0.pareto)
                })
            }.filter { !$0.points.isEmpty }
            let front2D = ParetoFront.indices(ok.map { [$0.value(.latencyS), $0.value(.energyPJ)] }).map { ok[$0] }
                .sorted { $0.value(.latencyS) < $1.value(.latencyS) }
            series.append(ScatterSeries(name: "energy–latency front",
                                        points: front2D.map { ChartPoint(x: $0.value(.latencyS), y: $0.value(.energyPJ) / 1e6) },
                                        connect: true, steps: true))
            let pareto = ScatterChart(title: "Design points, \(workload) (highlighted: Pareto front of all objectives)",
                                      xLabel: "latency (s)", yLabel: "energy (µJ)", xScale: .log10, yScale: .log10, series: series)
            let pName = "pareto-\(w).svg"
            files.append((pName, pareto.svg()))
            names.pareto.append(pName)

            let front = ok.filter(\.pareto).sorted { $0.value(.energyPJ) < $1.value(.energyPJ) }.prefix(maxBars)
            let label = { (rec: SweepRecord) in "#\(rec.point) \(rec.design)" }
            let energy = BarChart(title: "Energy breakdown, lowest-energy front points, \(workload)", valueLabel: "energy (µJ)",
                                  bars: front.map { rec in
                                      Bar(label: label(rec), segments: rec.energyPJ.filter { $0.key != "total" }.map { ($0.key, $0.value / 1e6) })
                                  })
            let area = BarChart(title: "Area breakdown, lowest-energy front points, \(workload)", valueLabel: "area (mm²)",
                                bars: front.map { rec in
                                    Bar(label: label(rec), segments: rec.areaUm2.filter { $0.key != "total" }.map { ($0.key, $0.value / 1e6) })
                                })
            let eName = "energy-\(w).svg", aName = "area-\(w).svg"
            files.append((eName, energy.svg()))
            files.append((aName, area.svg()))
            names.energy.append(eName)
            names.area.append(aName)
        }

        // One point per distinct (design, unit parameters, bits, value).
        let error = byUnitConfiguration(r, .errorRelFro)
        if !error.isEmpty {
            let data = r.errorSource.hasPrefix("real all-MiniLM") ? "all-MiniLM-L6-v2 GEMM tile" : "synthetic LLM-like GEMM tile"
            let chart = ScatterChart(title: "Numeric error against bits per weight (\(data))",
                                     xLabel: "bits per weight (incl. scales and zero points)", yLabel: "relative Frobenius error",
                                     xScale: .linear, yScale: .log10,
                                     series: designs.compactMap { d in error[d].map { ScatterSeries(name: d, points: $0) } })
            files.append(("error-vs-bits.svg", chart.svg(width: 820, height: 520)))
            names.errorVsBits = "error-vs-bits.svg"
        }
        let spearman = byUnitConfiguration(r, .spearman)
        if !spearman.isEmpty {
            let chart = ScatterChart(title: "Model quality against bits per weight (all-MiniLM-L6-v2 end to end)",
                                     xLabel: "bits per weight (incl. scales and zero points)",
                                     yLabel: "Spearman ρ of sentence similarities", xScale: .linear, yScale: .linear,
                                     series: designs.compactMap { d in spearman[d].map { ScatterSeries(name: d, points: $0) } })
            files.append(("spearman-vs-bits.svg", chart.svg(width: 820, height: 520)))
            names.spearmanVsBits = "spearman-vs-bits.svg"
        }
        return (files, names)
    }

    /// One chart point (bits per weight, `metric`) per distinct design and unit parameters,
    /// by design, skipping NaN values.
    static func byUnitConfiguration(_ r: SweepResult, _ metric: SweepMetric) -> [String: [ChartPoint]] {
        var seen = Set<String>()
        var byDesign: [String: [ChartPoint]] = [:]
        for rec in r.records where !rec.value(metric).isNaN {
            // The colour names the design; the label only the unit parameters that vary.
            let label = rec.parameters.keys.sorted().filter { $0.hasPrefix("unit.") }.map { key -> String in
                let v = rec.parameters[key]!
                switch key {
                case "unit.group_size": return "g" + v
                case "unit.bits": return "w" + v
                default: return v
                }
            }.joined(separator: "/")
            let key = "\(rec.design)|\(label)|\(rec.value(.bitsPerWeight))|\(rec.value(metric))"
            guard seen.insert(key).inserted else { continue }
            byDesign[rec.design, default: []].append(ChartPoint(x: rec.value(.bitsPerWeight), y: rec.value(metric),
                                                                label: label.isEmpty ? nil : label, highlighted: true))
        }
        return byDesign
    }

    /// Base design names in first-appearance order (stable colours across charts).
    static func orderedDesigns(_ r: SweepResult) -> [String] {
        var out: [String] = []
        for rec in r.records where !out.contains(rec.design) { out.append(rec.design) }
        return out
    }
}
