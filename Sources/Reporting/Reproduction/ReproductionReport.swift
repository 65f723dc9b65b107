import Exploration
import Foundation
import QArchSupport
import Workloads

/// Renders a `SeedReproduction` as `README.md` (one Markdown table per section) plus one CSV
/// per section, and writes them atomically into a folder.
///
/// Columns: the section's labels, `published`, `ours`, `ratio` (ours/published), and the
/// explanation of a gap over 20 %. Numbers are printed with 3 significant digits in
/// Markdown and full precision (`%.6g`) in CSV; a missing published value is `—` / empty.
///
/// ```swift
/// let report = ReproductionReport(reproduction: repro, command: "qarch reproduce")
/// try report.write(to: URL(fileURLWithPath: "Reports/seed-reproduction"))
/// // README.md, mixpe-time.csv, mixpe-energy.csv, …
/// ```
public struct ReproductionReport: Sendable {
    public var reproduction: SeedReproduction
    /// The command that regenerates the report, quoted in the README.
    public var command: String

    /// A free-form section appended after the tables (the FP4/HiF8 error study), with the
    /// files it links to.
    public struct Appendix: Sendable {
        public var title: String
        /// Markdown of the section, its own `##` heading included.
        public var markdown: String
        public var files: [(name: String, text: String)]
        public init(title: String, markdown: String, files: [(name: String, text: String)]) {
            self.title = title
            self.markdown = markdown
            self.files = files
        }
    }

    /// Appended after the tables, in order.
    public var appendices: [Appendix] = []

    public init(reproduction: SeedReproduction, command: String) {
        self.reproduction = reproduction
        self.command = command
    }

    /// The explanation cell: the row's explanation when its gap exceeds 20 %, else empty.
    static func explanationCell(_ r: ReproductionRow) -> String {
        r.needsExplanation ? (r.explanation ?? "UNEXPLAINED") : ""
    }

    /// The row's labels fitted to the section's label columns (padded with empty cells or
    /// truncated), so a malformed row of a later section cannot make the table writers trap.
    static func labels(_ r: ReproductionRow, _ s: ReproductionSection) -> [String] {
        let n = s.labelColumns.count
        return Array((r.labels + Array(repeating: "", count: max(n - r.labels.count, 0))).prefix(n))
    }

    static func short(_ x: Double) -> String { x.isFinite ? String(format: "%.3g", x) : "\(x)" }
    static func full(_ x: Double) -> String { x.isFinite ? String(format: "%.6g", x) : "\(x)" }

    /// The section's table in Markdown.
    public static func markdown(_ s: ReproductionSection) -> String {
        var t = TextTable(s.labelColumns + ["published", "ours", "ours/published", "explanation of a gap > 20 %"],
                          rightAligned: s.labelColumns.map { _ in false } + [true, true, true, false])
        for r in s.rows {
            t.append(labels(r, s) + [r.published.map(short) ?? "—", short(r.ours), r.ratio.map { String(format: "%.2f", $0) } ?? "—",
                                 explanationCell(r)])
        }
        return t.renderMarkdown()
    }

    /// The section's table as CSV.
    public static func csv(_ s: ReproductionSection) -> String {
        var t = CSVTable(s.labelColumns + ["published", "ours", "ratio", "gap_over_20pct", "explanation"])
        for r in s.rows {
            t.append(labels(r, s) + [r.published.map(full) ?? "", full(r.ours), r.ratio.map(full) ?? "",
                                 r.needsExplanation ? "yes" : "no", explanationCell(r)])
        }
        return t.render()
    }

    /// One line counting the section's published cells, those within 20 % and the explained gaps.
    ///
    /// ```swift
    /// ReproductionReport.tally(section)   // "Published cells: 30; within 20 %: 12; gaps over 20 %: 18 (18 explained)."
    /// ```
    public static func tally(_ s: ReproductionSection) -> String {
        let c = counts(s)
        return "Published cells: \(c.published); within 20 %: \(c.within); gaps over 20 %: \(c.gaps) (\(c.explained) explained)."
    }

    /// The section's published cells, those within 20 %, the gaps over 20 % and the explained gaps.
    public static func counts(_ s: ReproductionSection) -> (published: Int, within: Int, gaps: Int, explained: Int) {
        let published = s.rows.filter { $0.published != nil }
        let gaps = published.filter(\.needsExplanation)
        return (published.count, published.count - gaps.count, gaps.count, gaps.filter(\.isExplained).count)
    }

    /// The whole README.md.
    public func readme() -> String {
        var out = """
            # Seed-paper reproduction

            Published numbers from the seed papers and their artifacts (spec numeric-units.md §3.4, §4.4, §5.1) beside \
            QuantArch's own, with the ratio ours/published. Every gap over 20 % names the modelling difference behind it; \
            nothing is tuned to close a gap.

            Regenerate (from the repository root):

            ```
            \(command)
            ```


            """
        out += "## Contents\n\n"
        for s in reproduction.sections { out += "- \(s.title) (`\(s.csvName)`)\n" }
        for a in appendices { out += "- \(a.title) (" + a.files.map { "`\($0.name)`" }.joined(separator: ", ") + ")\n" }
        out += "\n"
        for s in reproduction.sections {
            out += "## \(s.title)\n\n\(s.intro)\n\nValue: \(s.valueName). CSV: [`\(s.csvName)`](\(s.csvName)).\n\n"
            out += Self.tally(s) + "\n\n"
            out += Self.markdown(s)
            if !s.notes.isEmpty { out += "\n\(s.notes)\n" }
            out += "\n"
        }
        for a in appendices { out += a.markdown + (a.markdown.hasSuffix("\n") ? "" : "\n") + "\n" }
        return out
    }

    /// The report kind named in the folder's manifest.
    public static let kind = "seed reproduction"

    /// The files of the report, name → contents: every section's CSV, the appendices' files
    /// and README.md.
    public func files() -> [(name: String, text: String)] {
        reproduction.sections.map { ($0.csvName, Self.csv($0)) } + appendices.flatMap(\.files) + [("README.md", readme())]
    }

    /// Write the report as the whole content of `directory`, replacing a previous report
    /// there (`ReportFolder`); `inputs` are the files and folders the command read.
    public func write(to directory: URL, inputs: [String] = []) throws(OutputProblem) {
        try ReportFolder.write(files(), kind: Self.kind, to: directory.path, inputs: inputs)
    }
}
