import ArithmeticUnits
import DesignModel
import ExactJSON
import Foundation
import Testing
import Workloads
@testable import CostModel

/// The cost footings of issue 13, item 4: `cost.library` selects the synthesized (default),
/// Horowitz or paper footing; every PE component is priced on it, memories and DRAM are
/// the same on all three, and `paper` without a published figure is refused.
@Suite struct FootingTests {
    static let dir = DesignGoldenTotalsTests.designsDirectory
    static func design(_ file: String, _ footing: CostFooting? = nil) throws -> Design {
        var d = try Design.decode(Data(contentsOf: dir.appendingPathComponent(file)))
        if let footing { d.costLibrary = footing }
        return d
    }
    static let workload = Workload(name: "t", gemms: [GEMMShape(name: "g", m: 4, k: 256, n: 16)])

    /// The committed table is what the binary embeds (`scripts/embed-synthesized-table.sh`).
    @Test func embeddedTableEqualsTheCommittedFile() throws {
        let root = Self.dir.deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("Data/synthesized-45nm.json"), encoding: .utf8)
        #expect(SynthesizedTableText.json + "\n" == file, "run scripts/embed-synthesized-table.sh")
        #expect(SynthesizedTable.shared.rows.count == 38)
    }

    /// Every ladder row exists, so no synthesized action is missing.
    @Test func everyLadderRowIsInTheTable() {
        for (kind, ladder) in SynthesizedActionTable.ladders {
            for p in ladder { #expect(SynthesizedTable.shared.row(p.row) != nil, "\(kind) \(p.row)") }
        }
        for p in SynthesizedActionTable.leadingOne { #expect(SynthesizedTable.shared.row(p.row) != nil, "\(p.row)") }
    }

    /// A published width is the row itself; another width lies between its neighbours.
    @Test func synthesizedRowsAndInterpolation() throws {
        let mul = try #require(SynthesizedActionTable.cost45(Action(.fpMul, bits: 16)))
        let add = try #require(SynthesizedActionTable.cost45(Action(.fpAdd, bits: 16)))
        #expect(abs(mul.areaUm2 - 1386.7) < 0.1)
        #expect(mul.energyPJ == SynthesizedTable.shared.row("fp-mul-fp16")?.energyPJ)
        #expect(mul.areaUm2 > add.areaUm2 && mul.energyPJ > add.energyPJ, "FP16 mul costs more than FP16 add")
        let a8 = try #require(SynthesizedActionTable.cost45(Action(.intAdd, bits: 8)))
        let a12 = try #require(SynthesizedActionTable.cost45(Action(.intAdd, bits: 12)))
        let a16 = try #require(SynthesizedActionTable.cost45(Action(.intAdd, bits: 16)))
        #expect(a8.energyPJ < a12.energyPJ && a12.energyPJ < a16.energyPJ)
        #expect(a8.areaUm2 < a12.areaUm2 && a12.areaUm2 < a16.areaUm2)
        #expect(a12.source.contains("power law"))
        // 8-bit products: an FP action is E4M3, an integer one the signed 8×8 multiplier.
        let fp8 = try #require(SynthesizedActionTable.cost45(Action(.fpMul, bits: 8)))
        let int8 = try #require(SynthesizedActionTable.cost45(Action(.intMul, bits: 8)))
        #expect(fp8.areaUm2 == SynthesizedTable.shared.row("fp-mul-e4m3")?.areaUm2)
        #expect(int8.areaUm2 == SynthesizedTable.shared.row("mul-s8x8")?.areaUm2)
    }

    /// Every action at every width has a finite, positive synthesized cost with its source.
    @Test func everyActionIsPricedOnTheSynthesizedFooting() throws {
        for kind in Action.Kind.allCases {
            for b in LibrarySourceTests.widths {
                let c = try #require(SynthesizedActionTable.cost45(Action(kind, bits: b)), "\(kind) \(b)")
                #expect(c.energyPJ > 0 && c.energyPJ.isFinite && c.areaUm2 > 0 && c.areaUm2.isFinite, "\(kind) \(b)")
                #expect(c.source.hasPrefix("synthesized") || c.source.contains("synthesized"), "\(kind) \(b): \(c.source)")
            }
        }
    }

    /// A table without a primitive prices nothing: the action is refused, not taken from Horowitz.
    @Test func aMissingPrimitiveIsNotBorrowed() {
        let partial = SynthesizedTable(json: #"{"primitives": [{"name": "add-u8", "kind": "adder", "ge": 1, "area_um2": 1, "energy_pj": 1}]}"#)
        #expect(SynthesizedActionTable.cost45(Action(.intAdd, bits: 8), table: partial) == nil)
        #expect(SynthesizedActionTable.cost45(Action(.fpMul, bits: 16), table: partial) == nil)
        #expect(SynthesizedTable(json: "not json").rows.isEmpty)
    }

    /// The footing changes the PE energy and area; memories and DRAM cost the same on all three.
    @Test func footingChangesThePEButNotTheMemories() throws {
        var pe: [CostFooting: (Double, Double)] = [:]
        var rest: [CostFooting: [Double]] = [:]
        for f in CostFooting.allCases {
            let d = try Self.design("fp16-systolic.json", f)
            let c = try CostEvaluator().evaluate(d, on: Self.workload)
            #expect(c.footing == f.rawValue)
            pe[f] = (c.energy("pe_dynamic") + c.energy("pe_leakage"), c.area("pe_array"))
            rest[f] = d.memories.map { c.energy($0.name) } + [c.energy("dram"), c.energy("sram_leakage")]
                + d.memories.map { c.area($0.name) }
        }
        let s = try #require(pe[.synthesized]), h = try #require(pe[.horowitz]), p = try #require(pe[.paper])
        #expect(s.0 != h.0 && s.0 != p.0 && h.0 != p.0, "PE energy: \(s.0), \(h.0), \(p.0)")
        #expect(s.1 != h.1 && s.1 != p.1, "PE area: \(s.1), \(h.1), \(p.1)")
        #expect(rest[.synthesized] == rest[.horowitz] && rest[.horowitz] == rest[.paper])
    }

    /// The default footing is synthesized, and it uses no paper PE: the source says the
    /// design's published PE applies on the paper footing only.
    @Test func defaultIsSynthesizedAndIgnoresPaperPEsVisibly() throws {
        let d = try Self.design("mixpe-w4a8.json")
        #expect(d.costLibrary == .synthesized)
        let pe = try PECost(design: d, library: CostLibrary(design: d))
        #expect(pe.dynamicPJPerCycle == nil && pe.leakagePJPerCycle == 0 && !pe.actionPJPerMAC.isEmpty)
        #expect(pe.energySource.contains("cost.library paper only"), "\(pe.energySource)")
        #expect(pe.areaSource.hasPrefix("synthesized footing"))
        let h = try PECost(design: d, library: CostLibrary(design: d, footing: .horowitz))
        #expect(h.actionPJPerMACTotal != pe.actionPJPerMACTotal)
    }

    /// On paper, a row without an area (MixPE) takes the synthesized action area and says so.
    @Test func paperWithoutAPublishedAreaNamesItsAreaSource() throws {
        let d = try Self.design("mixpe-w4a8.json", .paper)
        let pe = try PECost(design: d, library: CostLibrary(design: d))
        #expect(pe.dynamicPJPerCycle != nil)
        #expect(pe.areaSource.contains("no published PE area"), "\(pe.areaSource)")
        let synth = try PECost(design: d, library: CostLibrary(design: d, footing: .synthesized))
        #expect(abs(pe.areaUm2 - synth.areaUm2) < 1e-9)
    }

    /// A design on paper without a published PE energy is refused with the path to set.
    @Test func paperWithoutAFigureIsRefused() throws {
        let lut = try Self.design("lut-tc-w2a16.json", .paper)
        #expect(throws: FootingError.self) { try CostEvaluator().evaluate(lut, on: Self.workload) }
        #expect(FootingError.check(lut, footing: .paper)?.path == "unit.paper_pe")
        var areaOnly = lut
        areaOnly.costOverrides["pe"] = CostOverride(areaUm2: 100, source: "test")
        let e = try #require(FootingError.check(areaOnly, footing: .paper))
        #expect(e.path == "cost_overrides.pe" && e.description.hasPrefix("cost_overrides.pe: design lut-tc-w2a16 on cost.library paper"))
        #expect(FootingError.check(lut, footing: .synthesized) == nil)
        #expect(try CostEvaluator().evaluate(Self.design("lut-tc-w2a16.json"), on: Self.workload).energy("total") > 0)
    }

    /// `cost.library` decodes, defaults to synthesized, and an override can set it on a
    /// design that has no `cost` section (sweeps and `qarch evaluate --library`).
    @Test func costLibraryDecodesAndOverrides() throws {
        let bytes = try Data(contentsOf: Self.dir.appendingPathComponent("int8-systolic.json"))
        #expect(try Design.decode(bytes).costLibrary == .synthesized)
        for f in CostFooting.allCases {
            let d = try Design.decode(bytes, overrides: [try DesignOverride(parsing: "cost.library=\(f.rawValue)")])
            #expect(d.costLibrary == f)
        }
        do {
            _ = try Design.decode(bytes, overrides: [try DesignOverride(parsing: "cost.library=paprr")])
            Issue.record("accepted an unknown footing")
        } catch let error as DesignErrors {
            #expect(error.issues.map(\.path.description) == ["cost.library"])
            #expect(error.issues.first?.message.contains("did you mean 'paper'") == true)
        }
        let tree = try JSONNode.parse(bytes).get()
        let change = OverrideChange.list([try DesignOverride(parsing: "cost.library=horowitz")], on: tree)
        #expect(change.count == 1 && change.first?.before == nil)
    }
}
