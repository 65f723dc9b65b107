/// A plain SVG 1.1 document assembled element by element: inline presentation attributes
/// only, no scripts, styles or external resources, a white background, and a `<title>`.
/// Coordinates go through `ChartNumberFormat.coordinate`, text through `SVGText.escape`,
/// so the same calls always give the same bytes.
///
/// ```swift
/// var doc = SVGDocument(width: 100, height: 50, title: "demo")
/// doc.line(x1: 0, y1: 0, x2: 100, y2: 50, stroke: "#444444")
/// doc.text("a<b", x: 50, y: 25, size: 12, anchor: .middle)
/// doc.render()   // "<svg xmlns=… width=\"100\" height=\"50\" viewBox=\"0 0 100 50\" …>…</svg>\n"
/// ```
struct SVGDocument {
    enum Anchor: String { case start, middle, end }

    let width: Int
    let height: Int
    let title: String
    private var body: [String] = []

    init(width: Int, height: Int, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    private static func c(_ x: Double) -> String { ChartNumberFormat.coordinate(x) }

    /// Optional attributes written only when present: `[("fill-opacity", "0.4")]`.
    private static func extra(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(SVGText.escape($0.1))\"" }.joined()
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                       stroke: String? = nil, tooltip: String? = nil, _ attributes: [(String, String)] = []) {
        var s = "<rect x=\"\(Self.c(x))\" y=\"\(Self.c(y))\" width=\"\(Self.c(max(width, 0)))\" height=\"\(Self.c(max(height, 0)))\" fill=\"\(fill)\""
        if let stroke { s += " stroke=\"\(stroke)\"" }
        s += Self.extra(attributes)
        if let tooltip { s += "><title>\(SVGText.escape(tooltip))</title></rect>" } else { s += "/>" }
        body.append(s)
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
                       _ attributes: [(String, String)] = []) {
        body.append("<line x1=\"\(Self.c(x1))\" y1=\"\(Self.c(y1))\" x2=\"\(Self.c(x2))\" y2=\"\(Self.c(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.c(width))\"\(Self.extra(attributes))/>")
    }

    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, tooltip: String? = nil,
                         _ attributes: [(String, String)] = []) {
        var s = "<circle cx=\"\(Self.c(cx))\" cy=\"\(Self.c(cy))\" r=\"\(Self.c(r))\" fill=\"\(fill)\"\(Self.extra(attributes))"
        if let tooltip { s += "><title>\(SVGText.escape(tooltip))</title></circle>" } else { s += "/>" }
        body.append(s)
    }

    /// A filled marker of `shape` centred on (`cx`, `cy`): a `<circle>` or a `<polygon>`.
    mutating func marker(_ shape: ChartMarker, cx: Double, cy: Double, r: Double, fill: String, tooltip: String? = nil,
                         _ attributes: [(String, String)] = []) {
        guard shape != .circle else { return circle(cx: cx, cy: cy, r: r, fill: fill, tooltip: tooltip, attributes) }
        let list = shape.polygon(cx: cx, cy: cy, r: r).map { "\(Self.c($0.x)),\(Self.c($0.y))" }.joined(separator: " ")
        var s = "<polygon points=\"\(list)\" fill=\"\(fill)\"\(Self.extra(attributes))"
        if let tooltip { s += "><title>\(SVGText.escape(tooltip))</title></polygon>" } else { s += "/>" }
        body.append(s)
    }

    /// An open polyline through `points` (nothing for fewer than two points).
    mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double,
                           _ attributes: [(String, String)] = []) {
        guard points.count >= 2 else { return }
        let list = points.map { "\(Self.c($0.x)),\(Self.c($0.y))" }.joined(separator: " ")
        body.append("<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.c(width))\"\(Self.extra(attributes))/>")
    }

    /// Text with its baseline at `y`; `rotate` (degrees) turns it about (`x`, `y`).
    mutating func text(_ content: String, x: Double, y: Double, size: Double, anchor: Anchor = .start,
                       fill: String = ChartPalette.text, bold: Bool = false, rotate: Double? = nil) {
        var s = "<text x=\"\(Self.c(x))\" y=\"\(Self.c(y))\" font-size=\"\(Self.c(size))\""
        if anchor != .start { s += " text-anchor=\"\(anchor.rawValue)\"" }
        s += " fill=\"\(fill)\""
        if bold { s += " font-weight=\"bold\"" }
        if let rotate { s += " transform=\"rotate(\(Self.c(rotate)) \(Self.c(x)) \(Self.c(y)))\"" }
        s += ">\(SVGText.escape(content))</text>"
        body.append(s)
    }

    /// Text drawn twice, first as a thick white outline, so that it stays readable over lines
    /// and points (SVG 1.1 has no `paint-order`).
    mutating func haloText(_ content: String, x: Double, y: Double, size: Double, anchor: Anchor = .start) {
        var s = "<text x=\"\(Self.c(x))\" y=\"\(Self.c(y))\" font-size=\"\(Self.c(size))\""
        if anchor != .start { s += " text-anchor=\"\(anchor.rawValue)\"" }
        body.append(s + " fill=\"#FFFFFF\" stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\">\(SVGText.escape(content))</text>")
        text(content, x: x, y: y, size: size, anchor: anchor)
    }

    /// The whole document, one element per line, ending in a newline.
    func render() -> String {
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\">\n"
        out += "<title>\(SVGText.escape(title))</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#FFFFFF\"/>\n"
        for element in body { out += element + "\n" }
        out += "</svg>\n"
        return out
    }
}
