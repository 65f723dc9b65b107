import ArgumentParser
import ExactJSON
import NumberFormats
import QArchSupport
import Reporting

/// `qarch formats list`: every format with its bits, kind and description.
///
/// JSON: an array of `{name, bits, kind, description}`. Element formats have integer
/// `bits`; block formats (kind `block`) give bits per element including the shared scale,
/// e.g. 4.25 for mxfp4 (NVFP4's per-tensor FP32 scale is not counted).
struct ListFormats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every format: name, bits, kind, description."
    )

    @OptionGroup var report: ReportOptions

    /// One row of the list.
    struct Row {
        let name: String
        let bits: JSONValue
        let kind: String
        let description: String
    }

    func run() throws {
        let rows = ElementFormat.all.map { f in Row(name: f.name, bits: .int(f.bits), kind: f.kind, description: f.summary) }
            + BlockFormat.all.map { b in Row(name: b.name, bits: .number(b.bitsPerElement), kind: "block", description: b.summary) }
        report.emit(json: {
            .array(rows.map { r in
                .object([("name", .string(r.name)), ("bits", r.bits), ("kind", .string(r.kind)),
                         ("description", .string(r.description))])
            })
        }, text: {
            var table = TextTable(["name", "bits", "kind", "description"], rightAligned: [false, true, false, false])
            for r in rows { table.append([r.name, r.bits.render(), r.kind, r.description]) }
            return table.render()
        })
    }
}
