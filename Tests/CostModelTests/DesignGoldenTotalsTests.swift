import DesignModel
import Foundation
import Testing
import Workloads
@testable import CostModel

/// Golden totals for every design in `Designs/`, unmodified, on one fixed workload:
/// a single GEMM C[4×16] = A[4×256]·B[256×16], once (16 384 MACs).
///
/// Every expected number is derived by hand in the comments of the `golden…` tables
/// (`DesignGoldenBitMoDMemories.swift`, `DesignGoldenMixPEMemories.swift`) from:
/// - the engine's native timing: one fold on every systolic array (M = 4 ≤ rows,
///   N = 16 ≤ cols), T = ⌈K/lanes⌉ steps of s = II cycles, L = T·s,
///   wavefront W = L + (R−1) + (C−1), compute = W + R (os drain); the fold's A and B
///   arrive first in D = ⌈(A bytes + B bytes)/(DRAM bytes per cycle)⌉ cycles, so
///   cycles = D + compute (+ SRAM stall, zero for every design here);
/// - the buffer model's words: ⌈8·bytes / width_bits⌉ per operand and direction;
/// - the CACTI 7 points at 28 nm (cost-references.md §2) and the fit of `SRAMModel`
///   (below), the Horowitz 45 nm table (§1) scaled to 28 nm, the paper PEs (§3);
/// - for action-priced units, the actions per MAC of the unit's algorithm on the
///   representative GEMM M = 2, K = 256, N = the array's columns (tensor cores: the
///   tile's n) that `ActionProfile` runs.
@Suite struct DesignGoldenTotalsTests {
    /// The expected figures of one design on `workload`.
    struct Golden {
        var cycles: Int
        var peDynamic: Double
        var peLeakage: Double
        /// Dynamic access energy per memory, by the design's memory name.
        var memories: [String: Double]
        var sramLeakage: Double
        var dram: Double
        var area: Double
    }

    static let workload = Workload(name: "golden", gemms: [GEMMShape(name: "g", m: 4, k: 256, n: 16)])
    static let macs = 4 * 256 * 16

    /// Every design file's golden entry, by file name.
    static var golden: [String: Golden] { goldenBitMoDMemories.merging(goldenMixPEMemories) { a, _ in a } }

    static var designsDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Designs")
    }

    static var designFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: designsDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasSuffix("schema.json") }.sorted()
    }

    func close(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

    /// A design added to `Designs/` without a golden entry (or an entry without its file) fails here.
    @Test func everyDesignHasAGoldenEntry() {
        #expect(Self.designFiles.count >= 18)
        #expect(Set(Self.designFiles) == Set(Self.golden.keys))
    }

    @Test("golden totals", arguments: designFiles)
    func goldenTotals(file: String) throws {
        let want = try #require(Self.golden[file], "\(file) has no golden entry")
        let design = try Design.decode(Data(contentsOf: Self.designsDirectory.appendingPathComponent(file))).onHandDerivedFooting
        let cost = try CostEvaluator().evaluate(design, on: Self.workload)
        #expect(cost.macs == Self.macs)
        #expect(cost.cycles == want.cycles, "\(file) cycles")
        #expect(close(cost.latencyS, Double(want.cycles) / (design.technology.frequencyMHz * 1e6)), "\(file) latency")
        #expect(close(cost.energy("pe_dynamic"), want.peDynamic), "\(file) pe_dynamic \(cost.energy("pe_dynamic")) vs \(want.peDynamic)")
        #expect(close(cost.energy("pe_leakage"), want.peLeakage), "\(file) pe_leakage \(cost.energy("pe_leakage")) vs \(want.peLeakage)")
        for m in design.memories {
            let got = cost.energy(m.name), expected = want.memories[m.name] ?? .nan
            #expect(close(got, expected), "\(file) \(m.name) \(got) vs \(expected)")
        }
        #expect(Set(design.memories.map(\.name)) == Set(want.memories.keys), "\(file) memories")
        #expect(close(cost.energy("sram_leakage"), want.sramLeakage), "\(file) sram_leakage \(cost.energy("sram_leakage")) vs \(want.sramLeakage)")
        #expect(close(cost.energy("dram"), want.dram), "\(file) dram \(cost.energy("dram")) vs \(want.dram)")
        let total = want.peDynamic + want.peLeakage + want.memories.values.reduce(0, +) + want.sramLeakage + want.dram
        #expect(close(cost.energy("total"), total), "\(file) total \(cost.energy("total")) vs \(total)")
        // The MixPE rows publish no area: their hand-derived PE area is the Horowitz action
        // area, which the paper footing now takes from the synthesized table instead
        // (`PECost`), so the area is checked on the Horowitz footing.
        var areaDesign = design
        if design.costLibrary == .paper, design.costOverrides["pe"]?.pricedAreaUm2 == nil,
           PECost.paperPE(for: design.unit)?.areaUm2 == nil {
            areaDesign.costLibrary = .horowitz
        }
        let area = areaDesign == design ? cost.area("total") : try CostEvaluator().evaluate(areaDesign, on: Self.workload).area("total")
        #expect(close(area, want.area), "\(file) area \(area) vs \(want.area)")
        #expect(cost.energyPJ.map(\.key) == ["total", "pe_dynamic", "pe_leakage"] + design.memories.map(\.name) + ["sram_leakage", "dram"])
    }
}

/// Hand constants shared by the golden tables.
enum Hand {
    // MARK: Technology scaling (TechnologyScaling defaults, 45 nm → 28 nm at 0.9 V)
    /// Energy ∝ node: 28/45.
    static let e28 = 28.0 / 45.0
    /// Area ∝ node²: (28/45)².
    static let a28 = (28.0 / 45.0) * (28.0 / 45.0)

    // MARK: CACTI 7 at 28 nm, one bank, 64-bit access (cost-references.md §2)
    // (read pJ, write pJ, area mm², leakage mW)
    static let kB1 = (r: 0.78, w: 1.67, a: 0.00333, l: 0.72)
    static let kB8 = (r: 3.32, w: 3.85, a: 0.0238, l: 5.9)
    static let kB64 = (r: 11.6, w: 10.4, a: 0.200, l: 42.6)

    /// A 4 kB bank lies between the 1 kB and 8 kB points, at log₈ 4 = 2/3 of the way in
    /// log–log: y = y₁·(y₈/y₁)^(2/3).
    static func kB4(_ y1: Double, _ y8: Double) -> Double { y1 * Foundation.pow(y8 / y1, 2.0 / 3.0) }
    static let kB4r = kB4(kB1.r, kB8.r), kB4w = kB4(kB1.w, kB8.w), kB4a = kB4(kB1.a, kB8.a), kB4l = kB4(kB1.l, kB8.l)

    /// A 0.125 kB bank extends the 1–8 kB segment one decade of 8 below 1 kB
    /// (log₈ 0.125 = −1): y = y₁·(y₈/y₁)^(−1) = y₁²/y₈.
    static func kBEighth(_ y1: Double, _ y8: Double) -> Double { y1 * y1 / y8 }
    static let kB0125r = kBEighth(kB1.r, kB8.r), kB0125w = kBEighth(kB1.w, kB8.w)
    static let kB0125a = kBEighth(kB1.a, kB8.a), kB0125l = kBEighth(kB1.l, kB8.l)

    // MARK: Paper PE overrides split by the MixPE row they equal (cost-references.md §3)
    /// MixPE (16,16), 2.066 pJ/cycle: leakage 192 942 of 1 032 924 nW.
    static let fp16Leak = 2.066 * 192_942 / 1_032_924, fp16Dyn = 2.066 * 839_982 / 1_032_924
    /// MixPE (8,4), 0.689 pJ/cycle: leakage 64 314 of 344 274 nW.
    static let w4a8Leak = 0.689 * 64_314 / 344_274, w4a8Dyn = 0.689 * 279_960 / 344_274
    /// MixPE (16,8), 1.347 pJ/cycle: leakage 128 458 of 673 440 nW.
    static let w4a16Leak = 1.347 * 128_458 / 673_440, w4a16Dyn = 1.347 * 544_982 / 673_440

    // MARK: Horowitz 45 nm (cost-references.md §1) and the documented width rules
    /// int mul of 4 bits: power law through (8 b, 0.2 pJ, 282 µm²) and (32 b, 3.1 pJ, 3495 µm²)
    /// extrapolated to b = 4: y₈·(1/2)^(log₄(y₃₂/y₈)) = y₈/√(y₃₂/y₈).
    static let intMul4 = (e: 0.2 / (3.1 / 0.2).squareRoot(), a: 282 / (3495.0 / 282).squareRoot())
    /// int mul of 16 bits: the geometric middle of the 8 and 32 b points.
    static let intMul16 = (e: (0.2 * 3.1).squareRoot(), a: (282.0 * 3495).squareRoot())
    /// FP mul of 8 bits: power law through FP16 (1.1 pJ, 1640 µm²) and FP32 (3.7, 7700),
    /// one octave below FP16: y₁₆·(1/2)^(log₂(y₃₂/y₁₆)) = y₁₆²/y₃₂.
    static let fpMul8 = (e: 1.1 * 1.1 / 3.7, a: 1640.0 * 1640 / 7700)

    // MARK: Action-based PE area (PECost): instances of a component used r times per PE-cycle
    /// ⌈r⌉ copies when the PE uses it at least every other cycle (r ≥ ½); a time-shared
    /// fraction r of one when less (epilogue units).
    static func instances(_ r: Double) -> Double { r < 0.5 ? r : r.rounded(.up) }
}
