import Exploration

/// Reads a sweep spec for a command, turning its problems into one invalid-input error:
/// `file: path: message` for each, joined by `; `.
///
/// ```swift
/// let spec = try SweepSpecFile.require("Designs/spaces/default.json")
/// ```
enum SweepSpecFile {
    static func require(_ path: String) throws -> SweepSpec {
        do {
            return try SweepSpec.load(path: path)
        } catch {
            throw CLIError.invalidInput(each: error.issues.map { "\($0.file): \($0.path): \($0.message)" })
        }
    }
}
