import DesignModel
import Foundation
import Testing
@testable import CostModel

/// The published PE figures live in `PaperPETable` alone: a design in `Designs/` takes a
/// paper's figure by name (`cost_overrides.pe.energy_from` / `area_from`) and writes no copy
/// of it, so a corrected figure is corrected in one place.
@Suite struct PublishedFiguresTests {
    /// Which table row each design's `pe` energy and area come from (nil: the design gives none).
    static let referenced: [String: (energy: PublishedPE?, area: PublishedPE?)] = [
        "ant-like.json": (.bitmodSimANT, .bitmodSimANT),
        "bitmod-w3.json": (.bitmodPE, .bitmodPE),
        "bitmod-w4.json": (.bitmodPE, .bitmodPE),
        "fp16-systolic.json": (.mixpeFP16, .fp16MAC),
        "fp16-tensor-core.json": (.mixpeFP16, .fp16MAC),
        "int8-systolic.json": (.mixpeW4A8, nil),
        "mixpe-w4a16.json": (.mixpeW4A16, nil),
        "mixpe-w4a8.json": (.mixpeW4A8, nil),
        "olive-like.json": (.fp16xInt8, .fp16xInt8),
        "w4a16-dequant-fp16.json": (.mixpeFP16, .fp16MAC),
    ]

    static var designsDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Designs")
    }

    /// Every shipped `pe` figure is a reference to the row listed above, never a number.
    @Test("pe figures reference PaperPETable", arguments: DesignGoldenTotalsTests.designFiles)
    func peFiguresReferenceTheTable(file: String) throws {
        let design = try Design.decode(Data(contentsOf: Self.designsDirectory.appendingPathComponent(file)))
        let pe = design.costOverrides["pe"]
        #expect(pe?.energyPJ == nil, "\(file): writes pe energy \(pe?.energyPJ ?? 0) instead of energy_from")
        #expect(pe?.areaUm2 == nil, "\(file): writes pe area \(pe?.areaUm2 ?? 0) instead of area_from")
        let want = Self.referenced[file]
        #expect(pe?.energyFrom == want?.energy, "\(file)")
        #expect(pe?.areaFrom == want?.area, "\(file)")
    }

    /// A reference prices the PE as the figure it names would: `energy_from` takes the
    /// quoted energy per cycle (to 0.001 pJ at the row's clock) and the row's leakage share.
    @Test func referencesResolveToTheQuotedFigures() throws {
        let data = try Data(contentsOf: Self.designsDirectory.appendingPathComponent("fp16-systolic.json"))
        var design = try Design.decode(data)
        design.costLibrary = .paper   // the published figures are the paper footing's
        let pe = try PECost(design: design, library: CostLibrary(design: design))
        #expect(pe.areaUm2 == 1968.7)
        #expect(((pe.dynamicPJPerCycle ?? 0) + pe.leakagePJPerCycle) == 2.066)
        #expect(abs(pe.leakagePJPerCycle / 2.066 - PaperPETable.mixpeFP16.leakageFraction) < 1e-12)
        let bitmod = try Design.decode(Data(contentsOf: Self.designsDirectory.appendingPathComponent("bitmod-w4.json")))
        let b = try PECost(design: bitmod, library: CostLibrary(design: bitmod, footing: .paper))
        #expect(b.dynamicPJPerCycle == 0.586 && b.leakagePJPerCycle == 0 && b.areaUm2 == 1793.7)
        #expect(PaperPETable.mixpeW4A8.quotedEnergyPJ == 0.689 && PaperPETable.mixpeW4A16.quotedEnergyPJ == 1.347)
    }

    /// A number and a reference for the same figure, a reference outside `pe`, a row without
    /// an area as `area_from`, and an unknown name are each refused at their JSON path.
    @Test func badReferencesAreRefused() throws {
        let base = try String(contentsOf: Self.designsDirectory.appendingPathComponent("int8-systolic.json"), encoding: .utf8)
        func issues(_ set: String) -> [String] {
            do {
                _ = try Design.decode(Data(base.utf8), overrides: [try DesignOverride(parsing: set)])
                return []
            } catch let e as DesignErrors {
                return e.issues.map { "\($0.path): \($0.message)" }
            } catch {
                return ["\(error)"]
            }
        }
        #expect(issues(#"cost_overrides.pe={"energy_pj": 1, "energy_from": "fp16-mac", "source": "s"}"#)
                == ["cost_overrides.pe.energy_from: expected energy_pj or energy_from, found both"])
        #expect(issues(#"cost_overrides.pe={"area_from": "mixpe-w4a8", "source": "s"}"#).first?
            .hasPrefix("cost_overrides.pe.area_from: expected a published PE with an area") == true)
        #expect(issues(#"cost_overrides.pe={"energy_from": "fp16-mak", "source": "s"}"#).first?
            .contains("unknown published PE 'fp16-mak'") == true)
        #expect(issues(#"cost_overrides.lut_read16={"energy_from": "fp16-mac", "source": "s"}"#).first?
            .hasPrefix("cost_overrides.lut_read16") == true)
        #expect(issues(#"cost_overrides.pe={"source": "s"}"#)
                == ["cost_overrides.pe: expected energy_pj, energy_from, area_um2 or area_from, found none"])
    }

    /// The BitMoD artifact's simulator constants are the spreadsheet rows where it quotes them.
    @Test func simulatorFiguresReuseTheSpreadsheetRows() {
        #expect(PaperPETable.bitmodSimulatorFP16.dynamicPJPerCycle == 0.77)
        #expect(PaperPETable.bitmodSimulatorFP16.areaUm2 == 1968.7)
        #expect(PaperPETable.bitmodSimulatorOliVe.dynamicPJPerCycle == 0.613)
        #expect(PaperPETable.bitmodSimulatorANT.areaUm2 == 1318.6)
        #expect(PaperPETable.bitmodSimulatorANT.dynamicPJPerCycle == 0.56)
        #expect(PaperPETable.bitmodSimulatorBitMoD.areaUm2 == 1507.7)
    }
}
