import Foundation

/// The seed-paper reproduction: an ordered list of sections (MixPE, BitMoD, LUT Tensor
/// Core), each a table of published numbers beside ours. More sections (e.g. the FP4/HiF8
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

    /// Every study of this module, in report order: MixPE (time, energy, split), BitMoD, LUT Tensor Core.
    public static func build(designs: ReproductionDesigns) throws(ReproductionError) -> SeedReproduction {
        var sections = try MixPEReproduction.sections(designs: designs)
        sections += try BitMoDReproduction.sections(designs: designs)
        sections += try LUTTensorCoreReproduction.sections(designs: designs)
        return SeedReproduction(sections: sections)
    }

    /// Rows of any section whose gap exceeds 20 % without an explanation.
    public var unexplainedRows: [ReproductionRow] { sections.flatMap(\.unexplainedRows) }
}
