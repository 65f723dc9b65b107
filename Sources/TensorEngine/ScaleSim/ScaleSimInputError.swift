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

    public var description: String { place.isEmpty ? "\(file): \(message)" : "\(file): \(place): \(message)" }
}
