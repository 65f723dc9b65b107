import Testing
@testable import Reporting

@Suite struct SVGTextTests {
    @Test func escapesTheFiveXMLCharacters() {
        #expect(SVGText.escape("a<b & \"c\" 'd' >") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos; &gt;")
        #expect(SVGText.escape("energy (µJ)") == "energy (µJ)")
    }

    @Test func replacesCharactersXMLForbids() {
        #expect(SVGText.escape("a\u{1}b\u{FFFE}") == "a\u{FFFD}b\u{FFFD}")
        #expect(SVGText.escape("tab\there") == "tab\there")
    }

    @Test func hostileNamesStayWellFormedAndReadBack() {
        let name = "<script>&\"x\"'y'\u{7}"
        let chart = ScatterChart(title: name, xLabel: "a&b", yLabel: "c<d",
                                 series: [ScatterSeries(name: name, points: [ChartPoint(x: 1, y: 2, label: name)])])
        let svg = chart.svg()
        let parsed = SVGWellFormed.check(svg)
        #expect(parsed.ok, "\(String(describing: parsed.error))")
        #expect(!parsed.elements.contains("script"))
        #expect(parsed.texts.contains("<script>&\"x\"'y'\u{FFFD}"))
        #expect(parsed.texts.contains("a&b"))
    }
}
