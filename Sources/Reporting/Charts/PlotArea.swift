/// The rectangle, in pixels, inside a chart's axes where data is drawn.
///
/// ```swift
/// let area = PlotArea(left: 64, top: 44, right: 696, bottom: 422)
/// area.width    // 632
/// area.midY     // 233
/// ```
struct PlotArea: Equatable {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double

    var width: Double { right - left }
    var height: Double { bottom - top }
    var midX: Double { (left + right) / 2 }
    var midY: Double { (top + bottom) / 2 }
}
