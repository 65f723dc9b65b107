import ArgumentParser
import Exploration
import Foundation
import Reporting
import Workloads

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
        if out.isEmpty { throw CLIError.invalidInput("--out: expected a folder path, found an empty string") }
    }

    func run() throws {
        try CLIError.writing { () throws(OutputProblem) in try ReportFolder.check(out, inputs: folders) }
        var shards: [SweepResult] = []
        for folder in folders {
            let file = URL(fileURLWithPath: folder).appendingPathComponent("results.json").path
            let data: Data
            do { data = try InputFile.readJSON(file) } catch {
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
