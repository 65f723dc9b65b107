/// Drawing of chart axes: grid lines, tick marks, tick labels and the axis line, for an
/// axis along the bottom or the left side of a `PlotArea`.
///
/// ```swift
/// AxisDrawing.bottom(xAxis, area: area, into: &doc)   // grid, ticks, labels under the plot
/// AxisDrawing.left(yAxis, area: area, into: &doc)     // grid, ticks, labels left of the plot
/// ```
enum AxisDrawing {
    static let tickFontSize = 11.0
    static let tickLength = 5.0
    static let minorTickLength = 3.0

    /// Width of the widest tick label of `axis`, for sizing the left margin.
    static func widestLabel(_ axis: ChartAxis) -> Double {
        axis.ticks.map { TextMetrics.width($0.label, fontSize: tickFontSize) }.max() ?? 0
    }

    /// Whether the tick labels of a horizontal `axis` fit side by side with a gap.
    static func labelsFitHorizontally(_ axis: ChartAxis, gap: Double = 10) -> Bool {
        var previousEnd = -Double.infinity
        for tick in axis.ticks {
            guard let x = axis.position(of: tick.value) else { continue }
            let w = TextMetrics.width(tick.label, fontSize: tickFontSize)
            if x - w / 2 < previousEnd + gap { return false }
            previousEnd = x + w / 2
        }
        return true
    }

    /// Vertical grid lines, tick marks below `area.bottom` and centred labels under them.
    static func bottom(_ axis: ChartAxis, area: PlotArea, into doc: inout SVGDocument) {
        for value in axis.minorTicks {
            guard let x = axis.position(of: value), x >= area.left - 0.01, x <= area.right + 0.01 else { continue }
            doc.line(x1: x, y1: area.bottom, x2: x, y2: area.bottom + minorTickLength, stroke: ChartPalette.axis)
        }
        for tick in axis.ticks {
            guard let x = axis.position(of: tick.value), x >= area.left - 0.01, x <= area.right + 0.01 else { continue }
            doc.line(x1: x, y1: area.top, x2: x, y2: area.bottom, stroke: ChartPalette.grid)
            doc.line(x1: x, y1: area.bottom, x2: x, y2: area.bottom + tickLength, stroke: ChartPalette.axis)
            doc.text(tick.label, x: x, y: area.bottom + tickLength + 13, size: tickFontSize, anchor: .middle)
        }
        doc.line(x1: area.left, y1: area.bottom, x2: area.right, y2: area.bottom, stroke: ChartPalette.axis)
    }

    /// Horizontal grid lines, tick marks left of `area.left` and right-aligned labels.
    static func left(_ axis: ChartAxis, area: PlotArea, into doc: inout SVGDocument) {
        for value in axis.minorTicks {
            guard let y = axis.position(of: value), y >= area.top - 0.01, y <= area.bottom + 0.01 else { continue }
            doc.line(x1: area.left - minorTickLength, y1: y, x2: area.left, y2: y, stroke: ChartPalette.axis)
        }
        for tick in axis.ticks {
            guard let y = axis.position(of: tick.value), y >= area.top - 0.01, y <= area.bottom + 0.01 else { continue }
            doc.line(x1: area.left, y1: y, x2: area.right, y2: y, stroke: ChartPalette.grid)
            doc.line(x1: area.left - tickLength, y1: y, x2: area.left, y2: y, stroke: ChartPalette.axis)
            doc.text(tick.label, x: area.left - tickLength - 3, y: y + 4, size: tickFontSize, anchor: .end)
        }
        doc.line(x1: area.left, y1: area.top, x2: area.left, y2: area.bottom, stroke: ChartPalette.axis)
    }
}
