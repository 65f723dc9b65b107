/// Where the parts of a `ScatterChart` go for a given size: the legend rows under the
/// title, the plot area (left margin sized to the y tick labels) and the two axes (x tick
/// count reduced until the labels fit side by side). Axes are nil when no point can be shown.
///
/// ```swift
/// let layout = ScatterLayout(chart: chart, width: 720, height: 480)
/// layout.area   // PlotArea(left: 64, top: 44, right: 696, bottom: 422) without a legend
/// ```
struct ScatterLayout {
    static let legendTop = 34.0
    static let minLeft = 64.0

    let area: PlotArea
    let legend: ChartLegend
    let xAxis: ChartAxis?
    let yAxis: ChartAxis?

    init(chart: ScatterChart, width: Double, height: Double) {
        let placeable = chart.series.map { $0.points.filter(chart.isPlaceable) }
        let hasData = placeable.contains { !$0.isEmpty }
        let entries: [ChartLegend.Entry] = hasData ? chart.series.enumerated().compactMap { index, s in
            guard !s.name.isEmpty else { return nil }
            let faint = !s.points.contains { $0.highlighted }
            return ChartLegend.Entry(name: s.name, color: ChartPalette.color(index),
                                     key: s.connect ? .dotOnLine : .dot, opacity: faint ? 0.4 : 1,
                                     marker: ChartMarker.forSeries(index))
        } : []
        legend = ChartLegend(entries: entries, left: Self.minLeft, right: width - 24)
        let top = legend.height > 0 ? Self.legendTop + legend.height + 10 : 44
        let bottom = max(height - 58, top + 20)
        let right = width - 24
        guard hasData else {
            area = PlotArea(left: Self.minLeft, top: top, right: right, bottom: bottom)
            xAxis = nil
            yAxis = nil
            return
        }
        let xs = placeable.flatMap { $0.map(\.x) }, ys = placeable.flatMap { $0.map(\.y) }
        let yTicks = min(max(Int((bottom - top) / 30), 2), 10)
        let y = ChartAxis(scale: chart.yScale, values: ys, pixelStart: bottom, pixelEnd: top, maxTicks: yTicks)
        let left = min(max(Self.minLeft, (34 + AxisDrawing.widestLabel(y)).rounded(.up)), (width * 0.4).rounded(.down))
        var x = ChartAxis(scale: chart.xScale, values: xs, pixelStart: left, pixelEnd: right, maxTicks: 10)
        var maxTicks = 9
        while !AxisDrawing.labelsFitHorizontally(x) && maxTicks >= 2 {
            x = ChartAxis(scale: chart.xScale, values: xs, pixelStart: left, pixelEnd: right, maxTicks: maxTicks)
            maxTicks -= 1
        }
        area = PlotArea(left: left, top: top, right: right, bottom: bottom)
        xAxis = x
        yAxis = y
    }
}
