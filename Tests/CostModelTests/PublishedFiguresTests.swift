import DesignModel
import Foundation
import Testing
@testable import CostModel

/// The published PE figures live in `PaperPETable` alone: every `cost_overrides.pe` in
/// `Designs/` that quotes an energy or an area must quote one of that table's rows (energies
/// as the designs print them, rounded to 0.001 pJ per cycle at the design's clock), so a
/// corrected figure fails here until each design quoting it is corrected too.
@Suite struct PublishedFiguresTests {
    /// Which table row each design's `pe` energy and area quote (nil: the design gives none).
    static let quoted: [String: (energy: PaperPE?, area: PaperPE?)] = [
        "ant-like.json": (PaperPETable.bitmodSimulatorANT, PaperPETable.bitmodSimulatorANT),
        "bitmod-w3.json": (PaperPETable.bitmodPE, PaperPETable.bitmodPE),
        "bitmod-w4.json": (PaperPETable.bitmodPE, PaperPETable.bitmodPE),
        "fp16-systolic.json": (PaperPETable.mixpeFP16, PaperPETable.fp16MAC),
        "fp16-tensor-core.json": (PaperPETable.mixpeFP16, PaperPETable.fp16MAC),
        "int8-systolic.json": (PaperPETable.mixpeW4A8, nil),
        "mixpe-w4a16.json": (PaperPETable.mixpeW4A16, nil),
        "mixpe-w4a8.json": (PaperPETable.mixpeW4A8, nil),
        "olive-like.json": (PaperPETable.fp16xInt8, PaperPETable.fp16xInt8),
        "w4a16-dequant-fp16.json": (PaperPETable.mixpeFP16, PaperPETable.fp16MAC),
    ]

    static var designsDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Designs")
    }

    /// A design that quotes a `pe` figure must be listed above (and a listed one must quote it).
    @Test("pe figures quote PaperPETable", arguments: DesignGoldenTotalsTests.designFiles)
    func peFiguresQuoteTheTable(file: String) throws {
        let design = try Design.decode(Data(contentsOf: Self.designsDirectory.appendingPathComponent(file)))
        let pe = design.costOverrides["pe"]
        let want = Self.quoted[file]
        let f = design.technology.frequencyMHz
        if let e = pe?.energyPJ {
            let row = try #require(want?.energy, "\(file): pe energy \(e) quotes no PaperPETable row")
            #expect((row.energyPerCycle(frequencyMHz: f) * 1000).rounded() == (e * 1000).rounded(), "\(file): \(e) vs \(row.name)")
        } else {
            #expect(want?.energy == nil, "\(file): expected a pe energy")
        }
        if let a = pe?.areaUm2 {
            let row = try #require(want?.area, "\(file): pe area \(a) quotes no PaperPETable row")
            #expect(row.areaUm2 == a, "\(file): \(a) vs \(row.name)")
        } else {
            #expect(want?.area == nil, "\(file): expected a pe area")
        }
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
