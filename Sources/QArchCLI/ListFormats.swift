import ArgumentParser
import NumberFormats

/// `qarch formats list`: every format with its bits, kind and description.
///
/// JSON: an array of `{name, bits, kind, description}`.
struct ListFormats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every format: name, bits, kind, description."
    )

    @OptionGroup var report: ReportOptions

    func run() throws {
        let rows = ElementFormat.all.map { f in (name: f.name, bits: f.bits, kind: f.kind, description: f.summary) }
        report.emit(json: {
            .array(rows.map { r in
                .object([("name", .string(r.name)), ("bits", .int(r.bits)), ("kind", .string(r.kind)),
                         ("description", .string(r.description))])
            })
        }, text: {
            var table = TextTable(["name", "bits", "kind", "description"], rightAligned: [false, true, false, false])
            for r in rows { table.append([r.name, String(r.bits), r.kind, r.description]) }
            return table.render()
        })
    }
}
