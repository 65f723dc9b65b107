/// An aligned plain-text table for human output.
///
/// Columns are separated by two spaces; numeric-looking columns are right-aligned.
///
/// ```swift
/// var t = TextTable(["code", "value"], rightAligned: [true, true])
/// t.append(["0x4", "2.0"])
/// print(t.render())
/// // code  value
/// // ----  -----
/// //  0x4    2.0
/// ```
struct TextTable {
    let headers: [String]
    let rightAligned: [Bool]
    private(set) var rows: [[String]] = []

    /// A table with `headers`; `rightAligned[i]` right-aligns column `i` (default: left).
    init(_ headers: [String], rightAligned: [Bool]? = nil) {
        self.headers = headers
        self.rightAligned = rightAligned ?? Array(repeating: false, count: headers.count)
    }

    /// Add a row; it must have one cell per header.
    mutating func append(_ row: [String]) {
        precondition(row.count == headers.count, "row has \(row.count) cells for \(headers.count) columns")
        rows.append(row)
    }

    /// The table as text: header, a rule of dashes, then the rows; no trailing newline.
    func render() -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                let last = i == cells.count - 1
                parts.append(rightAligned[i] ? pad + cell : (last ? cell : cell + pad))
            }
            return parts.joined(separator: "  ")
        }
        var lines = [line(headers), line(widths.map { String(repeating: "-", count: $0) })]
        lines.reserveCapacity(rows.count + 2)
        for row in rows { lines.append(line(row)) }
        return lines.joined(separator: "\n")
    }
}
