import Foundation
import Testing
@testable import Reporting

/// Issue 14 item 6: titles fit the width, up to 20 series stay apart in colour and marker
/// shape with no pale colours, and point labels never overlap each other.
@Suite struct ChartLegibilityTests {
    /// The old title drew at 16 px past both edges of a 720 px chart; now it is fitted.
    @Test func longTitleFitsTheWidth() {
        let title = "Design points, llama-2-7b:decode:1:layer (highlighted: Pareto front of all objectives)"
        #expect(TextMetrics.width(title, fontSize: 16, bold: true) > 700)   // the old size did not fit
        var doc = SVGDocument(width: 720, height: 480, title: title)
        ChartFrame.title(title, width: 720, into: &doc)
        let svg = doc.render()
        let size = svg.components(separatedBy: "font-size=\"").dropFirst().first.flatMap { Double($0.prefix { $0 != "\"" }) }
        #expect(size.map { $0 < 16 && $0 >= ChartFrame.minTitleFontSize } == true)
        #expect(size.map { TextMetrics.width(title, fontSize: $0, bold: true) <= 700 } == true)
        #expect(svg.contains(">\(title)</text>"))   // shrunk, not shortened
    }

    @Test func twentySeriesDifferInColourOrShape() {
        let styles = (0..<20).map { "\(ChartPalette.color($0))|\(ChartMarker.forSeries($0))" }
        #expect(Set(styles).count == 20)
        for i in 0..<19 {   // legend neighbours differ in both
            #expect(ChartPalette.color(i) != ChartPalette.color(i + 1))
            #expect(ChartMarker.forSeries(i) != ChartMarker.forSeries(i + 1))
        }
        // No pale colour: every colour's luma is below 190 of 255 (the old light yellow was 233).
        for hex in ChartPalette.colors {
            let c = stride(from: 1, to: 7, by: 2).map { Int(hex.dropFirst($0).prefix(2), radix: 16) ?? 0 }
            #expect(0.299 * Double(c[0]) + 0.587 * Double(c[1]) + 0.114 * Double(c[2]) < 190, "\(hex)")
        }
    }

    /// Forty labelled points crowded into a corner: every drawn label box is inside the plot
    /// and overlaps no other; the ones without room are left out, not stacked.
    @Test func crowdedLabelsNeverOverlap() {
        let area = PlotArea(left: 64, top: 44, right: 696, bottom: 422)
        var labels: [(x: Double, y: Double, radius: Double, text: String)] = []
        for i in 0..<40 {
            let x: Double = 100 + Double(i % 8) * 9
            let y: Double = 100 + Double(i / 8) * 7
            labels.append((x: x, y: y, radius: 5, text: "mxfp4/g\(i)"))
        }
        let placer = PointLabelPlacer(area: area, fontSize: 11, obstacles: labels.map { (x: $0.x, y: $0.y, radius: $0.radius) })
        let spots = placer.place(labels)
        var boxes: [(Double, Double, Double, Double)] = []
        for (label, spot) in zip(labels, spots) {
            guard let spot else { continue }
            let w = TextMetrics.width(label.text, fontSize: 11)
            let left: Double
            switch spot.anchor {
            case .start: left = spot.x
            case .end: left = spot.x - w
            case .middle: left = spot.x - w / 2
            }
            boxes.append((left, spot.y - 8.8, left + w, spot.y + 2.75))
        }
        #expect(boxes.count >= 15)
        for (i, a) in boxes.enumerated() {
            #expect(a.0 >= area.left && a.2 <= area.right && a.1 >= area.top && a.3 <= area.bottom)
            for b in boxes[(i + 1)...] {
                #expect(!(min(a.2, b.2) > max(a.0, b.0) && min(a.3, b.3) > max(a.1, b.1)), "labels \(a) and \(b) overlap")
            }
        }
    }
}
