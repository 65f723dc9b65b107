import ArgumentParser
import Exploration
import Foundation
import Reporting

/// `qarch reproduce [--out DIR] [--designs DIR]`: recompute the seed papers' headline tables
/// (MixPE, BitMoD, LUT Tensor Core) with QuantArch's models and write `DIR/README.md` plus one
/// CSV per table.
///
/// Each row holds the published number, ours, the ratio and, for every gap over 20 %, the
/// modelling difference behind it. Exit 1 if a design does not load, an evaluation fails or
/// a gap over 20 % has no explanation.
///
/// ```
/// qarch reproduce --out Reports/seed-reproduction
/// wrote Reports/seed-reproduction/README.md and 5 CSV files (5 tables, 292 rows, 0 unexplained gaps)
/// ```
struct ReproduceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reproduce",
        abstract: "Reproduce the seed papers' published results beside ours (Reports/seed-reproduction).",
        discussion: """
            Tables: MixPE time and energy normalized to FP16 (spec §3.4), BitMoD speedup and energy against \
            FP16, ANT and OliVe (§4.4), LUT Tensor Core compute density and energy efficiency (§5.1).
            """
    )

    @Option(help: "Output folder.")
    var out = "Reports/seed-reproduction"

    @Option(help: "Folder holding the design JSON files.")
    var designs = "Designs"

    func run() throws {
        let lib = ReproductionDesigns(directory: URL(fileURLWithPath: designs))
        let repro: SeedReproduction
        do {
            repro = try SeedReproduction.build(designs: lib)
        } catch {
            throw CLIError.invalidInput(error.description)
        }
        let unexplained = repro.unexplainedRows
        let report = ReproductionReport(reproduction: repro, command: "swift build -c release --product qarch && .build/release/qarch reproduce --out \(out)")
        do {
            try report.write(to: URL(fileURLWithPath: out))
        } catch {
            throw CLIError.invalidInput("\(out): expected a writable folder (\(error.localizedDescription))")
        }
        let rows = repro.sections.reduce(0) { $0 + $1.rows.count }
        print("wrote \(out)/README.md and \(repro.sections.count) CSV files (\(repro.sections.count) tables, \(rows) rows, \(unexplained.count) unexplained gaps)")
        if !unexplained.isEmpty {
            throw CLIError.invalidInput("gaps over 20 % without an explanation: "
                + unexplained.map { $0.labels.joined(separator: "/") }.joined(separator: "; "))
        }
    }
}
