import Testing
@testable import Reporting

@Suite struct ScatterChartTests {
    /// One unnamed series (no legend) with x in 0…97 and y in 0…10 at 720 × 480:
    /// plot area left 64 (minimum margin), top 44, right 720 − 24 = 696, bottom 480 − 58 = 422.
    private var simple: ScatterChart {
        ScatterChart(title: "t", xLabel: "x", yLabel: "y", series: [
            ScatterSeries(name: "", points: [ChartPoint(x: 0, y: 0), ChartPoint(x: 97, y: 10), ChartPoint(x: 50, y: 5)]),
        ])
    }

    @Test func knownPointLandsOnKnownPixel() {
        let svg = simple.svg()
        // x domain 0…100: 50 → 64 + 0.5 × 632 = 380; y domain 0…10: 5 → 422 − 0.5 × 378 = 233.
        #expect(svg.contains("<circle cx=\"380\" cy=\"233\" r=\"3.5\""))
        // 97 → 64 + 0.97 × 632 = 677.04; 10 → top 44.
        #expect(svg.contains("<circle cx=\"677.04\" cy=\"44\" r=\"3.5\""))
        #expect(svg.contains("<circle cx=\"64\" cy=\"422\" r=\"3.5\""))
        // The x tick 40 sits at 64 + 0.4 × 632 = 316.8 with its label 18 px under the axis.
        #expect(svg.contains("<text x=\"316.8\" y=\"440\" font-size=\"11\" text-anchor=\"middle\" fill=\"#222222\">40</text>"))
        expectValidSVG(svg, width: 720, height: 480)
    }

    @Test func renderingIsDeterministic() {
        #expect(simple.svg() == simple.svg())
        #expect(ChartSamples.pareto.svg() == ChartSamples.pareto.svg())
        #expect(ChartSamples.errorVsBits.svg(width: 800, height: 500) == ChartSamples.errorVsBits.svg(width: 800, height: 500))
    }

    @Test func connectedSeriesFollowXOrder() {
        let points = [ChartPoint(x: 3, y: 1), ChartPoint(x: 1, y: 3), ChartPoint(x: 2, y: 2)]
        let placed = points.map { (point: $0, x: $0.x * 10, y: $0.y * 10) }
        let line = ScatterChart.path(through: placed, steps: false)
        #expect(line.map(\.x) == [10, 20, 30])
        let stairs = ScatterChart.path(through: placed, steps: true)
        // (10,30) → (20,30) → (20,20) → (30,20) → (30,10): horizontal, then vertical.
        #expect(stairs.map(\.x) == [10, 20, 20, 30, 30])
        #expect(stairs.map(\.y) == [30, 30, 20, 20, 10])
    }

    @Test func paretoSampleHasLegendLineAndLabels() {
        let svg = ChartSamples.pareto.svg()
        expectValidSVG(svg, width: 720, height: 480)
        let parsed = SVGWellFormed.check(svg)
        #expect(parsed.elements.filter { $0 == "polyline" }.count == 1)
        #expect(parsed.texts.contains("Pareto front"))
        #expect(parsed.texts.contains("all designs (40)"))
        #expect(parsed.texts.contains("bitmod-w4"))
    }

    @Test func emptyChartSaysNoData() {
        for chart in [
            ScatterChart(title: "none", xLabel: "x", yLabel: "y"),
            ScatterChart(title: "empty series", xLabel: "x", yLabel: "y", series: [ScatterSeries(name: "a", points: [])]),
        ] {
            let svg = chart.svg()
            expectValidSVG(svg, width: 720, height: 480)
            #expect(SVGWellFormed.check(svg).texts.contains("no data"))
            #expect(!svg.contains("not shown"))
        }
    }

    @Test func unplaceablePointsAreCountedNotDrawn() {
        let chart = ScatterChart(title: "log", xLabel: "x", yLabel: "y", xScale: .linear, yScale: .log10, series: [
            ScatterSeries(name: "s", points: [
                ChartPoint(x: 1, y: 0.01), ChartPoint(x: 2, y: 0), ChartPoint(x: 3, y: -4),
                ChartPoint(x: .nan, y: 1), ChartPoint(x: 4, y: .infinity), ChartPoint(x: 5, y: 100),
            ], connect: true),
        ])
        let svg = chart.svg()
        expectValidSVG(svg, width: 720, height: 480)
        let parsed = SVGWellFormed.check(svg)
        #expect(parsed.texts.contains("4 points not shown (non-finite, or ≤ 0 on a log axis)"))
        #expect(parsed.elements.filter { $0 == "circle" }.count == 2 + 1)  // two points + the legend key
        // Decades 0.01…100 are all labeled (4 decades of data).
        for label in ["0.01", "0.1", "1", "10", "100"] { #expect(parsed.texts.contains(label)) }
    }

    @Test func allPointsUnplaceableSaysNoData() {
        let chart = ScatterChart(title: "t", xLabel: "x", yLabel: "y", xScale: .log10, series: [
            ScatterSeries(name: "s", points: [ChartPoint(x: 0, y: 1), ChartPoint(x: -1, y: 1)]),
        ])
        let texts = SVGWellFormed.check(chart.svg()).texts
        #expect(texts.contains("no data"))
        #expect(texts.contains("2 points not shown (non-finite, or ≤ 0 on a log axis)"))
    }

    @Test func degenerateDataStillRenders() {
        let cases: [ScatterChart] = [
            ScatterChart(title: "one", xLabel: "x", yLabel: "y", series: [ScatterSeries(name: "a", points: [ChartPoint(x: 3, y: 3, label: "p")])]),
            ScatterChart(title: "equal", xLabel: "x", yLabel: "y", xScale: .log10, yScale: .log10,
                         series: [ScatterSeries(name: "a", points: Array(repeating: ChartPoint(x: 7, y: 7, highlighted: true), count: 5), connect: true, steps: true)]),
            ScatterChart(title: "zeros", xLabel: "", yLabel: "", series: [ScatterSeries(name: "", points: [ChartPoint(x: 0, y: 0), ChartPoint(x: 0, y: 0)])]),
            ScatterChart(title: "huge", xLabel: "x", yLabel: "y", series: [ScatterSeries(name: "a", points: [
                ChartPoint(x: -.greatestFiniteMagnitude, y: .greatestFiniteMagnitude), ChartPoint(x: .greatestFiniteMagnitude, y: -1e308),
            ])]),
            ScatterChart(title: "tiny", xLabel: "x", yLabel: "y", xScale: .log10, yScale: .log10, series: [ScatterSeries(name: "a", points: [
                ChartPoint(x: .leastNonzeroMagnitude, y: 1e-300), ChartPoint(x: 1e300, y: 1),
            ])]),
            ScatterChart(title: String(repeating: "long title ", count: 40), xLabel: String(repeating: "x", count: 300),
                         yLabel: String(repeating: "y", count: 300),
                         series: (0..<20).map { ScatterSeries(name: "series number \($0)", points: [ChartPoint(x: Double($0), y: 1)]) }),
        ]
        for chart in cases {
            for (w, h) in [(720, 480), (10, 10), (320, 200)] {
                let svg = chart.svg(width: w, height: h)
                expectValidSVG(svg, width: max(w, 200), height: max(h, 150))
                #expect(svg == chart.svg(width: w, height: h))
            }
        }
    }
}
