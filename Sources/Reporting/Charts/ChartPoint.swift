/// One point of a `ScatterSeries`: its coordinates in data units, an optional label drawn
/// next to it, and whether it is highlighted (drawn larger and opaque; other points are
/// drawn small and faint).
///
/// ```swift
/// let p = ChartPoint(x: 4.25, y: 0.012, label: "mxfp4", highlighted: true)
/// ```
public struct ChartPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    /// Text drawn beside the point (nil: none).
    public var label: String?
    /// Drawn larger and opaque, above the faint points.
    public var highlighted: Bool

    public init(x: Double, y: Double, label: String? = nil, highlighted: Bool = false) {
        self.x = x
        self.y = y
        self.label = label
        self.highlighted = highlighted
    }
}
