import Testing
@testable import Characterize

@Suite struct SynthesisParsingTests {
    @Test func statCellsAreRead() {
        let text = """
        === add_u8_gates ===

           Number of wires:                 32
           Number of cells:                 38
             $_AND_                          1
             $_NAND_                        22
             $_XOR_                         13
        """
        #expect(Synthesis.parseStat(text) == ["$_AND_": 1, "$_NAND_": 22, "$_XOR_": 13])
    }

    @Test func gateEquivalentsUseTheNanGateAreas() throws {
        #expect(try CellWeights.gateEquivalents(["$_NAND_": 3, "$_XOR_": 1]) == 5)
        #expect(abs(try CellWeights.gateEquivalents(["$_DFF_P_": 3]) - 3 * 4.522 / 0.798) < 1e-12)
        #expect(abs(CellWeights.areaUm2(gateEquivalents: 10) - 7.98) < 1e-12)
        #expect(abs(CellWeights.energyPerGEToggleFJ - 1.296) < 1e-12)
        #expect(throws: CharacterizeProblem.self) { try CellWeights.gateEquivalents(["$_AOI3_": 1]) }
    }

    @Test func togglesCountNetsButNotInputs() {
        func line(_ signal: String, _ hierarchy: String, _ count: Int) -> String {
            "C '\u{1}f\u{2}gates.v\u{1}page\u{2}v_toggle/m\u{1}o\u{2}\(signal)\u{1}h\u{2}\(hierarchy)' \(count)"
        }
        let text = ["# SystemC::Coverage-3", line("a[0]", "TOP.harness.gates", 9), line("g_1", "TOP.harness.gates", 7),
                    line("y[1]", "TOP.harness.gates", 3), line("y[1]", "TOP.harness.rtl", 5)].joined(separator: "\n")
        #expect(ToggleCount.parse(text, excluding: ["a"]) == ToggleCount(nets: 2, toggles: 10))
    }
}
