/// The text around a chart's plot area, shared by all chart kinds: the title, the axis
/// titles, the "not shown" footnote and the "no data" notice.
///
/// ```swift
/// ChartFrame.title("Energy per design", width: 720, into: &doc)          // bold, centred, baseline 24, ≤ 700 px wide
/// ChartFrame.footnote(2, noun: "point", reason: "non-finite", area: area, height: 480, into: &doc)
/// // "2 points not shown (non-finite)" at the bottom right
/// ```
enum ChartFrame {
    static let titleFontSize = 16.0
    static let axisTitleFontSize = 13.0
    static let footnoteFontSize = 10.5

    /// The smallest size a title shrinks to before it is shortened with "…".
    static let minTitleFontSize = 11.0

    /// The title, bold and centred (baseline 24), fitted into the width less 10 px a side:
    /// at 16 px when it fits, else at the size that fits (in 0.5 px steps, at least 11 px),
    /// shortened with "…" only when even 11 px is too wide.
    static func title(_ text: String, width: Double, into doc: inout SVGDocument) {
        let room = width - 20
        var size = titleFontSize
        while size > minTitleFontSize, TextMetrics.width(text, fontSize: size, bold: true) > room { size -= 0.5 }
        let shown = TextMetrics.truncate(text, toWidth: room, fontSize: size, bold: true)
        doc.text(shown, x: width / 2, y: 24, size: size, anchor: .middle, bold: true)
    }

    /// The x-axis title centred under the plot (baseline `height − 24`) and the y-axis
    /// title rotated along the left edge; empty titles are not drawn.
    static func axisLabels(x: String?, y: String?, area: PlotArea, height: Double, into doc: inout SVGDocument) {
        if let x, !x.isEmpty {
            let shown = TextMetrics.truncate(x, toWidth: area.width, fontSize: axisTitleFontSize)
            doc.text(shown, x: area.midX, y: height - 24, size: axisTitleFontSize, anchor: .middle)
        }
        if let y, !y.isEmpty {
            let shown = TextMetrics.truncate(y, toWidth: area.height, fontSize: axisTitleFontSize)
            doc.text(shown, x: 18, y: area.midY, size: axisTitleFontSize, anchor: .middle, rotate: -90)
        }
    }

    /// "1 point not shown (reason)" / "n points not shown (reason)", right-aligned under the
    /// plot; nothing when `count` is 0.
    static func footnote(_ count: Int, noun: String, reason: String, area: PlotArea, height: Double,
                         into doc: inout SVGDocument) {
        guard count > 0 else { return }
        let text = "\(count) \(noun)\(count == 1 ? "" : "s") not shown (\(reason))"
        doc.text(text, x: area.right, y: height - 6, size: footnoteFontSize, anchor: .end, fill: ChartPalette.mutedText)
    }

    /// An empty plot frame with "no data" in its centre.
    static func noData(area: PlotArea, into doc: inout SVGDocument) {
        doc.rect(x: area.left, y: area.top, width: area.width, height: area.height, fill: "#FFFFFF",
                 stroke: ChartPalette.grid)
        doc.text("no data", x: area.midX, y: area.midY + 5, size: 14, anchor: .middle, fill: ChartPalette.mutedText)
    }
}
