import ArgumentParser

/// `qarch formats`: the number formats QuantArch models.
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "List number formats, print their code tables, quantize values.",
        subcommands: [ListFormats.self, FormatTable.self, QuantizeValues.self]
    )
}
