extension SweepSpec {
    /// How many points the sweep evaluates: the grid, or the random points asked (at most the grid).
    ///
    /// ```swift
    /// spec.pointCount   // 16 for a 4×4 grid
    /// ```
    public var pointCount: Int {
        switch sampling {
        case .grid: return gridSize
        case .random(let points, _): return min(points, gridSize)
        }
    }

    /// Why the sweep is refused under a limit of `limit` points, or nil, e.g.
    /// "the sweep has 16 points to evaluate; the limit is 10 points (--max-points)".
    public func pointLimitProblem(_ limit: Int) -> String? {
        pointCount > limit ? "the sweep has \(pointCount) points to evaluate; the limit is \(limit) points (--max-points)" : nil
    }
}
