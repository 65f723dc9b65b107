/// A problem in a SCALE-Sim config or topology file: the file, where in it, and what is wrong.
///
/// `description` is the one line the CLI prints after `qarch: error: `.
///
/// ```swift
/// let e = ScaleSimInputError(file: "a.cfg", place: "[architecture_presets] ArrayHeight",
///                            message: "expected a positive integer, found 'x'")
/// e.description   // "a.cfg: [architecture_presets] ArrayHeight: expected a positive integer, found 'x'"
/// ```
public struct ScaleSimInputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// The section and key of a config, or the row and column of a topology CSV.
    public var place: String
    public var message: String

    public init(file: String, place: String, message: String) {
        self.file = file
        self.place = place
        self.message = message
    }

    public var description: String {
        Self.oneLine(place.isEmpty ? "\(file): \(message)" : "\(file): \(place): \(message)")
    }

    /// `text` with control characters and line separators (a `\r` quoted from the file)
    /// shown as `\r`, `\n`, `\t` or `\u{…}`, so the error stays one line.
    ///
    /// ```swift
    /// ScaleSimInputError.oneLine("found ',\r,'")   // "found ',\\r,'"
    /// ```
    static func oneLine(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            switch s {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where s.properties.generalCategory == .control || s == "\u{85}" || s == "\u{2028}" || s == "\u{2029}":
                out += "\\u{\(String(s.value, radix: 16))}"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }
}
