import ArithmeticUnits
import DesignModel
import Foundation
import TensorEngine
import Testing
import Workloads
@testable import CostModel

/// A precision-scalable PE (`array.packing`) on the cost side: fewer PE-cycles for the same
/// MACs, the lanes' hardware and steering logic in the area of an action-priced PE, nothing
/// added to a published PE figure.
@Suite struct PackedPECostTests {
    static func unpacked(_ d: Design) -> Design {
        var plain = d
        plain.array.packing = nil
        return plain
    }

    static let workload = Workload(name: "g", gemms: [GEMMShape(name: "g", m: 64, k: 4096, n: 4096)])

    @Test func theShippedMixPEDesignsPackTwoWeights() throws {
        let w4a8 = try GoldenTotalsTests.design("mixpe-w4a8.json")
        let w4a16 = try GoldenTotalsTests.design("mixpe-w4a16.json")
        let int8 = try GoldenTotalsTests.design("int8-systolic.json")
        #expect(w4a8.peLanes == PELanes(activation: 1, weight: 2))
        #expect(w4a16.peLanes == PELanes(activation: 1, weight: 2))
        #expect(int8.peLanes == .single)
        #expect(Self.unpacked(w4a8).peLanes == .single)
    }

    /// Per-PE-cycle pricing (the MixPE (8,4) row): the same PEs clock half the compute cycles.
    @Test func publishedPEEnergyFollowsTheCycles() throws {
        var packed = try GoldenTotalsTests.design("mixpe-w4a8.json")
        packed.costLibrary = .paper
        let plain = Self.unpacked(packed)
        let p = try CostEvaluator().evaluate(packed, on: Self.workload)
        let q = try CostEvaluator().evaluate(plain, on: Self.workload)
        #expect(p.macs == q.macs)
        #expect(Double(p.cycles) < 0.6 * Double(q.cycles))
        let ratio = p.energy("pe_dynamic") / q.energy("pe_dynamic")
        #expect(ratio > 0.45 && ratio < 0.6, "\(ratio)")
        // The published figure is the fused PE's own: no steering logic is added to it.
        #expect(try PECost(design: packed, library: CostLibrary(design: packed)).dynamicPJPerCycle
                == PECost(design: plain, library: CostLibrary(design: plain)).dynamicPJPerCycle)
    }

    /// Action pricing (no paper PE): per MAC one more steering mux of the product's width, and
    /// a PE that holds the lanes' datapath (two 8×4 products per cycle).
    @Test func actionPricedPECarriesItsLanes() throws {
        var packed = try GoldenTotalsTests.design("int4-mac.json")
        packed.costLibrary = .horowitz
        packed.unit.paperPE = nil
        packed.costOverrides["pe"] = nil
        let plain = Self.unpacked(packed)
        #expect(packed.peLanes == PELanes(activation: 1, weight: 2))
        let lib = CostLibrary(design: packed)
        let p = ActionProfile(design: packed, library: lib)
        let q = ActionProfile(design: plain, library: lib)
        let mux = Action(.mux, bits: 12)
        let extra = (p.perMAC.first { $0.action == mux }?.perMAC ?? 0) - (q.perMAC.first { $0.action == mux }?.perMAC ?? 0)
        #expect(abs(extra - 1) < 1e-12)
        #expect(p.areaUm2 > 1.9 * q.areaUm2, "\(p.areaUm2) vs \(q.areaUm2)")
        #expect(PackingLogic.actionsPerMAC(plain).isEmpty)
    }
}
