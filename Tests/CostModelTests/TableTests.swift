import ArithmeticUnits
import DesignModel
import Foundation
import Testing
@testable import CostModel

/// The published tables reproduced exactly.
@Suite struct TableTests {
    func close(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

    @Test func bitmodPEIsTheSumOfItsComponents() {
        let pe = PaperPETable.bitmodPE
        #expect(close(pe.areaUm2 ?? 0, 1793.7))
        #expect(close(pe.powerMW, 0.586))
        #expect(close(pe.energyPerCycle(frequencyMHz: 1000), 0.586))   // 1 GHz: mW ≡ pJ/cycle
        #expect(close(PaperPETable.bitmodComponents.reduce(0) { $0 + $1.areaUm2 }, 1793.7))
        #expect(close(PaperPETable.bitmodComponents.reduce(0) { $0 + $1.powerMW }, 0.586))
    }

    @Test func fp16MACAndFP16xINT8() {
        #expect(close(PaperPETable.fp16MAC.areaUm2 ?? 0, 1968.7))
        #expect(close(PaperPETable.fp16MAC.powerMW, 0.77))
        #expect(close(PaperPETable.fp16xInt8.areaUm2 ?? 0, 1318.6))
        #expect(close(PaperPETable.fp16xInt8.energyPerCycle(frequencyMHz: 1000), 0.613))
    }

    @Test func mixpeEnergiesPerCycleAt500MHz() {
        func pj(_ p: PaperPE) -> Double { (p.energyPerCycle(frequencyMHz: 500) * 1000).rounded() / 1000 }
        #expect(pj(PaperPETable.mixpeW4A8) == 0.689)
        #expect(pj(PaperPETable.mixpeW4A16) == 1.347)
        #expect(pj(PaperPETable.mixpeFP16) == 2.066)
        for p in [PaperPETable.mixpeW4A8, PaperPETable.mixpeW4A16, PaperPETable.mixpeFP16] {
            #expect(p.leakageFraction > 0.18 && p.leakageFraction < 0.20)   // "about 19 %"
        }
        // W4A8: 64.3 µW of 344.3 µW.
        #expect(abs(PaperPETable.mixpeW4A8.leakageMW - 0.0643) < 0.0001)
        #expect(PaperPETable.mixpeRow(publishedPJ: 1.347) == PaperPETable.mixpeW4A16)
        #expect(PaperPETable.mixpeRow(publishedPJ: 0.586) == nil)
    }

    /// The published figures come out of the evaluator's own PE pricing (`PECost`) for the
    /// shipped designs with their `pe` overrides removed, i.e. from the paper PE tables:
    /// BitMoD PE 1793.7 µm², 0.586 pJ/cycle = 0.586 mW at 1 GHz; FP16 MAC 1968.7 µm²,
    /// 0.77 mW at 1 GHz; MixPE (8,4) and (16,8) dynamic + leakage at 500 MHz = 0.689 and
    /// 1.347 pJ/cycle.
    @Test func publishedFiguresThroughPECost() throws {
        let dir = DesignGoldenTotalsTests.designsDirectory
        func pe(_ file: String, mhz: Double? = nil) throws -> PECost {
            var d = try Design.decode(Data(contentsOf: dir.appendingPathComponent(file)))
            d.costOverrides = [:]
            if let mhz { d.technology.frequencyMHz = mhz }
            d.costLibrary = .paper   // the published figures are the paper footing's
            return try PECost(design: d, library: CostLibrary(design: d))
        }
        let bitmod = try pe("bitmod-w4.json")
        #expect(close(bitmod.areaUm2, 1793.7))
        #expect(close((bitmod.dynamicPJPerCycle ?? 0) + bitmod.leakagePJPerCycle, 0.586))   // pJ/cycle × 1 GHz = mW
        let fp16 = try pe("fp16-systolic.json", mhz: 1000)
        #expect(close(fp16.areaUm2, 1968.7))
        #expect(close((fp16.dynamicPJPerCycle ?? 0) + fp16.leakagePJPerCycle, 0.77))
        let w4a8 = try pe("mixpe-w4a8.json"), w4a16 = try pe("mixpe-w4a16.json")
        #expect((((w4a8.dynamicPJPerCycle ?? 0) + w4a8.leakagePJPerCycle) * 1000).rounded() == 689)
        #expect((((w4a16.dynamicPJPerCycle ?? 0) + w4a16.leakagePJPerCycle) * 1000).rounded() == 1347)
        #expect((PaperPETable.mixpeFP16.energyPerCycle(frequencyMHz: 500) * 1000).rounded() == 2066)
    }

    /// Every published PE is reachable from a design file: `unit.paper_pe` names it
    /// (`PublishedPE`), and the name leads to the entry of that name.
    @Test func everyPaperPEHasItsDesignKey() {
        for key in PublishedPE.allCases {
            let row = PaperPETable.figures(for: key)
            #expect(row.name == key.rawValue)
            #expect((row.areaUm2 != nil) == key.publishesArea, "\(key.rawValue): publishesArea disagrees with the table")
        }
    }

    @Test func horowitzPublishedPoints() {
        let cases: [(ComponentCost, Double, Double)] = [
            (HorowitzTable.intAdd(bits: 8), 0.03, 36), (HorowitzTable.intAdd(bits: 16), 0.05, 67),
            (HorowitzTable.intAdd(bits: 32), 0.1, 137), (HorowitzTable.intMul(bits: 8), 0.2, 282),
            (HorowitzTable.intMul(bits: 32), 3.1, 3495), (HorowitzTable.fpAdd(bits: 16), 0.4, 1360),
            (HorowitzTable.fpMul(bits: 16), 1.1, 1640), (HorowitzTable.fpAdd(bits: 32), 0.9, 4184),
            (HorowitzTable.fpMul(bits: 32), 3.7, 7700),
        ]
        for (c, e, a) in cases {
            #expect(close(c.energyPJ, e))
            #expect(close(c.areaUm2, a))
            #expect(c.process == .horowitz45)
        }
    }

    @Test func horowitzInterpolationRules() {
        // int add: linear between points, proportional outside.
        #expect(close(HorowitzTable.intAdd(bits: 24).energyPJ, 0.075))
        #expect(close(HorowitzTable.intAdd(bits: 4).energyPJ, 0.015))
        #expect(close(HorowitzTable.intAdd(bits: 64).energyPJ, 0.2))
        // int mul: power law through (8, 0.2) and (32, 3.1): 16 b is the geometric mean.
        #expect(close(HorowitzTable.intMul(bits: 16).energyPJ, (0.2 * 3.1).squareRoot()))
        // FMA = mul + add.
        #expect(close(ActionCostTable.cost45(Action(.fpFMA, bits: 16)).energyPJ, 1.5))
        #expect(close(ActionCostTable.cost45(Action(.mux, bits: 16)).energyPJ, 0.0125))
    }
}
