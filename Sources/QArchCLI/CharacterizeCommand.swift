import ArgumentParser
import Characterize
import Foundation
import Workloads

/// `qarch characterize [--out FILE] [--only NAME…] [--quiet]`: generate every primitive's
/// Verilog, check the RTL and its Yosys netlist against the reference on every vector under
/// Verilator, synthesize, measure toggles and write the component table JSON
/// (Sources/Characterize/README.md). Without `--out` the table goes to stdout. Progress,
/// one line per primitive, goes to stderr. Needs yosys, verilator and g++.
///
/// ```
/// qarch characterize --only add-u8 mul-u4x4 --out /tmp/t.json
/// add-u8         65536 vectors (exhaustive)       52.667 GE      42.028 µm²   0.025590 pJ  (8.5 s)
/// mul-u4x4       256 vectors (exhaustive)         90.667 GE      72.352 µm²   0.017258 pJ  (8.6 s)
/// wrote 2 primitives to /tmp/t.json in 17.1 s
/// ```
struct CharacterizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "characterize",
        abstract: "Synthesize the cost model's primitives with Yosys, check them under Verilator, write the component table.")

    @Option(help: "Write the table JSON here (atomically) instead of stdout.") var out: String?
    @Option(parsing: .upToNextOption, help: "Only these primitives (e.g. add-u8 mul-u4x4 fp-mul-fp16); default: all.")
    var only: [String] = []
    @Flag(help: "List the primitive names and exit.") var list = false
    @Flag(help: "No progress lines on stderr.") var quiet = false

    func validate() throws {
        if let out, out.isEmpty { throw CLIError.invalidInput("--out: expected a file path, found an empty string") }
    }

    func run() throws {
        if list {
            Console.out(PrimitiveCatalog.names.joined(separator: "\n"))
            return
        }
        var chosen: [Primitive] = PrimitiveCatalog.all
        if !only.isEmpty {
            if let unknown = only.first(where: { PrimitiveCatalog.named($0) == nil }) {
                throw CLIError.invalidInput("--only: unknown primitive '\(unknown)'; see 'qarch characterize --list'")
            }
            chosen = PrimitiveCatalog.all.filter { only.contains($0.name) }
        }
        let started = Date()
        let characterizer: Characterizer
        do { characterizer = try Characterizer.locate() } catch { throw CLIError.invalidInput(error.message) }
        var rows: [CharacterizedPrimitive] = []
        for primitive in chosen {
            let t0 = Date()
            let row: CharacterizedPrimitive
            do { row = try characterizer.characterize(primitive) } catch { throw CLIError.invalidInput(error.message) }
            rows.append(row)
            if !quiet {
                let mode = "\(row.vectors) vectors (\(row.vectorMode))"
                Console.writeError(String(format: "%@ %@ %10.3f GE %11.3f µm² %10.6f pJ  (%.1f s)\n",
                                          row.name.padding(toLength: 14, withPad: " ", startingAt: 0),
                                          mode.padding(toLength: 28, withPad: " ", startingAt: 0),
                                          row.gateEquivalents, row.areaUm2, row.energyPJ, Date().timeIntervalSince(t0)))
            }
        }
        let table = ComponentTable(yosys: characterizer.yosys.version, verilator: characterizer.verilator.version, entries: rows).json()
        if let out {
            try CLIError.writing { () throws(OutputProblem) in try OutputFile.write(Data(table.utf8), to: out) }
            if !quiet {
                Console.writeError(String(format: "wrote %d primitives to %@ in %.1f s\n", rows.count, out, Date().timeIntervalSince(started)))
            }
        } else {
            Console.write(table)
        }
    }
}
