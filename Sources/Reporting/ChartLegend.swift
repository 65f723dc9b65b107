/// A chart legend laid out in rows under the title: each entry is a key (a dot, a dot on a
/// line, or a square swatch) followed by its name, entries wrapping to a new row when the
/// next one would pass the right edge.
///
/// ```swift
/// let legend = ChartLegend(entries: [.init(name: "all designs", color: "#0072B2", key: .dot)],
///                          left: 64, right: 696)
/// legend.height          // 20 (one row)
/// legend.draw(into: &doc, top: 40)
/// ```
struct ChartLegend {
    enum Key { case dot, dotOnLine, swatch }

    struct Entry {
        var name: String
        var color: String
        var key: Key
        /// Fill opacity of the key's dot or swatch.
        var opacity: Double = 1
    }

    static let fontSize = 12.0
    static let rowHeight = 20.0
    static let keyWidth = 22.0
    static let entryGap = 18.0

    let entries: [Entry]
    let left: Double
    let right: Double
    /// The x of each entry's key and the row it is on.
    private let placements: [(x: Double, row: Int)]

    init(entries: [Entry], left: Double, right: Double) {
        self.entries = entries
        self.left = left
        self.right = right
        var placements: [(x: Double, row: Int)] = []
        var x = left, row = 0
        let maxName = max(right - left - Self.keyWidth, 20)
        for entry in entries {
            let w = Self.keyWidth + min(TextMetrics.width(entry.name, fontSize: Self.fontSize), maxName)
            if x > left && x + w > right {
                row += 1
                x = left
            }
            placements.append((x, row))
            x += w + Self.entryGap
        }
        self.placements = placements
    }

    /// Height taken by the legend (0 when it has no entries).
    var height: Double {
        guard let last = placements.last else { return 0 }
        return Double(last.row + 1) * Self.rowHeight
    }

    /// Draw the legend with its first row occupying `top ..< top + rowHeight`.
    func draw(into doc: inout SVGDocument, top: Double) {
        let maxName = max(right - left - Self.keyWidth, 20)
        for (entry, place) in zip(entries, placements) {
            let midY = top + Double(place.row) * Self.rowHeight + Self.rowHeight / 2
            let opacity: [(String, String)] = entry.opacity < 1 ? [("fill-opacity", ChartNumberFormat.coordinate(entry.opacity))] : []
            switch entry.key {
            case .dot:
                doc.circle(cx: place.x + 8, cy: midY, r: 4.5, fill: entry.color, opacity)
            case .dotOnLine:
                doc.line(x1: place.x, y1: midY, x2: place.x + 16, y2: midY, stroke: entry.color, width: 2)
                doc.circle(cx: place.x + 8, cy: midY, r: 4.5, fill: entry.color, opacity)
            case .swatch:
                doc.rect(x: place.x + 2, y: midY - 6, width: 12, height: 12, fill: entry.color, opacity)
            }
            let name = TextMetrics.truncate(entry.name, toWidth: maxName, fontSize: Self.fontSize)
            doc.text(name, x: place.x + Self.keyWidth, y: midY + 4, size: Self.fontSize)
        }
    }
}
