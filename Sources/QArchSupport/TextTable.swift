import Foundation

/// A table of text cells with per-column alignment, written as aligned plain text for the
/// terminal (`render`) or as a GitHub-flavoured Markdown table for reports (`renderMarkdown`).
///
/// Plain text: columns are separated by two spaces; numeric-looking columns are right-aligned.
/// Markdown: cells have `|` escaped and line breaks replaced by spaces, so any text is safe.
///
/// ```swift
/// var t = TextTable(["code", "value"], rightAligned: [true, true])
/// t.append(["0x4", "2.0"])
/// print(t.render())
/// // code  value
/// // ----  -----
/// //  0x4    2.0
/// t.renderMarkdown()   // "| code | value |\n|---:|---:|\n| 0x4 | 2.0 |\n"
/// ```
public struct TextTable: Sendable {
    public let headers: [String]
    public let rightAligned: [Bool]
    public private(set) var rows: [[String]] = []

    /// A table with `headers`; `rightAligned[i]` right-aligns column `i` (default: left).
    public init(_ headers: [String], rightAligned: [Bool]? = nil) {
        self.headers = headers
        self.rightAligned = rightAligned ?? Array(repeating: false, count: headers.count)
    }

    /// Add a row; it must have one cell per header.
    public mutating func append(_ row: [String]) {
        precondition(row.count == headers.count, "row has \(row.count) cells for \(headers.count) columns")
        rows.append(row)
    }

    /// The table as text: header, a rule of dashes, then the rows; no trailing newline.
    public func render() -> String {
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

    /// The table as Markdown: header, the alignment row (`---`, or `---:` right-aligned),
    /// then the rows, each line ending in a newline.
    public func renderMarkdown() -> String {
        func line(_ cells: [String]) -> String { "| " + cells.map(Self.markdownCell).joined(separator: " | ") + " |\n" }
        var out = line(headers)
        out += "|" + rightAligned.map { $0 ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for r in rows { out += line(r) }
        return out
    }

    /// `s` safe in a Markdown cell: `|` escaped, CR LF and LF written as one space.
    static func markdownCell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
