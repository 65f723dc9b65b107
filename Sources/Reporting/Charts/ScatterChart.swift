/// A scatter chart as a standalone SVG 1.1 document: the Pareto picture of a design-space
/// exploration (all designs faint, the front highlighted, connected and labeled) or
/// "numeric error vs bits per weight" with points labeled by format name.
///
/// Each series takes the next colour and marker shape (`ChartPalette`, `ChartMarker`). Axes are
/// linear (ticks on 1-2-5 steps) or log10 (decade ticks, with 2× and 5× labels when the data
/// spans less than two decades); tick labels use the compact style of `ChartNumberFormat`
/// (`0.005`, `250`, `1.2k`, `3.4M`, `1e-6`). Points that cannot be placed (non-finite, or
/// ≤ 0 on a log axis) are skipped and counted in a footnote ("2 points not shown …"); with
/// no point to show the chart says "no data". Output depends only on the chart's values.
///
/// ```swift
/// var chart = ScatterChart(title: "Energy vs area", xLabel: "area (mm²)", yLabel: "energy (µJ)",
///                          xScale: .log10, yScale: .log10)
/// chart.series = [
///     ScatterSeries(name: "all designs", points: [ChartPoint(x: 1.2, y: 30), ChartPoint(x: 2.5, y: 12)]),
///     ScatterSeries(name: "Pareto front", points: [ChartPoint(x: 1.2, y: 30, label: "a", highlighted: true),
///                                                  ChartPoint(x: 2.5, y: 12, label: "b", highlighted: true)],
///                   connect: true, steps: true),
/// ]
/// try AtomicFile.write(chart.svg(), to: outDir.appendingPathComponent("pareto.svg"))
/// ```
public struct ScatterChart: Sendable, Equatable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var xScale: AxisScale
    public var yScale: AxisScale
    public var series: [ScatterSeries]

    public init(title: String, xLabel: String, yLabel: String, xScale: AxisScale = .linear,
                yScale: AxisScale = .linear, series: [ScatterSeries] = []) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xScale = xScale
        self.yScale = yScale
        self.series = series
    }

    /// The chart as an SVG document of `width` × `height` pixels (each at least 200 × 150),
    /// ending in a newline.
    ///
    /// ```swift
    /// let chart = ScatterChart(title: "t", xLabel: "x", yLabel: "y",
    ///                          series: [ScatterSeries(name: "", points: [ChartPoint(x: 0, y: 0), ChartPoint(x: 97, y: 10),
    ///                                                                    ChartPoint(x: 50, y: 5)])])
    /// chart.svg()   // plot area 64…696 × 44…422, axes 0…100 and 0…10: (50, 5) is drawn at (380, 233)
    /// ```
    public func svg(width: Int = 720, height: Int = 480) -> String {
        let w = max(width, 200), h = max(height, 150)
        var doc = SVGDocument(width: w, height: h, title: title)
        let layout = ScatterLayout(chart: self, width: Double(w), height: Double(h))
        let area = layout.area
        ChartFrame.title(title, width: Double(w), into: &doc)
        ChartFrame.axisLabels(x: xLabel, y: yLabel, area: area, height: Double(h), into: &doc)

        // Pixel positions of every point the axes can place, per series.
        var shown: [[(point: ChartPoint, x: Double, y: Double)]] = series.map { _ in [] }
        if let xAxis = layout.xAxis, let yAxis = layout.yAxis {
            shown = series.map { s in
                s.points.compactMap { p in
                    guard let x = xAxis.position(of: p.x), let y = yAxis.position(of: p.y) else { return nil }
                    return (p, x, y)
                }
            }
        }
        let total = series.reduce(0) { $0 + $1.points.count }
        let shownCount = shown.reduce(0) { $0 + $1.count }
        ChartFrame.footnote(total - shownCount, noun: "point", reason: "non-finite, or ≤ 0 on a log axis",
                            area: area, height: Double(h), into: &doc)
        guard shownCount > 0, let xAxis = layout.xAxis, let yAxis = layout.yAxis else {
            ChartFrame.noData(area: area, into: &doc)
            return doc.render()
        }
        layout.legend.draw(into: &doc, top: ScatterLayout.legendTop)
        AxisDrawing.bottom(xAxis, area: area, into: &doc)
        AxisDrawing.left(yAxis, area: area, into: &doc)

        // Faint points first, then connecting lines, then highlighted points, then labels.
        for (index, points) in shown.enumerated() {
            for p in points where !p.point.highlighted {
                doc.marker(ChartMarker.forSeries(index), cx: p.x, cy: p.y, r: Self.faintRadius, fill: ChartPalette.color(index),
                           tooltip: tooltip(p.point, series: series[index].name), [("fill-opacity", "0.4")])
            }
        }
        for (index, points) in shown.enumerated() where series[index].connect {
            doc.polyline(Self.path(through: points, steps: series[index].steps),
                         stroke: ChartPalette.color(index), width: 1.75, [("stroke-linejoin", "round")])
        }
        for (index, points) in shown.enumerated() {
            for p in points where p.point.highlighted {
                doc.marker(ChartMarker.forSeries(index), cx: p.x, cy: p.y, r: Self.highlightRadius, fill: ChartPalette.color(index),
                           tooltip: tooltip(p.point, series: series[index].name),
                           [("stroke", "#FFFFFF"), ("stroke-width", "1")])
            }
        }
        let everyPoint = shown.flatMap { $0 }
        let labeled = everyPoint.filter { !($0.point.label ?? "").isEmpty }
        let placer = PointLabelPlacer(area: area, fontSize: Self.labelFontSize, obstacles: everyPoint.map {
            ($0.x, $0.y, $0.point.highlighted ? Self.highlightRadius : Self.faintRadius)
        })
        let spots = placer.place(labeled.map {
            ($0.x, $0.y, $0.point.highlighted ? Self.highlightRadius : Self.faintRadius, $0.point.label ?? "")
        })
        for (p, spot) in zip(labeled, spots) {
            guard let spot, spot.leader else { continue }
            let end = placer.leaderEnd(from: p.x, p.y, to: spot)
            doc.line(x1: p.x, y1: p.y, x2: end.x, y2: end.y, stroke: ChartPalette.mutedText, width: 0.75)
        }
        for (p, spot) in zip(labeled, spots) {
            guard let spot else { continue }
            doc.haloText(p.point.label ?? "", x: spot.x, y: spot.y, size: Self.labelFontSize, anchor: spot.anchor)
        }
        let leftOut = spots.filter { $0 == nil }.count
        if leftOut > 0 {
            doc.text("\(leftOut) label\(leftOut == 1 ? "" : "s") left out (no free space; the points' tooltips name them)",
                     x: area.left, y: Double(h) - 6, size: ChartFrame.footnoteFontSize, fill: ChartPalette.mutedText)
        }
        return doc.render()
    }

    static let faintRadius = 3.5
    static let highlightRadius = 5.0
    static let labelFontSize = 11.0

    func isPlaceable(_ p: ChartPoint) -> Bool { xScale.canPlace(p.x) && yScale.canPlace(p.y) }

    /// Hover text of a point: "series: label (x, y)".
    private func tooltip(_ p: ChartPoint, series name: String) -> String {
        var s = name.isEmpty ? "" : name + ": "
        if let label = p.label, !label.isEmpty { s += label + " " }
        return s + "(" + ChartNumberFormat.compact(p.x) + ", " + ChartNumberFormat.compact(p.y) + ")"
    }

    /// The connecting path in increasing x (ties: increasing y, then input order), as
    /// straight segments or a horizontal-then-vertical staircase.
    static func path(through points: [(point: ChartPoint, x: Double, y: Double)], steps: Bool) -> [(x: Double, y: Double)] {
        let ordered = points.enumerated().sorted { a, b in
            if a.element.point.x != b.element.point.x { return a.element.point.x < b.element.point.x }
            if a.element.point.y != b.element.point.y { return a.element.point.y < b.element.point.y }
            return a.offset < b.offset
        }.map { (x: $0.element.x, y: $0.element.y) }
        guard steps else { return ordered }
        var out: [(x: Double, y: Double)] = []
        for (i, p) in ordered.enumerated() {
            if i > 0 { out.append((p.x, ordered[i - 1].y)) }
            out.append(p)
        }
        return out
    }
}
