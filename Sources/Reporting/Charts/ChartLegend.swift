/// A chart legend laid out under the title: each entry is a key (a dot, a dot on a line, or
/// a square swatch; a dot takes the series' marker shape) followed by its name. Entries that fit on one row are placed side by
/// side; otherwise they fill a grid of equal columns, row by row.
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
        /// The shape of a dot key (the series' point marker).
        var marker: ChartMarker = .circle
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
        let maxName = max(right - left - Self.keyWidth, 20)
        let widths = entries.map { Self.keyWidth + min(TextMetrics.width($0.name, fontSize: Self.fontSize), maxName) }
        let oneRow = widths.reduce(0, +) + Self.entryGap * Double(max(widths.count - 1, 0))
        var placements: [(x: Double, row: Int)] = []
        if oneRow <= right - left {
            var x = left
            for w in widths {
                placements.append((x, 0))
                x += w + Self.entryGap
            }
        } else {
            // Several rows: a grid of equal columns, filled row by row.
            let column = (widths.max() ?? 0) + Self.entryGap
            let columns = max(1, Int((right - left + Self.entryGap) / column))
            for index in entries.indices {
                placements.append((left + Double(index % columns) * column, index / columns))
            }
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
                doc.marker(entry.marker, cx: place.x + 8, cy: midY, r: 4.5, fill: entry.color, opacity)
            case .dotOnLine:
                doc.line(x1: place.x, y1: midY, x2: place.x + 16, y2: midY, stroke: entry.color, width: 2)
                doc.marker(entry.marker, cx: place.x + 8, cy: midY, r: 4.5, fill: entry.color, opacity)
            case .swatch:
                doc.rect(x: place.x + 2, y: midY - 6, width: 12, height: 12, fill: entry.color, opacity)
            }
            let name = TextMetrics.truncate(entry.name, toWidth: maxName, fontSize: Self.fontSize)
            doc.text(name, x: place.x + Self.keyWidth, y: midY + 4, size: Self.fontSize)
        }
    }
}
