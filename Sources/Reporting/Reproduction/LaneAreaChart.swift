import Foundation

/// The seed reproduction's area breakdown: what dominates the per-lane area of the LUT
/// tensor core tile, the FP16 MAC tensor core and the conventional LUT tile on one footing,
/// as a stacked `BarChart` (SVG) and a Markdown appendix that embeds it with the numbers.
///
/// Components are the unit's actions (`fp_add16`, `fp_mul16`, …) with their per-lane area
/// (`ActionProfile.areaByAction`: ⌈r⌉ instances of a component used r ≥ ½ times per cycle,
/// a share r below); the three largest of each design get their own segment and the rest
/// is summed as "other", so the legend stays readable.
///
/// ```swift
/// let chart = LaneAreaChart(footing: "synthesized", lanes: try LUTTensorCoreReproduction.laneAreas(designs: lib))
/// chart.svg().hasPrefix("<?xml")        // true
/// chart.appendix().files[0].name        // "lut-vs-mac-area.svg"
/// ```
public struct LaneAreaChart: Sendable {
    public var footing: String
    public var lanes: [(label: String, components: [(name: String, areaUm2: Double)])]
    public static let fileName = "lut-vs-mac-area.svg"
    /// Components drawn on their own per design; the rest is "other".
    public static let shown = 3

    public init(footing: String, lanes: [(label: String, components: [(name: String, areaUm2: Double)])]) {
        self.footing = footing
        self.lanes = lanes
    }

    /// Each design's segments: its `shown` largest components, then "other".
    var bars: [Bar] {
        lanes.map { lane in
            let sorted = lane.components.sorted { $0.areaUm2 > $1.areaUm2 }
            var segments = sorted.prefix(Self.shown).map { (component: $0.name, value: $0.areaUm2) }
            let rest = sorted.dropFirst(Self.shown).reduce(0) { $0 + $1.areaUm2 }
            if rest > 0 { segments.append((component: "other", value: rest)) }
            return Bar(label: lane.label, segments: segments)
        }
    }

    public func svg() -> String {
        BarChart(title: "Area per lane by component (\(footing) footing, 28 nm)", valueLabel: "area per lane (µm²)", bars: bars).svg()
    }

    /// The report appendix: the chart, and a table of every design's components.
    public func appendix() -> ReproductionReport.Appendix {
        func g(_ x: Double) -> String { String(format: "%.3g", x) }
        var md = "## LUT Tensor Core against the FP16 MAC tensor core: where the area goes\n\n"
        md += "Per-lane (per-PE) area of each design of the LUT Tensor Core table on the \(footing) footing, by component "
            + "(the unit's actions, `ActionProfile.areaByAction`; the three largest per design, the rest as \"other\"):\n\n"
        md += "![area per lane](\(Self.fileName))\n\n"
        md += "| design | area per lane (µm²) | largest components (µm²) |\n|---|---:|---|\n"
        for lane in lanes {
            let total = lane.components.reduce(0) { $0 + $1.areaUm2 }
            let top = lane.components.sorted { $0.areaUm2 > $1.areaUm2 }.prefix(4)
                .map { "\($0.name) \(g($0.areaUm2)) (\(String(format: "%.0f", 100 * $0.areaUm2 / max(total, 1e-30))) %)" }
                .joined(separator: ", ")
            md += "| \(lane.label) | \(g(total)) | \(top) |\n"
        }
        return ReproductionReport.Appendix(title: "LUT TC vs FP16 MAC TC: area per lane", markdown: md,
                                           files: [(Self.fileName, svg())])
    }
}
