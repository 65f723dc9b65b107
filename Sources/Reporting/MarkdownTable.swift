/// A GitHub-flavoured Markdown table with per-column alignment. Cells have `|` escaped and
/// line breaks replaced by spaces, so any text is safe.
///
/// ```swift
/// var t = MarkdownTable(["design", "TOPS/W"], rightAligned: [false, true])
/// t.append(["mixpe-w4a8", "12.5"])
/// t.render()   // "| design | TOPS/W |\n|---|---:|\n| mixpe-w4a8 | 12.5 |\n"
/// ```
public struct MarkdownTable: Sendable {
    public var header: [String]
    public var rightAligned: [Bool]
    public var rows: [[String]] = []

    public init(_ header: [String], rightAligned: [Bool]? = nil) {
        self.header = header
        self.rightAligned = rightAligned ?? Array(repeating: false, count: header.count)
    }

    /// Append a row; it must have one cell per column.
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "Markdown row has \(row.count) cells, header has \(header.count)")
        rows.append(row)
    }

    public func render() -> String {
        func line(_ cells: [String]) -> String { "| " + cells.map(Self.cell).joined(separator: " | ") + " |\n" }
        var out = line(header)
        out += "|" + rightAligned.map { $0 ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for r in rows { out += line(r) }
        return out
    }

    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
