import Exploration
import Foundation
import Workloads

/// Writes a sweep's report folder: `summary.md`, `results.csv`, `results.json` and the
/// charts (`*.svg`), replacing a previous report there as a whole (`ReportFolder`), so an
/// interrupted run never leaves a partial or mixed report.
///
/// ```swift
/// try SweepReport.write(result, to: "Reports/default", inputs: ["Designs/spaces/default.json"])
/// ```
public enum SweepReport {
    /// The files of the report, name → contents, in writing order (summary last).
    public static func files(_ r: SweepResult) -> [(name: String, text: String)] {
        let charts = SweepCharts.render(r)
        return [("results.csv", SweepCSV.render(r)), ("results.json", SweepJSON.render(r))]
            + charts.files.map { ($0.name, $0.svg) }
            + [("summary.md", SweepSummary.render(r, charts: charts.names))]
    }

    /// The report kind named in the folder's manifest (the same for a sweep and its merged shards).
    public static let kind = "sweep"

    /// Write the report as the whole content of the folder `path`; `inputs` are the files
    /// and folders the command read, which the folder must neither be, hold nor lie in.
    public static func write(_ r: SweepResult, to path: String, inputs: [String]) throws(OutputProblem) {
        try ReportFolder.write(files(r), kind: kind, to: path, inputs: inputs)
    }
}
