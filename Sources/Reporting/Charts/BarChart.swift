import Foundation

/// Stacked horizontal bars as a standalone SVG 1.1 document: the energy or area breakdown
/// of each design, one bar per design and one colour per component.
///
/// Components take palette colours (`ChartPalette`, Okabe–Ito) in order of first
/// appearance across all bars, so a component has the same colour in every bar; the legend
/// lists them in that order. The value axis starts at 0 with nice 1-2-5 ticks; each bar's
/// total (with the unit from `valueLabel`'s trailing "(unit)") is written at its end, and segments wide enough carry their value (or, when
/// `normalized`, their share in %). With `normalized` every bar spans 0…100 % of its own
/// total and the axis title becomes "<quantity> share (%)" (the quantity is `valueLabel`
/// without a trailing "(unit)"). Negative or non-finite segment values are skipped and
/// counted in a footnote; with no bar or no drawable segment the chart says "no data".
///
/// ```swift
/// let chart = BarChart(title: "Energy per inference", valueLabel: "energy (µJ)", bars: [
///     Bar(label: "baseline-fp16", segments: [("PE array", 80), ("SRAM", 25), ("DRAM", 60)]),
///     Bar(label: "mixpe-w4a8", segments: [("PE array", 30), ("SRAM", 20), ("DRAM", 35)]),
/// ])
/// let svg = chart.svg()            // 720 wide, height from the number of bars
/// chart.components                 // ["PE array", "SRAM", "DRAM"]
/// ```
public struct BarChart: Sendable {
    public var title: String
    /// The value axis title with its unit, e.g. "energy (µJ)".
    public var valueLabel: String
    public var bars: [Bar]
    /// Scale each bar to 100 % of its own total.
    public var normalized: Bool

    public init(title: String, valueLabel: String, bars: [Bar] = [], normalized: Bool = false) {
        self.title = title
        self.valueLabel = valueLabel
        self.bars = bars
        self.normalized = normalized
    }

    /// Component names in order of first appearance (the legend order and colour order).
    ///
    /// ```swift
    /// BarChart(title: "t", valueLabel: "v", bars: [Bar(label: "p", segments: [("sram", 1), ("pe", 2)]),
    ///                                             Bar(label: "q", segments: [("dram", 1), ("sram", 1)])])
    ///     .components   // ["sram", "pe", "dram"]
    /// ```
    public var components: [String] {
        var seen = Set<String>()
        var out: [String] = []
        for bar in bars {
            for segment in bar.segments where seen.insert(segment.component).inserted { out.append(segment.component) }
        }
        return out
    }

    /// The number of segments that cannot be drawn (negative or non-finite value); the chart
    /// notes them in a footnote.
    ///
    /// ```swift
    /// BarChart(title: "t", valueLabel: "v", bars: [Bar(label: "a", segments: [("x", -1), ("y", .nan), ("z", 5)])])
    ///     .hiddenSegmentCount   // 2
    /// ```
    public var hiddenSegmentCount: Int {
        bars.reduce(0) { $0 + $1.segments.filter { !($0.value.isFinite && $0.value >= 0) }.count }
    }

    /// The axis title: `valueLabel`, or "<quantity> share (%)" when normalized.
    ///
    /// ```swift
    /// BarChart(title: "t", valueLabel: "energy (µJ)").axisTitle                    // "energy (µJ)"
    /// BarChart(title: "t", valueLabel: "energy (µJ)", normalized: true).axisTitle  // "energy share (%)"
    /// ```
    public var axisTitle: String {
        guard normalized else { return valueLabel }
        let quantity = splitValueLabel.quantity
        return quantity.isEmpty ? "share (%)" : quantity + " share (%)"
    }

    /// `valueLabel` split into quantity and unit: "energy (µJ)" → ("energy", "µJ"); without
    /// a trailing parenthesis the unit is empty.
    var splitValueLabel: (quantity: String, unit: String) {
        guard valueLabel.hasSuffix(")"), let open = valueLabel.range(of: " (", options: .backwards) else {
            return (valueLabel, "")
        }
        let unit = valueLabel[open.upperBound...].dropLast()
        return (String(valueLabel[..<open.lowerBound]), String(unit))
    }

    /// The text at the end of a bar: its total, compact, with the unit ("396 µJ").
    func totalText(_ bar: Bar) -> String {
        let unit = splitValueLabel.unit
        return ChartNumberFormat.compact(bar.total) + (unit.isEmpty ? "" : " " + unit)
    }

    /// The chart as an SVG document `width` pixels wide (at least 240). With `height` nil
    /// the height follows the bar count (30 px per bar); otherwise the bars share `height`.
    ///
    /// ```swift
    /// let chart = BarChart(title: "t", valueLabel: "energy", bars: [
    ///     Bar(label: "a", segments: [("x", 30), ("y", 10)]), Bar(label: "b", segments: [("x", 20)])])
    /// chart.svg()   // 720 × 182; axis 0…40 over x = 64…692, so bar a's "x" segment is 471 px wide
    /// ```
    public func svg(width: Int = 720, height: Int? = nil) -> String {
        let layout = BarLayout(chart: self, width: Double(max(width, 240)), height: height.map(Double.init))
        var doc = SVGDocument(width: Int(layout.width), height: Int(layout.height), title: title)
        let area = layout.area
        ChartFrame.title(title, width: layout.width, into: &doc)
        ChartFrame.axisLabels(x: axisTitle, y: nil, area: area, height: layout.height, into: &doc)
        ChartFrame.footnote(hiddenSegmentCount, noun: "segment", reason: "negative or non-finite",
                            area: area, height: layout.height, into: &doc)
        guard let axis = layout.axis else {
            ChartFrame.noData(area: area, into: &doc)
            return doc.render()
        }
        let colors = Dictionary(uniqueKeysWithValues: components.enumerated().map { ($1, ChartPalette.color($0)) })
        layout.legend.draw(into: &doc, top: BarLayout.legendTop)
        AxisDrawing.bottom(axis, area: area, into: &doc)

        for (index, bar) in bars.enumerated() {
            let top = layout.barTop(index)
            let mid = top + layout.barThickness / 2
            let maxLabel = area.left - 16
            doc.text(TextMetrics.truncate(bar.label, toWidth: maxLabel, fontSize: BarLayout.labelFontSize),
                     x: area.left - 8, y: mid + 4, size: BarLayout.labelFontSize, anchor: .end)
            let total = bar.total
            var running = 0.0
            var end = area.left
            for segment in bar.segments where segment.value.isFinite && segment.value >= 0 {
                let share = total > 0 ? segment.value / total : 0
                let start = running
                running += normalized ? share * 100 : segment.value
                guard segment.value > 0, let x0 = axis.position(of: start), let x1 = axis.position(of: running) else { continue }
                let color = colors[segment.component] ?? ChartPalette.color(0)
                let percent = ChartNumberFormat.fixed(share * 100, decimals: 1) + " %"
                doc.rect(x: x0, y: top, width: x1 - x0, height: layout.barThickness, fill: color,
                         tooltip: "\(bar.label) · \(segment.component): \(ChartNumberFormat.compact(segment.value)) (\(percent))",
                         [("stroke", "#FFFFFF"), ("stroke-width", "0.75")])
                let inside = normalized ? ChartNumberFormat.fixed(share * 100, decimals: 0) + "%" : ChartNumberFormat.compact(segment.value)
                if TextMetrics.width(inside, fontSize: BarLayout.segmentFontSize) + 8 <= x1 - x0 && layout.barThickness >= 14 {
                    doc.text(inside, x: (x0 + x1) / 2, y: mid + 3.5, size: BarLayout.segmentFontSize, anchor: .middle,
                             fill: ChartPalette.textColor(on: color))
                }
                end = x1
            }
            doc.text(totalText(bar), x: end + 5, y: mid + 4, size: BarLayout.totalFontSize,
                     fill: ChartPalette.mutedText)
        }
        doc.line(x1: area.left, y1: area.top, x2: area.left, y2: area.bottom, stroke: ChartPalette.axis)
        return doc.render()
    }
}
