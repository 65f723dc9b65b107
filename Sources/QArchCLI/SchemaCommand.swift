import ArgumentParser
import DesignModel
import Foundation
import Reporting

/// `qarch schema [--out FILE]`: the JSON Schema of design files, generated from the unit
/// registry (`DesignSchema`). `Designs/schema.json` is this output; after adding or
/// changing a unit kind, regenerate it with `qarch schema --out Designs/schema.json`.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema", abstract: "Print the design JSON Schema (Designs/schema.json).")

    @Option(help: "Write the schema to this file instead of standard output.") var out: String?

    func run() throws {
        guard let out else {
            FileHandle.standardOutput.write(Data(DesignSchema.text.utf8))
            return
        }
        do {
            try AtomicFile.write(DesignSchema.text, to: URL(fileURLWithPath: out))
        } catch {
            throw CLIError.invalidInput("\(out): expected a writable file, found: \(error.localizedDescription)")
        }
    }
}
