/// A CSV document (RFC 4180): a header row and data rows, fields quoted only when they
/// contain a comma, a quote, CR or LF; lines end with `\n`.
///
/// ```swift
/// var t = CSVTable(["name", "note"])
/// t.append(["a", "x, y"])
/// t.render()   // "name,note\na,\"x, y\"\n"
/// ```
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [[String]] = []

    public init(_ header: [String]) { self.header = header }

    /// Append a row; it must have one field per header column.
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "CSV row has \(row.count) fields, header has \(header.count)")
        rows.append(row)
    }

    public func render() -> String {
        var out = ""
        for row in [header] + rows {
            out += row.map(Self.field).joined(separator: ",")
            out += "\n"
        }
        return out
    }

    /// One field, quoted (with doubled quotes) when it needs to be.
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
