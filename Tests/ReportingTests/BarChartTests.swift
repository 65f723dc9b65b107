import Testing
@testable import Reporting

@Suite struct BarChartTests {
    /// Two bars, components x and y, no unit. Layout by hand: labels are short → left 64;
    /// totals "40", "20" → right margin ⌈2 × 0.636 × 11 + 14⌉ = 28 → right 692; one legend row
    /// → top 34 + 20 + 10 = 64; height 64 + 2 × 30 + 58 = 182; bars 20 px thick, centred in 30 px rows.
    private var simple: BarChart {
        BarChart(title: "t", valueLabel: "energy", bars: [
            Bar(label: "a", segments: [("x", 30), ("y", 10)]),
            Bar(label: "b", segments: [("x", 20)]),
        ])
    }

    @Test func segmentsLandOnKnownPixels() {
        let svg = simple.svg()
        expectValidSVG(svg, width: 720, height: 182)
        // Axis 0…40 (step 10) over 628 px: 30 → 471 px, 10 → 157 px, 20 → 314 px.
        #expect(svg.contains("<rect x=\"64\" y=\"69\" width=\"471\" height=\"20\" fill=\"#0072B2\""))
        #expect(svg.contains("<rect x=\"535\" y=\"69\" width=\"157\" height=\"20\" fill=\"#E69F00\""))
        #expect(svg.contains("<rect x=\"64\" y=\"99\" width=\"314\" height=\"20\" fill=\"#0072B2\""))
        let texts = SVGWellFormed.check(svg).texts
        for label in ["0", "10", "20", "30", "40", "40", "20", "a", "b", "x", "y", "energy"] { #expect(texts.contains(label)) }
    }

    @Test func normalizedBarsFillTheAxis() {
        var chart = simple
        chart.normalized = true
        let svg = chart.svg()
        // Axis 0…100 %: a = 75 % + 25 %, b = 100 %.
        #expect(svg.contains("<rect x=\"64\" y=\"69\" width=\"471\" height=\"20\" fill=\"#0072B2\""))
        #expect(svg.contains("<rect x=\"535\" y=\"69\" width=\"157\" height=\"20\" fill=\"#E69F00\""))
        #expect(svg.contains("<rect x=\"64\" y=\"99\" width=\"628\" height=\"20\" fill=\"#0072B2\""))
        let texts = SVGWellFormed.check(svg).texts
        #expect(texts.contains("75%") && texts.contains("25%") && texts.contains("100%"))
        #expect(texts.contains("energy share (%)"))
    }

    @Test func componentsKeepOneColourAcrossBars() {
        let chart = BarChart(title: "t", valueLabel: "area (mm²)", bars: [
            Bar(label: "p", segments: [("sram", 1), ("pe", 2)]),
            Bar(label: "q", segments: [("pe", 2), ("dram", 1), ("sram", 1)]),
        ])
        #expect(chart.components == ["sram", "pe", "dram"])
        let svg = chart.svg()
        // sram is the first component (blue) in both bars, pe orange, dram green.
        #expect(svg.components(separatedBy: "fill=\"#0072B2\" stroke").count - 1 == 2)
        #expect(svg.components(separatedBy: "fill=\"#E69F00\" stroke").count - 1 == 2)
        #expect(svg.components(separatedBy: "fill=\"#009E73\" stroke").count - 1 == 1)
        #expect(SVGWellFormed.check(svg).texts.contains("4 mm²"))
        #expect(chart.axisTitle == "area (mm²)")
    }

    @Test func unitAndQuantitySplit() {
        var chart = BarChart(title: "t", valueLabel: "energy (µJ)")
        #expect(chart.splitValueLabel.quantity == "energy" && chart.splitValueLabel.unit == "µJ")
        chart.normalized = true
        #expect(chart.axisTitle == "energy share (%)")
        chart.valueLabel = ""
        #expect(chart.axisTitle == "share (%)")
    }

    @Test func badSegmentsAreCountedNotDrawn() {
        let chart = BarChart(title: "t", valueLabel: "v", bars: [
            Bar(label: "a", segments: [("x", -1), ("y", .nan), ("z", 5)]),
            Bar(label: "b", segments: [("x", .infinity)]),
        ])
        let svg = chart.svg()
        expectValidSVG(svg, width: 720, height: 182)
        #expect(SVGWellFormed.check(svg).texts.contains("3 segments not shown (negative or non-finite)"))
        #expect(Bar(label: "a", segments: [("x", -1), ("y", .nan), ("z", 5)]).total == 5)
    }

    @Test func emptyAndDegenerateChartsRender() {
        let cases: [BarChart] = [
            BarChart(title: "none", valueLabel: "v"),
            BarChart(title: "no segments", valueLabel: "v", bars: [Bar(label: "a", segments: [])]),
            BarChart(title: "zeros", valueLabel: "v", bars: [Bar(label: "a", segments: [("x", 0)]), Bar(label: "b", segments: [("x", 0)])]),
            BarChart(title: "zeros normalized", valueLabel: "v", bars: [Bar(label: "a", segments: [("x", 0)])], normalized: true),
            BarChart(title: "overflow", valueLabel: "v", bars: [Bar(label: "a", segments: [("x", 1e308), ("y", 1e308)])]),
            BarChart(title: "long unit", valueLabel: "v (" + String(repeating: "unit", count: 80) + ")",
                     bars: [Bar(label: String(repeating: "name", count: 80), segments: [("x", 1)])]),
            BarChart(title: "many", valueLabel: "v", bars: (0..<30).map { i in
                Bar(label: String(repeating: "label", count: i), segments: (0..<20).map { ("component \($0)", Double(i + $0)) })
            }),
        ]
        for chart in cases {
            for (w, h) in [(720, nil), (100, 50), (720, 300)] as [(Int, Int?)] {
                let svg = chart.svg(width: w, height: h)
                let parsed = SVGWellFormed.check(svg)
                #expect(parsed.ok, "\(chart.title): \(String(describing: parsed.error))")
                expectValidSVG(svg, width: max(w, 240), height: Int(parsed.rootAttributes["height"] ?? "") ?? -1)
                #expect(svg == chart.svg(width: w, height: h))
            }
        }
        #expect(SVGWellFormed.check(BarChart(title: "none", valueLabel: "v").svg()).texts.contains("no data"))
        #expect(SVGWellFormed.check(cases[4].svg()).texts.contains("no data"))  // the overflowing total
    }
}
