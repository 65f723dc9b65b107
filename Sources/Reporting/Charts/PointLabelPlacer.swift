/// Places point labels so they overlap each other, the points and the plot edges as little
/// as possible: each label, in input order, takes the first of eight positions around its
/// point (right, upper right, lower right, left, upper left, lower left, above, below)
/// that overlaps nothing, or else the position with the least overlap (earliest on ties).
///
/// ```swift
/// let placer = PointLabelPlacer(area: area, fontSize: 11, obstacles: [(380, 233, 5)])
/// let spots = placer.place([(x: 380, y: 233, radius: 5, text: "mxfp4")])
/// spots[0]   // (x: 389, y: 237, anchor: .start): to the right, baseline 4 px below the centre
/// ```
struct PointLabelPlacer {
    struct Spot: Equatable {
        var x: Double
        var y: Double
        var anchor: SVGDocument.Anchor
    }

    private struct Box {
        var left, top, right, bottom: Double
        func overlap(_ o: Box) -> Double {
            let w = min(right, o.right) - max(left, o.left)
            let h = min(bottom, o.bottom) - max(top, o.top)
            return w > 0 && h > 0 ? w * h : 0
        }
        var area: Double { (right - left) * (bottom - top) }
    }

    let area: PlotArea
    let fontSize: Double
    private let obstacles: [Box]

    /// `obstacles` are drawn points (centre and radius) that labels should not cover.
    init(area: PlotArea, fontSize: Double, obstacles: [(x: Double, y: Double, radius: Double)]) {
        self.area = area
        self.fontSize = fontSize
        self.obstacles = obstacles.map { Box(left: $0.x - $0.radius, top: $0.y - $0.radius, right: $0.x + $0.radius, bottom: $0.y + $0.radius) }
    }

    /// One spot per label, in the same order.
    func place(_ labels: [(x: Double, y: Double, radius: Double, text: String)]) -> [Spot] {
        var placed: [Box] = []
        var spots: [Spot] = []
        let ascent = fontSize * 0.8, descent = fontSize * 0.25
        let bounds = Box(left: area.left, top: area.top, right: area.right, bottom: area.bottom)
        for label in labels {
            let w = TextMetrics.width(label.text, fontSize: fontSize)
            let r = label.radius
            let candidates: [Spot] = [
                Spot(x: label.x + r + 4, y: label.y + 4, anchor: .start),
                Spot(x: label.x + r + 2, y: label.y - r - 3, anchor: .start),
                Spot(x: label.x + r + 2, y: label.y + r + ascent + 1, anchor: .start),
                Spot(x: label.x - r - 4, y: label.y + 4, anchor: .end),
                Spot(x: label.x - r - 2, y: label.y - r - 3, anchor: .end),
                Spot(x: label.x - r - 2, y: label.y + r + ascent + 1, anchor: .end),
                Spot(x: label.x, y: label.y - r - 4, anchor: .middle),
                Spot(x: label.x, y: label.y + r + ascent + 3, anchor: .middle),
            ]
            var best = candidates[0]
            var bestScore = Double.infinity
            var bestBox = Box(left: 0, top: 0, right: 0, bottom: 0)
            for spot in candidates {
                let left: Double
                switch spot.anchor {
                case .start: left = spot.x
                case .end: left = spot.x - w
                case .middle: left = spot.x - w / 2
                }
                let box = Box(left: left, top: spot.y - ascent, right: left + w, bottom: spot.y + descent)
                // Area outside the plot counts double. No candidate touches the label's own point.
                var score = 2 * (box.area - box.overlap(bounds))
                for other in placed { score += box.overlap(other) }
                for obstacle in obstacles { score += box.overlap(obstacle) }
                if score < bestScore {
                    best = spot
                    bestScore = score
                    bestBox = box
                }
                if score == 0 { break }
            }
            placed.append(bestBox)
            spots.append(best)
        }
        return spots
    }
}
