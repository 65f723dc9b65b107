import NumberFormats

/// Resolving format names given on the command line.
///
/// An unknown name is a usage error (exit 2) whose one-line message lists the valid names.
enum FormatName {
    /// The element format called `name` (or an alias of one).
    static func element(_ name: String) throws -> ElementFormat {
        if let f = ElementFormat.named(name) { return f }
        throw CLIError.usage("unknown format '\(name)'; valid formats: " + validNames.joined(separator: ", "))
    }

    /// Every name accepted on input: element formats, then aliases.
    static var validNames: [String] {
        ElementFormat.all.map(\.name)
            + ElementFormat.aliases.keys.sorted().map { "\($0) (= \(ElementFormat.aliases[$0]!))" }
    }
}
