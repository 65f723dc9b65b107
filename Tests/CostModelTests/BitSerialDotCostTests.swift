import ArithmeticUnits
import DesignModel
import Foundation
import Testing
@testable import CostModel

/// `bitserial_dot4`, one cycle of BitMoD's lane datapath, on both action footings, and the
/// BitMoD PE priced by it.
@Suite struct BitSerialDotCostTests {
    func close(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

    @Test func horowitzPricesItsParts() {
        // 7 × int_add6 (0.03 · 6/8 = 0.0225 pJ, 36 · 6/8 = 27 µm²) + 4 × shift14 (= int_add14:
        // 0.03 + 0.02 · 6/8 = 0.045 pJ, 36 + 31 · 6/8 = 59.25 µm²) + 3 × int_add17 (0.05 + 0.05/16
        // = 0.053125 pJ, 67 + 70/16 = 71.375 µm²): 0.496875 pJ, 640.125 µm².
        let c = ActionCostTable.cost45(Action(.bitSerialDot, bits: 4))
        #expect(close(c.energyPJ, 0.496875), "\(c.energyPJ)")
        #expect(close(c.areaUm2, 640.125), "\(c.areaUm2)")
        #expect(c.source.contains("7 × int_add6"))
    }

    @Test func synthesizedIsTheCharacterizedDatapath() throws {
        let row = try #require(SynthesizedTable.shared.row("bitmod-dot4"))
        let c = try #require(SynthesizedActionTable.cost45(Action(.bitSerialDot, bits: 4)))
        #expect(c.energyPJ == row.energyPJ && c.areaUm2 == row.areaUm2)
        #expect(c.source == "synthesized bitmod-dot4")
        // Eight lanes are priced as twice the four-lane datapath, and say so.
        let eight = try #require(SynthesizedActionTable.cost45(Action(.bitSerialDot, bits: 8)))
        #expect(close(eight.energyPJ, 2 * row.energyPJ) && eight.source.contains("× 8/4 lanes"))
        // A table without the row cannot price it.
        #expect(SynthesizedActionTable.cost45(Action(.bitSerialDot, bits: 4), table: SynthesizedTable(json: "{}")) == nil)
    }

    @Test func theBitMoDPEIsPricedAsBitSerialHardwareInEitherMode() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Designs/bitmod-w4.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("\"mode\": \"functional\""))
        let functional = try Design.decode(Data(text.utf8))
        let rtl = try Design.decode(Data(text.replacingOccurrences(of: "\"mode\": \"functional\"", with: "\"mode\": \"rtl\"").utf8))
        #expect(functional.unit != rtl.unit)
        for d in [functional, rtl] {
            let profile = ActionProfile(design: d, library: CostLibrary(design: d))
            let actions = profile.perMAC.map(\.action)
            #expect(actions.contains(Action(.bitSerialDot, bits: 4)))
            #expect(!actions.contains(Action(.fpFMA, bits: 32)))
            // One lane-datapath cycle serves 4 lanes for 1 of a weight's 2 terms: 1/2 per MAC.
            let dot = try #require(profile.perMAC.first { $0.action == Action(.bitSerialDot, bits: 4) })
            #expect(close(dot.perMAC, 0.5))
        }
        let pf = ActionProfile(design: functional, library: CostLibrary(design: functional))
        let pr = ActionProfile(design: rtl, library: CostLibrary(design: rtl))
        #expect(pf.areaUm2 == pr.areaUm2)
        #expect(pf.perMAC.map(\.perMAC) == pr.perMAC.map(\.perMAC))
    }
}
