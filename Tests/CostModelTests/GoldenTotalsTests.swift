import DesignModel
import Foundation
import Testing
import Workloads
@testable import CostModel

/// Totals for two small designs on fixed small workloads, derived by hand from the tables.
@Suite struct GoldenTotalsTests {
    func close(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

    static func design(_ file: String) throws -> Design {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Designs").appendingPathComponent(file)
        return try Design.decode(Data(contentsOf: url)).onHandDerivedFooting
    }

    /// FP16 MAC, 4×4 os array, 45 nm 0.9 V 1 GHz, no on-chip memories, DRAM 1 pJ/bit read,
    /// 2 pJ/bit write (1024 B/cycle: no stalls), `pe` override 0.5 pJ/cycle, 100 µm².
    /// Workload: C[4×4] = A[4×8]·B[8×4], twice.
    ///
    /// By hand, one GEMM: one fold (M = 4 rows, N = 4 cols), T = 8 steps of 1 cycle, so
    /// L = 8, wavefront W = 8 + 3 + 3 = 14, native os compute cycles = W + R (drain) = 18.
    /// DRAM: the fold's 128 B of A and B arrive in ⌈128/1024⌉ = 1 cycle before the stream may
    /// start (`DRAMConfig`): 1 stall cycle, so 19 cycles per GEMM, 38 in all (36 compute).
    /// - PE dynamic (compute cycles only): 16 PEs × 36 cycles × 0.5 pJ = 288 pJ. Leakage 0 (the FP16 MAC paper PE
    ///   has no leakage split and 0.5 matches no MixPE row).
    /// - DRAM per GEMM: A 32×16 b + B 32×16 b = 1024 b read × 1 pJ = 1024 pJ; C 16×32 b
    ///   (FP32 out) = 512 b written × 2 pJ = 1024 pJ; ×2 GEMMs = 4096 pJ.
    /// - Total 4384 pJ; area 16 × 100 = 1600 µm²; latency 38 ns; MACs 2 × 128 = 256;
    ///   TOPS = 512 / 38 ns, TOPS/W = 512 / 4384.
    @Test func fp16MACNoSRAM() throws {
        var d = try Self.design("fp16-systolic.json")
        d.technology = Technology(nodeNm: 45, voltageV: 0.9, frequencyMHz: 1000)
        d.array = ArraySpec(kind: .systolic, rows: 4, cols: 4, dataflow: .os)
        d.memories = []
        d.dram = DRAMSpec(bytesPerCycle: 1024, readPJPerBit: 1, writePJPerBit: 2)
        d.costOverrides = ["pe": CostOverride(energyPJ: 0.5, areaUm2: 100, source: "test")]
        let w = Workload(name: "t", gemms: [GEMMShape(name: "g", m: 4, k: 8, n: 4, count: 2)])
        let c = try CostEvaluator().evaluate(d, on: w)
        #expect(c.cycles == 38)
        #expect(close(c.energy("pe_dynamic"), 288))
        #expect(c.energy("pe_leakage") == 0)
        #expect(close(c.energy("dram"), 4096))
        #expect(close(c.energy("total"), 4384))
        #expect(close(c.area("total"), 1600))
        #expect(close(c.latencyS, 38e-9))
        #expect(c.macs == 256)
        #expect(close(c.topsPerW, 512 / 4384))
        #expect(close(c.tops, 512 / 38e-9 / 1e12))
    }

    /// INT8 MAC, 2×2 os array, 28 nm 0.9 V 500 MHz; energy from the MixPE (8,4) paper PE
    /// (dynamic 279 960 nW, leakage 64 314 nW at 500 MHz), area override 200 µm²; one
    /// activation SRAM of 64 KiB, 1 bank, 64-bit (the CACTI 28 nm 64 kB point: 11.6/10.4 pJ,
    /// 0.200 mm², 42.6 mW); B and C have no memory. DRAM 0.644304/0.784104 pJ/bit (MixPE).
    /// Workload: C[2×2] = A[2×16]·B[16×2] once.
    ///
    /// By hand: one fold, T = 16, W = 16 + 1 + 1 = 18, + R = 2 → 20 compute cycles; the
    /// fold's 64 B of A and B take ⌈64/128⌉ = 1 DRAM cycle first: 21 cycles, 42 ns.
    /// - PE dynamic (compute): 4 × 20 × (0.27996 mW / 0.5 GHz = 0.55992 pJ) = 44.7936 pJ.
    /// - PE leakage (all cycles): 4 × 21 × (0.064314 mW / 0.5 GHz = 0.128628 pJ) = 10.804752 pJ.
    /// - A SRAM: 32 B read by the array = 4 64-bit words, 32 B filled from DRAM = 4 words:
    ///   4 × 11.6 + 4 × 10.4 = 88 pJ (8 access cycles < 20: no SRAM stall).
    /// - SRAM leakage: 42.6 mW × 42 ns = 1789.2 pJ.
    /// - DRAM: A 32 B + B 32 B = 512 b × 0.644304 = 329.883648 pJ; C 4 × 32 b (int32) = 128 b
    ///   × 0.784104 = 100.365312 pJ.
    /// - Total 44.7936 + 10.804752 + 88 + 1789.2 + 329.883648 + 100.365312 = 2363.047312 pJ;
    ///   area 4 × 200 + 200 000 = 200 800 µm².
    @Test func int8MACWithActivationSRAM() throws {
        var d = try Self.design("int8-systolic.json")
        d.array = ArraySpec(kind: .systolic, rows: 2, cols: 2, dataflow: .os)
        d.memories = [MemorySpec(name: "act", operand: .a, sizeKiB: 64, banks: 1, widthBits: 64, doubleBuffered: false)]
        d.costOverrides = ["pe": CostOverride(areaUm2: 200, source: "test")]
        let w = Workload(name: "t", gemms: [GEMMShape(name: "g", m: 2, k: 16, n: 2)])
        let c = try CostEvaluator().evaluate(d, on: w)
        #expect(c.cycles == 21)
        #expect(close(c.energy("pe_dynamic"), 44.7936))
        #expect(close(c.energy("pe_leakage"), 10.804752))
        #expect(close(c.energy("act"), 88))
        #expect(close(c.energy("sram_leakage"), 1789.2))
        #expect(close(c.energy("dram"), 329.883648 + 100.365312))
        #expect(close(c.energy("total"), 2363.047312))
        #expect(close(c.area("total"), 200_800))
    }

    /// Overrides replace table entries: a memory's energy and area, the DRAM pJ/bit.
    @Test func overridesReplaceEntries() throws {
        var d = try Self.design("int8-systolic.json")
        d.array = ArraySpec(kind: .systolic, rows: 2, cols: 2, dataflow: .os)
        d.memories = [MemorySpec(name: "act", operand: .a, sizeKiB: 64, banks: 1, widthBits: 64, doubleBuffered: false)]
        d.costOverrides = ["pe": CostOverride(areaUm2: 200, source: "test"),
                           "act": CostOverride(energyPJ: 1, areaUm2: 1000, source: "test"),
                           "dram": CostOverride(energyPJ: 0, source: "test")]
        let c = try CostEvaluator().evaluate(d, on: Workload(name: "t", gemms: [GEMMShape(name: "g", m: 2, k: 16, n: 2)]))
        #expect(close(c.energy("act"), 8))
        #expect(c.energy("dram") == 0)
        #expect(close(c.area("total"), 1800))
    }

    /// The PE component split: BitMoD's spreadsheet powers (Exp Match 0.136 of 0.586 mW),
    /// actions for action-priced units; the parts sum to `pe_dynamic`.
    @Test func peComponentSplit() throws {
        let w = Workload(name: "t", gemms: [GEMMShape(name: "g", m: 4, k: 256, n: 8)])
        let b = try CostEvaluator().evaluate(Self.design("bitmod-w4.json"), on: w)
        let exp = try #require(b.peComponentsPJ.first { $0.key == "exp_match" })
        #expect(close(exp.value, b.energy("pe_dynamic") * 0.136 / 0.586))
        for f in ["bitmod-w4.json", "hif8-mac.json", "mxfp4-dot.json"] {
            let c = try CostEvaluator().evaluate(Self.design(f), on: w)
            #expect(!c.peComponentsPJ.isEmpty, "\(f)")
            #expect(close(c.peComponentsPJ.reduce(0) { $0 + $1.value }, c.energy("pe_dynamic")), "\(f)")
        }
    }

    /// A paper PE used at another node is scaled (FP16 MAC: 0.77 pJ, 1968.7 µm² at 28 nm →
    /// ×45/28 energy, ×(45/28)² area at 45 nm); a `pe` override is never scaled.
    @Test func paperPEScalesToTheDesignNode() throws {
        var d = try Self.design("fp16-systolic.json")
        d.technology = Technology(nodeNm: 45, voltageV: 0.9, frequencyMHz: 1000)
        d.costOverrides = [:]
        let lib = CostLibrary(design: d)
        let pe = try PECost(design: d, library: lib)
        #expect(close(pe.dynamicPJPerCycle ?? 0, 0.77 * 45 / 28))
        #expect(close(pe.areaUm2, 1968.7 * (45.0 / 28) * (45.0 / 28)))
        d.costOverrides = ["pe": CostOverride(energyPJ: 0.77, areaUm2: 1968.7, source: "test")]
        let fixed = try PECost(design: d, library: CostLibrary(design: d))
        #expect(fixed.dynamicPJPerCycle == 0.77 && fixed.areaUm2 == 1968.7)
    }

    /// Every shipped design evaluates on the default workload with finite, positive figures.
    @Test func everyDesignEvaluates() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Designs")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") && !$0.hasSuffix("schema.json") }
        #expect(files.count >= 2)
        let w = try #require(Workload.builtIn("llama-2-7b:decode:1:layer"))
        for f in files {
            let c = try CostEvaluator().evaluate(Self.design(f), on: w)
            #expect(c.energy("total") > 0 && c.energy("total").isFinite, "\(f)")
            #expect(c.area("total") > 0 && c.cycles > 0 && c.tops > 0 && c.topsPerW > 0 && c.topsPerMM2 > 0, "\(f)")
        }
    }
}
