import ArgumentParser
import NumberFormats
import QArchSupport

/// `qarch formats table <format>`: every code point of an element format.
///
/// JSON: an array of `{code, bits, value, class}` with `class` one of zero, subnormal,
/// normal, inf, nan, and `bits` the code as a string of binary digits.
struct FormatTable: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Print every code point of an element format: code, bits, value, class.",
        discussion: "Formats of at most 16 bits (fp32 has 2^32 codes and is refused)."
    )

    /// The widest format whose table is printed.
    static let maxBits = 16

    @Argument(help: "An element format, e.g. e2m1, e4m3, hif8, int4 (see 'qarch formats list').")
    var format: String

    @OptionGroup var report: ReportOptions

    func run() throws {
        let f = try FormatName.element(format)
        guard f.bits <= Self.maxBits else {
            throw CLIError.invalidInput("'\(f.name)' has 2^\(f.bits) codes; tables are printed for formats of at most \(Self.maxBits) bits")
        }
        let codes = Array(f.allCodes)
        report.emit(json: {
            .array(codes.map { c in
                .object([("code", .int(Int(c))), ("bits", .string(NumberText.binaryCode(c, bits: f.bits))),
                         ("value", .number(f.decode(c))), ("class", .string(f.classify(c).rawValue))])
            })
        }, text: {
            var table = TextTable(["code", "bits", "value", "class"], rightAligned: [false, false, true, false])
            for c in codes {
                table.append([NumberText.hexCode(c, bits: f.bits), NumberText.binaryCode(c, bits: f.bits),
                              RoundTripText.format(f.decode(c)), f.classify(c).rawValue])
            }
            return table.render()
        })
    }
}
