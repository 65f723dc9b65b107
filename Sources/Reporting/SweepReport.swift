import Exploration
import Foundation

/// Writes a sweep's report folder: `summary.md`, `results.csv`, `results.json` and the
/// charts (`*.svg`), each atomically (temporary file, then rename), so an interrupted run
/// never leaves a partial file.
///
/// ```swift
/// try SweepReport.write(result, to: URL(fileURLWithPath: "Reports/default"))
/// ```
public enum SweepReport {
    /// The files of the report, name → contents, in writing order (summary last).
    public static func files(_ r: SweepResult) -> [(name: String, text: String)] {
        let charts = SweepCharts.render(r)
        return [("results.csv", SweepCSV.render(r)), ("results.json", SweepJSON.render(r))]
            + charts.files.map { ($0.name, $0.svg) }
            + [("summary.md", SweepSummary.render(r, charts: charts.names))]
    }

    /// Write every file of the report into `dir` (created if needed).
    public static func write(_ r: SweepResult, to dir: URL) throws {
        for f in files(r) { try AtomicFile.write(f.text, to: dir.appendingPathComponent(f.name)) }
    }
}
