/// The INI reading of `ScaleSimConfig`: Python `configparser`'s rules for the subset SCALE-Sim
/// configs use.
///
/// Blank lines and lines starting with `#` or `;` are skipped; `[name]` opens a section;
/// every other line is `key = value` or `key: value` (split at the first `=` or `:`, both
/// sides trimmed; keys compared case-insensitively). A key outside a section, an unknown
/// section or key, a repeated key and a line without a separator are errors.
///
/// ```swift
/// let e = try ScaleSimINI.entries("[general]\nrun_name = x\n", file: "a.cfg",
///                                 knownKeys: [("general", ["run_name"])])
/// e[ScaleSimINI.Key("general", "run_name")]   // "x"
/// ```
enum ScaleSimINI {
    /// A section and a key, the key lowercased.
    struct Key: Hashable {
        let section: String
        let key: String
        init(_ section: String, _ key: String) {
            self.section = section
            self.key = key.lowercased()
        }
    }

    static func entries(_ text: String, file: String,
                        knownKeys: [(section: String, keys: [String])]) throws(ScaleSimInputError) -> [Key: String] {
        var result: [Key: String] = [:]
        var section: String?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingSpaces
            let place = "line \(index + 1)"
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else {
                    throw ScaleSimInputError(file: file, place: place, message: "expected a section header '[name]', found '\(line)'")
                }
                let name = String(line.dropFirst().dropLast()).trimmingSpaces
                guard knownKeys.contains(where: { $0.section == name }) else {
                    let names = knownKeys.map { "[\($0.section)]" }.joined(separator: ", ")
                    throw ScaleSimInputError(file: file, place: "[\(name)]", message: "unknown section; SCALE-Sim 3.0.0 knows \(names)")
                }
                section = name
                continue
            }
            guard let split = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw ScaleSimInputError(file: file, place: place, message: "expected 'key = value', found '\(line)'")
            }
            let key = line[..<split].trimmingSpaces
            let value = line[line.index(after: split)...].trimmingSpaces
            guard let current = section else {
                throw ScaleSimInputError(file: file, place: place, message: "key '\(key)' before any [section]")
            }
            let keys = knownKeys.first { $0.section == current }?.keys ?? []
            guard let spelled = keys.first(where: { $0.lowercased() == key.lowercased() }) else {
                throw ScaleSimInputError(file: file, place: "[\(current)] \(key)",
                                         message: "unknown key; [\(current)] has \(keys.joined(separator: ", "))")
            }
            let entry = Key(current, spelled)
            guard result[entry] == nil else {
                throw ScaleSimInputError(file: file, place: "[\(current)] \(spelled)", message: "given twice")
            }
            result[entry] = value
        }
        return result
    }
}
