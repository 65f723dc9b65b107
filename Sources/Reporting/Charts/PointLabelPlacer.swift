/// Places point labels so that no label overlaps another label or leaves the plot, and
/// labels cover points as little as possible.
///
/// Each label, in input order, tries eight positions around its point (right, upper right,
/// lower right, left, upper left, lower left, above, below), then the same eight directions
/// moved out by 10, 20 and 32 px (these get a leader line to the point). It takes the first
/// position that overlaps nothing; failing that, the one that overlaps no label, stays in
/// the plot and covers the least point area (earliest on ties); failing that, the label is
/// left out (`nil`) rather than drawn over another.
///
/// ```swift
/// let placer = PointLabelPlacer(area: area, fontSize: 11, obstacles: [(380, 233, 5)])
/// let spots = placer.place([(x: 380, y: 233, radius: 5, text: "mxfp4")])
/// spots[0]   // (x: 389, y: 237, anchor: .start, leader: false): to the right, baseline 4 px below the centre
/// ```
struct PointLabelPlacer {
    struct Spot: Equatable {
        var x: Double
        var y: Double
        var anchor: SVGDocument.Anchor
        /// Whether the label sits away from its point and needs a line to it.
        var leader: Bool = false
    }

    private struct Box {
        var left, top, right, bottom: Double
        func overlap(_ o: Box) -> Double {
            let w = min(right, o.right) - max(left, o.left)
            let h = min(bottom, o.bottom) - max(top, o.top)
            return w > 0 && h > 0 ? w * h : 0
        }
        func inside(_ o: Box) -> Bool { left >= o.left && right <= o.right && top >= o.top && bottom <= o.bottom }
    }

    /// Extra distances of the outer rings of positions, in pixels.
    static let rings = [0.0, 10, 20, 32]

    let area: PlotArea
    let fontSize: Double
    private let obstacles: [Box]

    /// `obstacles` are drawn points (centre and radius) that labels should not cover.
    init(area: PlotArea, fontSize: Double, obstacles: [(x: Double, y: Double, radius: Double)]) {
        self.area = area
        self.fontSize = fontSize
        self.obstacles = obstacles.map { Box(left: $0.x - $0.radius, top: $0.y - $0.radius, right: $0.x + $0.radius, bottom: $0.y + $0.radius) }
    }

    /// One spot per label, in the same order; `nil` for a label that has no free place.
    func place(_ labels: [(x: Double, y: Double, radius: Double, text: String)]) -> [Spot?] {
        var placed: [Box] = []
        var spots: [Spot?] = []
        let ascent = fontSize * 0.8, descent = fontSize * 0.25
        let bounds = Box(left: area.left, top: area.top, right: area.right, bottom: area.bottom)
        for label in labels {
            let w = TextMetrics.width(label.text, fontSize: fontSize)
            var best: (spot: Spot, box: Box, cover: Double)?
            search: for d in Self.rings {
                let r = label.radius + d, leader = d > 0
                let candidates: [Spot] = [
                    Spot(x: label.x + r + 4, y: label.y + 4, anchor: .start, leader: leader),
                    Spot(x: label.x + r + 2, y: label.y - r - 3, anchor: .start, leader: leader),
                    Spot(x: label.x + r + 2, y: label.y + r + ascent + 1, anchor: .start, leader: leader),
                    Spot(x: label.x - r - 4, y: label.y + 4, anchor: .end, leader: leader),
                    Spot(x: label.x - r - 2, y: label.y - r - 3, anchor: .end, leader: leader),
                    Spot(x: label.x - r - 2, y: label.y + r + ascent + 1, anchor: .end, leader: leader),
                    Spot(x: label.x, y: label.y - r - 4, anchor: .middle, leader: leader),
                    Spot(x: label.x, y: label.y + r + ascent + 3, anchor: .middle, leader: leader),
                ]
                for spot in candidates {
                    let left: Double
                    switch spot.anchor {
                    case .start: left = spot.x
                    case .end: left = spot.x - w
                    case .middle: left = spot.x - w / 2
                    }
                    let box = Box(left: left, top: spot.y - ascent, right: left + w, bottom: spot.y + descent)
                    guard box.inside(bounds), !placed.contains(where: { box.overlap($0) > 0 }) else { continue }
                    let cover = obstacles.reduce(0) { $0 + box.overlap($1) }
                    if best == nil || cover < best!.cover { best = (spot, box, cover) }
                    if cover == 0 { break search }
                }
            }
            if let best { placed.append(best.box) }
            spots.append(best?.spot)
        }
        return spots
    }

    /// Where a leader line from the point (`x`, `y`) to the label at `spot` ends: the middle
    /// of the label's side or edge that faces the point.
    func leaderEnd(from x: Double, _ y: Double, to spot: Spot) -> (x: Double, y: Double) {
        let middle = spot.y - fontSize * 0.3
        switch spot.anchor {
        case .start: return (spot.x - 1, middle)
        case .end: return (spot.x + 1, middle)
        case .middle: return (spot.x, spot.y < y ? spot.y + 2 : spot.y - fontSize * 0.8 - 1)
        }
    }
}
