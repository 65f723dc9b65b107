/// `cost.library`: the footing every component of a design is priced on (issue 13, item 4).
///
/// - `synthesized` (the default): every PE action from the committed Yosys/NanGate 45 nm
///   component table `Data/synthesized-45nm.json` (CostModel's `SynthesizedActionTable`);
///   `unit.paper_pe` and `cost_overrides.pe` are not used.
/// - `horowitz`: every PE action from Horowitz's ISSCC 2014 45 nm table and the documented
///   ratios of CostModel's `ActionCostTable`; `unit.paper_pe` and `cost_overrides.pe` are not used.
/// - `paper`: the PE from a published figure — `cost_overrides.pe` (a number with its source,
///   or a `PaperPETable` row by name) or the row `unit.paper_pe` names. A design on `paper`
///   without a published PE energy is refused (CostModel's `FootingError`), never priced
///   from another table.
///
/// Memories (the CACTI SRAM fit) and DRAM (the design's pJ per bit) are the same on every
/// footing. `qarch evaluate --library L` overrides the design's choice, and a sweep may put
/// `cost.library` on an axis.
///
/// ```swift
/// CostFooting(rawValue: "horowitz")   // .horowitz
/// CostFooting.defaultFooting          // .synthesized
/// ```
public enum CostFooting: String, Sendable, Equatable, Hashable, CaseIterable {
    case synthesized, horowitz, paper

    /// The footing of a design that names none.
    public static let defaultFooting = CostFooting.synthesized

    /// One line on what the footing prices PEs from, for reports.
    ///
    /// ```swift
    /// CostFooting.paper.summary   // "published PE figures (PaperPETable, cost_overrides.pe)"
    /// ```
    public var summary: String {
        switch self {
        case .synthesized: return "synthesized 45 nm primitives (Data/synthesized-45nm.json)"
        case .horowitz: return "Horowitz ISSCC 2014 45 nm table with ActionCostTable ratios"
        case .paper: return "published PE figures (PaperPETable, cost_overrides.pe)"
        }
    }
}
