import ArithmeticUnits
import CostModel
import Foundation
import Testing
@testable import Exploration

/// The dense / LLM-like / pruned section of the seed reproduction: which rows it reads, and
/// how a row's lane-datapath energy reaches the BitMoD PE's energy per MAC.
@Suite struct BitSerialWeightEnergyTests {
    static let designs = ReproductionModelTests.designs

    /// A table of the three rows alone, with chosen energies and densities.
    static func table(dense: Double, llm: Double, pruned: Double) -> SynthesizedTable {
        func row(_ name: String, _ pj: Double, _ density: String) -> String {
            """
            {"name": "\(name)", "kind": "bit-serial-dot", "parameters": {"term_density": "\(density)"}, "ge": 1000, "area_um2": 798,
             "toggles": {"stream": "s", "rate": 0.25}, "energy_pj": \(pj)}
            """
        }
        return SynthesizedTable(json: "{\"primitives\": [" + [row("bitmod-dot4-dense", dense, "1.000"), row("bitmod-dot4", llm, "0.500"),
                                                               row("bitmod-dot4-pruned", pruned, "0.250")].joined(separator: ",") + "]}")
    }

    @Test func aRowsEnergyScalesOnlyTheLaneDatapathShare() throws {
        let s = try BitSerialWeightEnergy.section(designs: Self.designs, table: Self.table(dense: 2, llm: 1, pruned: 0.5))
        func value(_ label: String, _ quantity: String) throws -> Double {
            try #require(s.rows.first { $0.labels[0] == label && $0.labels[1].hasPrefix(quantity) }).ours
        }
        #expect(try value("dense", "term density") == 1 && value("pruned 50 %", "term density") == 0.25)
        #expect(try value("LLM-like", "lane datapath pJ") == 1)
        // The PE per MAC moves by the lane datapath's share only: with the dense row at twice
        // and the pruned at half the priced row, PE(dense) − PE(LLM) = 2 · (PE(LLM) − PE(pruned)).
        let dense = try value("dense", "BitMoD-W4 PE"), llm = try value("LLM-like", "BitMoD-W4 PE")
        let pruned = try value("pruned 50 %", "BitMoD-W4 PE")
        #expect(dense > llm && llm > pruned)
        #expect(abs((dense - llm) - 2 * (llm - pruned)) < 1e-12 * dense)
        #expect(try value("pruned 50 %", "PE energy / dense") == pruned / dense)
        // The share is the design's own bitserial_dot4 pJ per MAC on the synthesized footing.
        let d = try Self.designs.on(.synthesized).load(BitSerialWeightEnergy.designFile).design
        let dot = try #require(ActionProfile(design: d, library: CostLibrary(design: d)).perMAC.first { $0.action == Action(.bitSerialDot, bits: 4) })
        #expect(abs((llm - pruned) - dot.perMAC * dot.pj * 0.5) < 1e-12 * dense)
        #expect(s.notes.contains("costs -50.0 % on LLM-like weights and -75.0 % on pruned"), "\(s.notes)")
    }

    @Test func aMissingRowIsAnError() {
        #expect(throws: ReproductionError.self) {
            try BitSerialWeightEnergy.section(designs: Self.designs, table: SynthesizedTable(json: "{}"))
        }
    }
}
