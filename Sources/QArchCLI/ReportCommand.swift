import ArgumentParser
import Exploration
import Foundation
import Reporting
import Workloads

/// `qarch report merge DIR… --out DIR`: merge the shard reports of one sweep into the
/// report the unsharded run writes (same `results.csv` bytes).
///
/// ```
/// qarch explore S.json --shard 0/2 --out /tmp/s0 && qarch explore S.json --shard 1/2 --out /tmp/s1
/// qarch report merge /tmp/s0 /tmp/s1 --out Reports/S
/// ```
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Work with sweep reports.",
        subcommands: [MergeReports.self]
    )
}

/// `qarch report merge`: see `ReportCommand`.
struct MergeReports: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the shard reports of one sweep (every shard once) into one report."
    )

    @Argument(help: "Shard report folders (each holds results.json).")
    var folders: [String]

    @Option(help: "The merged report folder: new, empty, or a previous qarch report, which is replaced as a whole (not a shard folder).")
    var out: String

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if folders.isEmpty { throw ValidationError("expected at least one shard report folder") }
        if out.isEmpty { throw ValidationError("--out: expected a folder path, found an empty string") }
    }

    func run() throws {
        try CLIError.writing { () throws(OutputProblem) in try ReportFolder.check(out, inputs: folders) }
        var shards: [SweepResult] = []
        for folder in folders {
            let file = URL(fileURLWithPath: folder).appendingPathComponent("results.json").path
            let data: Data
            do { data = try InputFile.read(file) } catch {
                throw CLIError.invalidInput(error.describe(expected: "a shard's results.json"))
            }
            do {
                shards.append(try SweepJSON.read(data, file: file))
            } catch {
                throw CLIError.invalidInput(error.description)
            }
        }
        let merged: SweepResult
        do {
            merged = try SweepResult.merge(shards)
        } catch {
            throw CLIError.invalidInput("\(folders.joined(separator: ", ")): \(error.description)")
        }
        try CLIError.writing { () throws(OutputProblem) in try SweepReport.write(merged, to: out, inputs: folders) }
        report.emit(json: { ReportSummary.json(merged, folder: out) }, text: { ReportSummary.text(merged, folder: out) })
    }
}
