/// One table of the seed-reproduction report: a title, an introduction saying what is
/// modelled and how, the label columns, the rows and the CSV file it is written to.
///
/// Sections are independent, so another study (e.g. the FP4/HiF8 error table) is added by
/// appending a section to `SeedReproduction.sections`.
///
/// ```swift
/// let s = ReproductionSection(title: "MixPE: execution time", intro: "…", labelColumns: ["model", "design"],
///                             valueName: "time / FP16", csvName: "mixpe-time.csv",
///                             rows: [ReproductionRow(labels: ["OPT-6.7B", "INT8"], published: 0.86, ours: 0.875)])
/// s.unexplainedRows.isEmpty   // true
/// ```
public struct ReproductionSection: Sendable, Equatable {
    public var title: String
    /// Markdown paragraphs shown above the table: what is compared and how it is modelled.
    public var intro: String
    /// Headers of the row labels, one per `ReproductionRow.labels` entry.
    public var labelColumns: [String]
    /// What the published/ours numbers measure, e.g. "time / FP16".
    public var valueName: String
    /// File name of the section's CSV inside the report folder, e.g. `mixpe-time.csv`.
    public var csvName: String
    public var rows: [ReproductionRow]
    /// Markdown shown below the table (designs as modelled, caveats).
    public var notes: String

    public init(title: String, intro: String, labelColumns: [String], valueName: String, csvName: String,
                rows: [ReproductionRow], notes: String = "") {
        self.title = title
        self.intro = intro
        self.labelColumns = labelColumns
        self.valueName = valueName
        self.csvName = csvName
        self.rows = rows
        self.notes = notes
    }

    /// Rows whose gap exceeds 20 % without an explanation (the report rule forbids them).
    public var unexplainedRows: [ReproductionRow] { rows.filter { !$0.isExplained } }
}
