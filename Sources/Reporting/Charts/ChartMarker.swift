/// The shape a scatter series draws its points with, so that series stay apart where
/// colours alone would not (more series than colours, colour-blind readers, grey print).
///
/// Each shape is centred on the point and sized by `r` so that all look about as large as a
/// circle of radius `r`.
///
/// ```swift
/// ChartMarker.forSeries(0)    // .circle
/// ChartMarker.forSeries(8)    // .square
/// ChartMarker.square.polygon(cx: 10, cy: 10, r: 4)   // corners (6.45, 6.45) … (13.55, 13.55)
/// ```
enum ChartMarker: CaseIterable {
    case circle, square, triangleUp, diamond, triangleDown, plus, cross

    /// The marker of series `index`: the shapes in order, repeating after seven.
    static func forSeries(_ index: Int) -> ChartMarker { allCases[max(index, 0) % allCases.count] }

    /// The outline of a non-circle marker as polygon corners (empty for `.circle`).
    func polygon(cx: Double, cy: Double, r: Double) -> [(x: Double, y: Double)] {
        switch self {
        case .circle:
            return []
        case .square:
            let h = r * 0.886   // same area as the circle
            return [(cx - h, cy - h), (cx + h, cy - h), (cx + h, cy + h), (cx - h, cy + h)]
        case .triangleUp:
            let s = r * 1.35
            return [(cx, cy - s), (cx + s * 0.866, cy + s * 0.5), (cx - s * 0.866, cy + s * 0.5)]
        case .triangleDown:
            let s = r * 1.35
            return [(cx, cy + s), (cx + s * 0.866, cy - s * 0.5), (cx - s * 0.866, cy - s * 0.5)]
        case .diamond:
            let s = r * 1.25
            return [(cx, cy - s), (cx + s, cy), (cx, cy + s), (cx - s, cy)]
        case .plus:
            let a = r * 1.2, b = r * 0.42
            return [(cx - b, cy - a), (cx + b, cy - a), (cx + b, cy - b), (cx + a, cy - b), (cx + a, cy + b),
                    (cx + b, cy + b), (cx + b, cy + a), (cx - b, cy + a), (cx - b, cy + b), (cx - a, cy + b),
                    (cx - a, cy - b), (cx - b, cy - b)]
        case .cross:
            // The plus turned by 45°.
            let c = 0.7071067811865476
            return ChartMarker.plus.polygon(cx: 0, cy: 0, r: r).map { p in
                (cx + (p.x - p.y) * c, cy + (p.x + p.y) * c)
            }
        }
    }
}
