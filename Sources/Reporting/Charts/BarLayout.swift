/// Where the parts of a `BarChart` go: bar labels in a left margin sized to the longest
/// label, the legend under the title, one row per bar, the value axis underneath, and a
/// right margin for the bar totals. `axis` is nil when there is nothing to draw.
///
/// Automatic height: `top + 30 × bars + 58`, where `top` is 44 plus the legend rows.
///
/// ```swift
/// let layout = BarLayout(chart: chart, width: 720, height: nil)
/// layout.barTop(0)   // area.top + 5: rows are 30 px, bars 20 px thick and centred in their row
/// ```
struct BarLayout {
    static let legendTop = 34.0
    static let rowHeight = 30.0
    static let labelFontSize = 12.0
    static let totalFontSize = 11.0
    static let segmentFontSize = 10.0

    let width: Double
    let height: Double
    let area: PlotArea
    let legend: ChartLegend
    let axis: ChartAxis?
    let rowHeight: Double
    let barThickness: Double

    init(chart: BarChart, width: Double, height requested: Double?) {
        self.width = width
        let bars = chart.bars
        let labelWidth = bars.map { TextMetrics.width($0.label, fontSize: Self.labelFontSize) }.max() ?? 0
        let left = min(max(64, (labelWidth + 16).rounded(.up)), (width * 0.35).rounded(.down))
        let totalWidth = bars.map { TextMetrics.width(chart.totalText($0), fontSize: Self.totalFontSize) }.max() ?? 0
        let right = max(width - max(24, (totalWidth + 14).rounded(.up)), left + 40)
        let drawable = bars.contains { $0.segments.contains { $0.value.isFinite && $0.value >= 0 } }
        let components = chart.components
        legend = ChartLegend(entries: drawable ? components.enumerated().map {
            ChartLegend.Entry(name: $1, color: ChartPalette.color($0), key: .swatch)
        } : [], left: left, right: right)
        let top = legend.height > 0 ? Self.legendTop + legend.height + 10 : 44
        let rows = Double(max(bars.count, 1))
        let autoHeight = top + rows * Self.rowHeight + 58
        height = max(requested ?? autoHeight, top + 20 + 58)
        let bottom = height - 58
        area = PlotArea(left: left, top: top, right: right, bottom: bottom)
        rowHeight = (bottom - top) / rows
        barThickness = min(rowHeight * 2 / 3, 28)
        guard drawable else {
            axis = nil
            return
        }
        let maxTotal = chart.normalized ? 100 : bars.map(\.total).max() ?? 0
        guard maxTotal.isFinite else {  // the segments overflow a Double: nothing sensible to draw
            axis = nil
            return
        }
        let upper = maxTotal > 0 ? maxTotal : 1
        var target = 5
        var candidate = ChartAxis(linear: NiceTicks.linear(min: 0, max: upper, targetCount: target), pixelStart: left, pixelEnd: right)
        while !AxisDrawing.labelsFitHorizontally(candidate) && target > 1 {
            target -= 1
            candidate = ChartAxis(linear: NiceTicks.linear(min: 0, max: upper, targetCount: target), pixelStart: left, pixelEnd: right)
        }
        axis = candidate
    }

    /// The y of the top edge of bar `index`.
    func barTop(_ index: Int) -> Double {
        area.top + Double(index) * rowHeight + (rowHeight - barThickness) / 2
    }
}
