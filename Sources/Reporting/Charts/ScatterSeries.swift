/// A named set of points in a `ScatterChart`, drawn in one palette colour, optionally
/// connected in x order (straight segments, or a staircase for Pareto fronts).
///
/// A series with an empty name has no legend entry.
///
/// ```swift
/// let all = ScatterSeries(name: "all designs", points: designs.map { ChartPoint(x: $0.area, y: $0.energy) })
/// let front = ScatterSeries(name: "Pareto front",
///                           points: frontDesigns.map { ChartPoint(x: $0.area, y: $0.energy, label: $0.name, highlighted: true) },
///                           connect: true, steps: true)
/// ```
public struct ScatterSeries: Sendable, Equatable {
    public var name: String
    public var points: [ChartPoint]
    /// Join the shown points in increasing x (ties: increasing y, then input order).
    public var connect: Bool
    /// When connecting, go horizontally then vertically from each point to the next (the
    /// staircase that bounds a Pareto front) instead of a straight segment.
    public var steps: Bool

    public init(name: String, points: [ChartPoint], connect: Bool = false, steps: Bool = false) {
        self.name = name
        self.points = points
        self.connect = connect
        self.steps = steps
    }
}
