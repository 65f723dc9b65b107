import CostModel
import Foundation
import Testing
import Workloads
@testable import Exploration

/// The artifact formulas and one reproduction design's cost, derived by hand.
@Suite struct ReproductionModelTests {
    static let designs = ReproductionDesigns(directory: URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Designs"))

    @Test func mixpeArtifactCycleFormula() {
        // OPT-6.7B QKV (N = 12288, K = 4096, M = 64) on FP16 32×28: ⌈64/32⌉·⌈12288/28⌉·4096 = 2·439·4096.
        let w = Workload(name: "qkv", gemms: [GEMMShape(name: "qkv", m: 64, k: 4096, n: 12288)])
        #expect(MixPEReproduction.artifactCycles(w, rows: 32, cols: 28, pfA: 1, pfW: 1) == 2 * 439 * 4096)
        // MixPE-W4A8 64×64 with pf_w = 2: ⌈64/64⌉·⌈12288/128⌉·4096 = 96·4096.
        #expect(MixPEReproduction.artifactCycles(w, rows: 64, cols: 64, pfA: 1, pfW: 2) == 96 * 4096)
    }

    @Test func bitmodArtifactModel() {
        // compute ⌈64/1⌉·⌈32/32⌉·⌈32/32⌉·1 = 64; DRAM (32·64·2 + 32·64·2 + 32·32·2)/32 = 10240/32 = 320.
        let fp16 = BitMoDArtifactModel(rows: 32, cols: 32, dp: 1, peLatency: 1, weightBits: 16)
        #expect(fp16.cycles(GEMMShape(name: "g", m: 32, k: 64, n: 32)) == 320)
        // BitMoD, 256 tokens, K = N = 4096: compute ⌈4096/4⌉·⌈4096/32⌉·⌈256/32⌉·2 = 1024·128·8·2 = 2 097 152;
        // DRAM (4096·4096·4.0625/8 + 2·256·4096·2)/32 = (8 519 680 + 4 194 304)/32 = 397 312.
        let bitmod = BitMoDArtifactModel(rows: 32, cols: 32, dp: 4, peLatency: 2, weightBits: 4.0625)
        #expect(bitmod.cycles(GEMMShape(name: "g", m: 256, k: 4096, n: 4096, count: 2)) == 2 * 2_097_152)
    }

    @Test func bitmodSRAMBandwidthFormula() {
        // weights 4·⌈4.0625/4⌉·4·32 / 2 = 4·2·4·32/2 = 512; inputs 4·16·32/2 = 1024.
        let b = BitMoDReproduction.sramBits(dp: 4, weightBits: 4.0625, rows: 32, cols: 32, bitSerial: true)
        #expect(b.weight == 512 && b.input == 1024)
        // FP16 baseline, discriminative 32×24: weights 1·4·4·32 = 512, inputs 16·24 = 384.
        let f = BitMoDReproduction.sramBits(dp: 1, weightBits: 16, rows: 32, cols: 24, bitSerial: false)
        #expect(f.weight == 512 && f.input == 384)
    }

    /// The BitFusion-like design (int8-systolic with 40 columns) on M = 64, K = 100, N = 80, by hand:
    /// - folds F = ⌈64/32⌉·⌈80/40⌉ = 4, stream L = K = 100, wavefront W = 100 + 31 + 39 = 170;
    ///   native os compute = L + (F−2)·max(L, R) + W + R = 100 + 200 + 170 + 32 = 502;
    /// - DRAM stall before the first fold: (A panel 32·100 + B panel 100·40) bytes / 128 B per cycle
    ///   = 7200/128 = 56.25 → 57; total 559 cycles;
    /// - PE: 0.689 pJ split by the MixPE (8,4) row, leakage 64 314 / 344 274 of it:
    ///   dynamic 1280·0.689·(1 − 0.186811…)·502, leakage 1280·0.689·0.186811…·559;
    /// - DRAM: (6400 + 8000) B read · 8 · 0.644304 + 64·80·4 B written · 8 · 0.784104.
    @Test func bitfusionLikeDesignOnASmallGEMM() throws {
        // The MixPE table is on the paper footing (the artifact's per-PE figures), as this derivation.
        let entry = try #require(try MixPEReproduction.entries(Self.designs.on(.paper)).first { $0.modelled.label == "BitFusion" })
        let w = Workload(name: "small", gemms: [GEMMShape(name: "g", m: 64, k: 100, n: 80)])
        let c = try ReproductionDesigns.evaluate(entry.modelled.design, on: w)
        #expect(c.cycles == 559)
        let leak = 0.064314 / (0.064314 + 0.279960)
        #expect(abs(c.energy("pe_dynamic") - 1280 * 0.689 * (1 - leak) * 502) < 1e-6)
        #expect(abs(c.energy("pe_leakage") - 1280 * 0.689 * leak * 559) < 1e-6)
        #expect(abs(c.energy("dram") - (14_400 * 8 * 0.644304 + 20_480 * 8 * 0.784104)) < 1e-6)
    }

    @Test func everyGapOverTwentyPercentIsExplained() throws {
        let repro = try SeedReproduction.build(designs: Self.designs)
        #expect(repro.unexplainedRows.isEmpty)
        #expect(repro.sections.map(\.csvName) == ["footings.csv", "mixpe-time.csv", "mixpe-energy.csv", "mixpe-energy-split.csv",
                                                  "bitmod.csv", "lut-tensor-core.csv", "bitmod-weight-bits.csv"])
        // Every published MixPE time cell appears beside ours.
        let time = repro.sections[1]
        for model in MixPEPublished.models {
            for (i, d) in MixPEPublished.designs.enumerated() {
                let row = time.rows.first { $0.labels == [model, d] }
                #expect(row?.published == MixPEPublished.time[model]?[i])
            }
        }
        // The energy split has 4 models × 6 designs × 4 parts published cells.
        #expect(repro.sections[3].rows.filter { $0.published != nil }.count == 96)
        // The BitMoD averages and the LUT Tensor Core claims.
        let published = Set(repro.sections[4...].flatMap(\.rows).compactMap(\.published))
        #expect(published == [1.69, 1.48, 10, 1.44])
        // The FP16 column is the normalization: exactly 1.
        #expect(time.rows.first { $0.labels == ["OPT-6.7B", "FP16"] }?.ours == 1)
    }

    /// The footing table: every headline on the synthesized and Horowitz footings, the
    /// paper footing only where a PE figure is published; times equal on every footing,
    /// PE-priced ratios not.
    @Test func headlinesOnEveryFooting() throws {
        let s = try FootingComparison.section(designs: Self.designs)
        func value(_ headline: String, _ f: String) -> Double? { s.rows.first { $0.labels == [headline, f] }?.ours }
        let time = "MixPE-W4A8 time / FP16 (mean)", energy = "MixPE-W4A8 energy / FP16 (mean of 4 models)"
        let t = ["synthesized", "horowitz", "paper"].compactMap { value(time, $0) }
        #expect(t.count == 3 && Set(t).count == 1, "time is footing-independent: \(t)")
        let e = ["synthesized", "horowitz", "paper"].compactMap { value(energy, $0) }
        #expect(e.count == 3 && Set(e).count == 3, "energy depends on the footing: \(e)")
        let lut = "LUT TC vs MAC TC (FP16), energy efficiency ratio"
        #expect(value(lut, "synthesized") != nil && value(lut, "horowitz") != nil && value(lut, "paper") == nil)
        let fp8 = try #require(value("FP8 / INT8 MAC, PE energy per MAC", "synthesized"))
        #expect(fp8 > 1, "an FP8 MAC costs more than an INT8 MAC on the synthesized footing: \(fp8)")
        let mx = try #require(value("MXFP8 / MXINT8 element datapath, area", "synthesized"))
        #expect(mx > 1)
        #expect(s.unexplainedRows.isEmpty)
        #expect(s.rows.contains { $0.published == FootingComparison.fp8Middle })
    }
}
