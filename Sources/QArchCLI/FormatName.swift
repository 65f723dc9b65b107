import NumberFormats

/// Resolving format names given on the command line.
///
/// An unknown name is a bad value (exit 1) whose one-line message lists the valid names.
enum FormatName {
    /// The element format called `name` (or an alias of one). A block format name is a
    /// bad value that points at its element and scale formats.
    static func element(_ name: String) throws -> ElementFormat {
        if let f = ElementFormat.named(name) { return f }
        if let b = BlockFormat.named(name) {
            throw CLIError.invalidInput("'\(b.name)' is a block format (\(b.element.name) elements, \(b.scaleFormat.name) scale); "
                + "this command takes an element format: " + elementNames.joined(separator: ", "))
        }
        throw unknown(name)
    }

    /// The element or block format called `name`.
    static func any(_ name: String) throws -> NamedFormat {
        if let f = ElementFormat.named(name) { return .element(f) }
        if let b = BlockFormat.named(name) { return .block(b) }
        throw unknown(name)
    }

    private static func unknown(_ name: String) -> CLIError {
        CLIError.invalidInput("unknown format '\(name)'; valid formats: "
            + (elementNames + BlockFormat.all.map(\.name)).joined(separator: ", "))
    }

    /// Element format names, then the aliases with what they stand for.
    private static var elementNames: [String] {
        ElementFormat.all.map(\.name)
            + ElementFormat.aliases.keys.sorted().map { "\($0) (= \(ElementFormat.aliases[$0]!))" }
    }
}
