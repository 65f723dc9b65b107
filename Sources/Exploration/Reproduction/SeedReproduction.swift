import Foundation

/// The seed-paper reproduction: an ordered list of sections (headline ratios on every cost
/// footing, MixPE, BitMoD, LUT Tensor Core), each a table of published numbers beside ours. More sections (e.g. the FP4/HiF8
/// error table) are appended to `sections` before the report is written.
///
/// ```swift
/// var repro = try SeedReproduction.build(designs: ReproductionDesigns(directory: URL(fileURLWithPath: "Designs")))
/// repro.sections.append(fp4Section)          // a later study
/// repro.unexplainedRows.isEmpty              // true: every gap over 20 % names its cause
/// ```
public struct SeedReproduction: Sendable {
    public var sections: [ReproductionSection]

    public init(sections: [ReproductionSection]) { self.sections = sections }

    /// Every study of this module, in report order: the headline ratios on every footing
    /// (`FootingComparison`), then MixPE (time, energy, split) and BitMoD on the paper footing
    /// (the artifacts' own per-PE figures), the LUT Tensor Core on the synthesized footing
    /// (its tile has no published PE), and BitMoD's energy on dense and sparse weight bits
    /// (`BitSerialWeightEnergy`). `designs.footing` is ignored: each study picks its own.
    public static func build(designs: ReproductionDesigns) throws(ReproductionError) -> SeedReproduction {
        let base = ReproductionDesigns(directory: designs.directory)
        var sections = [try FootingComparison.section(designs: base)]
        let paper = "Priced on the paper footing (`cost.library: paper`: the artifacts' per-PE figures, `unit.paper_pe` and "
            + "`cost_overrides.pe`); the headline ratios on the synthesized and Horowitz footings are in \"Headline ratios on "
            + "every footing\" above.\n\n"
        for var s in try MixPEReproduction.sections(designs: base.on(.paper)) + BitMoDReproduction.sections(designs: base.on(.paper)) {
            s.intro = paper + s.intro
            sections.append(s)
        }
        sections += try LUTTensorCoreReproduction.sections(designs: base, footing: .synthesized)
        sections.append(try BitSerialWeightEnergy.section(designs: base))
        return SeedReproduction(sections: sections)
    }

    /// Rows of any section whose gap exceeds 20 % without an explanation.
    public var unexplainedRows: [ReproductionRow] { sections.flatMap(\.unexplainedRows) }
}
