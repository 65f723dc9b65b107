/// One bar of a `BarChart`: a label and its stacked segments, drawn left to right in the
/// order given. Each segment names a component (colour and legend entry are per component,
/// the same in every bar) and a value ≥ 0; negative or non-finite values are not drawn.
///
/// ```swift
/// let bar = Bar(label: "mixpe-w4a8", segments: [("PE array", 41.5), ("SRAM", 12.0), ("DRAM", 30.2)])
/// bar.total   // 83.7
/// ```
public struct Bar: Sendable {
    public var label: String
    public var segments: [(component: String, value: Double)]

    public init(label: String, segments: [(component: String, value: Double)]) {
        self.label = label
        self.segments = segments
    }

    /// Sum of the segments that can be drawn (finite and ≥ 0).
    public var total: Double {
        segments.reduce(0) { $1.value.isFinite && $1.value >= 0 ? $0 + $1.value : $0 }
    }
}
