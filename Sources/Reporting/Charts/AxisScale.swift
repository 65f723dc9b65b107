/// How a chart axis maps data values to positions.
///
/// ```swift
/// var chart = ScatterChart(title: "SQNR", xLabel: "bits per weight", yLabel: "relative error")
/// chart.yScale = .log10   // decades evenly spaced; values ≤ 0 are not shown
/// ```
public enum AxisScale: String, Sendable, Hashable, CaseIterable {
    /// Evenly spaced values, ticks on 1-2-5 steps.
    case linear
    /// Evenly spaced decades; values that are ≤ 0 cannot be placed and are skipped.
    case log10

    /// Whether `value` can be placed on an axis of this scale (finite, and > 0 for log10).
    ///
    /// ```swift
    /// AxisScale.linear.canPlace(-2)    // true
    /// AxisScale.log10.canPlace(0)      // false
    /// AxisScale.log10.canPlace(.nan)   // false
    /// ```
    public func canPlace(_ value: Double) -> Bool {
        switch self {
        case .linear: return value.isFinite
        case .log10: return value.isFinite && value > 0
        }
    }
}
