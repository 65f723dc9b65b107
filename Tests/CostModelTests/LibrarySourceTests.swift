import ArithmeticUnits
import DesignModel
import Foundation
import Testing
@testable import CostModel

/// Every entry of the component library names where its number comes from: a cited table
/// (Horowitz, CACTI, the paper PEs) or an explicit "assumption: …" with its rationale.
@Suite struct LibrarySourceTests {
    static let widths = [1, 2, 3, 4, 6, 8, 12, 16, 17, 21, 23, 32, 64]

    /// Horowitz publishes only int/FP add and mul; every other action is an assumption.
    @Test func everyActionHasASource() {
        let published: Set<Action.Kind> = [.intAdd, .intMul, .fpAdd, .fpMul]
        for kind in Action.Kind.allCases {
            for b in Self.widths {
                let c = ActionCostTable.cost45(Action(kind, bits: b))
                #expect(!c.source.isEmpty, "\(kind) \(b)")
                if published.contains(kind) {
                    #expect(c.source.hasPrefix(HorowitzTable.source), "\(kind) \(b): \(c.source)")
                } else {
                    #expect(c.source.hasPrefix("assumption: "), "\(kind) \(b): \(c.source)")
                    // The rationale is spelled out, not just named.
                    #expect(c.source.count > 40, "\(kind) \(b): \(c.source)")
                }
                #expect(c.energyPJ > 0 && c.areaUm2 > 0, "\(kind) \(b)")
            }
        }
    }

    @Test func tablesAndRulesHaveSources() {
        for s in [HorowitzTable.source, CACTIPoints.source, SRAMModel.source, TechnologyScaling.source,
                  PaperPETable.bitmodSource, PaperPETable.mixpeSource] {
            #expect(!s.isEmpty)
        }
        #expect(SRAMModel.source.contains("assumption: "))
        #expect(TechnologyScaling.source.contains("assumption: "))
        for pe in PaperPETable.all { #expect(!pe.source.isEmpty, "\(pe.name)") }
    }

    /// Through every shipped design's library (scaled to its node, overrides applied), every
    /// action and both PE figures still carry a source.
    @Test func everyDesignsLibraryEntriesHaveSources() throws {
        let dir = DesignGoldenTotalsTests.designsDirectory
        for file in DesignGoldenTotalsTests.designFiles {
            let design = try Design.decode(Data(contentsOf: dir.appendingPathComponent(file)))
            let library = CostLibrary(design: design)
            for kind in Action.Kind.allCases {
                for b in Self.widths { #expect(!library.action(Action(kind, bits: b)).source.isEmpty, "\(file) \(kind) \(b)") }
            }
            let pe = try PECost(design: design, library: library)
            #expect(!pe.energySource.isEmpty && !pe.areaSource.isEmpty, "\(file)")
            for (key, value) in design.costOverrides { #expect(!value.source.isEmpty, "\(file) \(key)") }
        }
    }
}
