import Exploration
import Foundation
import NumberFormats
import TensorEngine
import Testing
import Workloads
@testable import Reporting

/// The format-error report on a hand-made result, so every printed number is known.
@Suite struct FormatErrorReportTests {
    static func metrics(relFro: Double, sqnr: Double, maxAbs: Double) -> ErrorMetrics {
        var e = ErrorMetrics(result: [], reference: [])
        e.relativeFrobenius = relFro
        e.sqnrDB = sqnr
        e.maxAbs = maxAbs
        return e
    }

    static func measurement(_ label: String, design: String, a: String, w: String, out: String = "fp32", bits: Double,
                            aBits: Double, relFro: Double, sqnr: Double, pe: Double, total: Double, dram: Double,
                            dramPJ: Double, topsPerMM2: Double) -> FormatErrorMeasurement {
        let e = metrics(relFro: relFro, sqnr: sqnr, maxAbs: relFro * 8)
        return FormatErrorMeasurement(
            label: label, design: design, unit: design, activationFormat: a, weightFormat: w, outputFormat: out,
            bitsPerWeight: bits, bitsPerActivation: aBits,
            perGEMM: [.init(gemm: "layer0.query", error: e), .init(gemm: "layer0.output", error: e)],
            overall: e, meanSQNRDB: sqnr, energyPerMACpJ: total, peEnergyPerMACpJ: pe, dramEnergyPerMACpJ: dram,
            dramReadPJPerBit: dramPJ, topsPerW: 2 / total, topsPerMM2: topsPerMM2)
    }

    static let shapes = [GEMMShape(name: "layer0.query", m: 64, k: 384, n: 384),
                         GEMMShape(name: "layer0.output", m: 64, k: 1536, n: 384)]

    static func result(_ source: FormatErrorDataset.Source) -> FormatErrorStudyResult {
        FormatErrorStudyResult(source: source, gemms: shapes, measurements: [
            measurement("FP16", design: "fp16-systolic", a: "fp16", w: "fp16", bits: 16, aBits: 16, relFro: 0.0003,
                        sqnr: 70.46, pe: 2.0, total: 3.0, dram: 0.5, dramPJ: 0.644304, topsPerMM2: 0.25),
            measurement("HiF8", design: "hif8-mac", a: "hif8", w: "hif8", out: "hif8", bits: 8, aBits: 8, relFro: 0.05,
                        sqnr: 26.02, pe: 0.8, total: 5.0, dram: 4.0, dramPJ: 18.75, topsPerMM2: 0.16),
            measurement("NVFP4", design: "nvfp4-dot", a: "nvfp4", w: "nvfp4", bits: 4.5, aBits: 4.5, relFro: 0.125,
                        sqnr: 18.06, pe: 0.1, total: 3.5, dram: 3.0, dramPJ: 18.75, topsPerMM2: 0.55),
            measurement("MXFP4", design: "mxfp4-dot", a: "mxfp4", w: "mxfp4", bits: 4.25, aBits: 4.25, relFro: 0.25,
                        sqnr: 12.04, pe: 0.09, total: 3.25, dram: 2.75, dramPJ: 18.75, topsPerMM2: 0.6),
        ])
    }

    @Test func tableRowsCarryTheNumbers() {
        let md = FormatErrorReport.markdown(Self.result(.synthetic(seed: 7, reason: "package missing")))
        #expect(md.hasPrefix("## FP4 and HiF8: numeric error against cost\n\n**Data: synthetic**, because the real MiniLM "
                             + "weights were not available (package missing). Seeded `SyntheticData` (seed 7)"))
        // 2 GEMMs of 64·384·384 and 64·1536·384 MACs = 9 437 184 + 37 748 736.
        #expect(md.contains(" 2 GEMMs (M×K×N: 1 × 64×384×384, 1 × 64×1536×384), 47185920 MACs per format."))
        #expect(md.contains("| format | design | A / W / C | bits/weight | rel. error (%) | SQNR (dB) | mean SQNR (dB) | "
                            + "max abs error | energy/MAC (pJ) | PE energy/MAC (pJ) | DRAM energy/MAC (pJ) | TOPS/W | TOPS/mm² |\n"
                            + "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"))
        // MXFP4: 0.25 → 25 %; 12.04 dB; max abs 8·0.25 = 2; 3.25, 0.09, 2.75 pJ; 2/3.25 = 0.615 TOPS/W.
        #expect(md.contains("| MXFP4 | mxfp4-dot | mxfp4 / mxfp4 / fp32 | 4.25 | 25 | 12.0 | 12.0 | 2 | 3.25 | 0.09 | 2.75 | 0.615 | 0.6 |\n"))
        #expect(md.contains("| FP16 | fp16-systolic | fp16 / fp16 / fp32 | 16 | 0.03 | 70.5 | 70.5 | 0.0024 | 3 | 2 | 0.5 | 0.667 | 0.25 |\n"))
        #expect(md.contains("| MXFP4 | 4.25 | 4.25 | 1.000 | numeric-units.md §1.3: 4 + 8/32 (OCP MX v1.0) |\n"))
    }

    @Test func interpretationFollowsTheNumbers() {
        let bullets = FormatErrorInterpretation.bullets(Self.result(.synthetic(seed: 7, reason: "x")))
        #expect(bullets[0] == "FP16 (16 bits per weight) is the high-precision anchor: 0.03 % (70.5 dB) relative error, "
                + "the cost of rounding the operands to fp16/fp16 alone.")
        #expect(bullets.contains("Below 8 bits per weight, from most to least accurate: NVFP4 12.5 % at 4.5 bits; "
                                 + "MXFP4 25 % at 4.25 bits."))
        // 0.125 / 0.25 = ×0.5; 4.5 − 4.25 = 0.25 more bits.
        #expect(bullets.contains("NVFP4 (16-element blocks, E4M3 block scales) has lower error than MXFP4 (32-element "
                                 + "blocks, power-of-two E8M0 scales): 12.5 % (18.1 dB) against 25 % (12.0 dB), ×0.50, "
                                 + "for 0.25 more bits per weight."))
        #expect(bullets.contains { $0.hasPrefix("HiF8 (8 bits, activations and weights) reaches 5 % (26.0 dB), ×167 the FP16 error and ×0.40 that of the best 4-bit-class format (NVFP4). Its design re-encodes") })
        // DRAM shares: 0.5/3 = 17 %, 4/5 = 80 %, 3/3.5 = 86 %, 2.75/3.25 = 85 %.
        #expect(bullets.contains { $0.contains("0.6443 pJ/bit for FP16; 18.75 pJ/bit for HiF8, NVFP4, MXFP4")
                                   && $0.contains("FP16 17 %, HiF8 80 %, NVFP4 86 %, MXFP4 85 %") })
        // (error, PE): FP16 (0.0003, 2), HiF8 (0.05, 0.8), NVFP4 (0.125, 0.1), MXFP4 (0.25, 0.09): none dominated.
        #expect(bullets.contains("On relative error against PE energy per MAC, the non-dominated formats are FP16, HiF8, NVFP4, MXFP4."))
        #expect(bullets.last == "Compute density: MXFP4 delivers the most TOPS/mm² (0.6), HiF8 the least (0.16), each on its own array size and clock.")
    }

    @Test func hif8OutputVariantIsExplained() {
        let r = FormatErrorStudyResult(source: .synthetic(seed: 1, reason: "x"), gemms: Self.shapes, measurements: [
            Self.measurement("HiF8", design: "hif8-mac", a: "hif8", w: "hif8", out: "hif8", bits: 8, aBits: 8, relFro: 0.05,
                             sqnr: 26.02, pe: 0.8, total: 5.0, dram: 4.0, dramPJ: 18.75, topsPerMM2: 0.16),
            Self.measurement("HiF8 (FP32 out)", design: "hif8-mac-fp32-out", a: "hif8", w: "hif8", bits: 8, aBits: 8,
                             relFro: 0.03, sqnr: 30.46, pe: 0.8, total: 5.5, dram: 4.5, dramPJ: 18.75, topsPerMM2: 0.16),
        ])
        let md = FormatErrorReport.markdown(r)
        #expect(md.contains(" `hif8-mac-fp32-out` is `hif8-mac.json` with FP32 outputs instead of its output format, "
                            + "to separate operand rounding from output rounding.\n"))
        #expect(md.contains("| HiF8 (FP32 out) | 8 | 8 | 1.000 | numeric-units.md §2.1: an 8-bit format; its per-tensor scale is not counted |\n"))
        // 0.03 / 0.05 = ×0.6.
        #expect(FormatErrorInterpretation.bullets(r).contains(
            "HiF8 (8 bits, activations and weights) reaches 5 % (26.0 dB). Its design re-encodes every output to HiF8 "
            + "(ties away, 3 mantissa bits near 1), so part of this error is output rounding, not operand rounding: with "
            + "FP32 outputs the same HiF8 operands give 3 % (30.5 dB) (×0.60)."))
    }

    @Test func realSourceIntroduction() {
        let ids = [1001, 1002, 1003, 2000, 3000, 4000, 5000]
        let md = FormatErrorReport.markdown(Self.result(.miniLM(path: "/x/model.zip!model.safetensors", tokenIDs: ids, seed: 3, layers: [0, 5])))
        #expect(md.contains("**Data: real weights** of all-MiniLM-L6-v2 (`/x/model.zip!model.safetensors`). GEMMs: the six "
                            + "dense layers (query, key, value, attention output, FFN intermediate, FFN output) of encoder "
                            + "layers 0, 5, B = Wᵀ of the fp32 checkpoint. Activations: 7 real word-embedding rows (token ids "
                            + "1001, 1002, 1003, …, 4000, 5000, drawn with SplitMix64 seed 3 from the regular vocabulary, "
                            + "ids ≥ 999) for the layers with K = hidden, and the GELU FFN activations"))
    }

    @Test func csvHasFullPrecision() {
        let r = Self.result(.synthetic(seed: 7, reason: "x"))
        let lines = FormatErrorReport.csv(r).split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0] == "format,design,unit,activations,weights,output,bits_per_weight,bits_per_activation,rel_fro,sqnr_db,"
                + "mean_sqnr_db,max_abs,energy_pj_per_mac,pe_energy_pj_per_mac,dram_energy_pj_per_mac,dram_read_pj_per_bit,"
                + "tops_per_w,tops_per_mm2,data,gemms,macs")
        #expect(lines[4] == "MXFP4,mxfp4-dot,mxfp4-dot,mxfp4,mxfp4,fp32,4.25,4.25,0.25,12.04,12.04,2.0,3.25,0.09,2.75,18.75,"
                + "0.6153846153846154,0.6,synthetic,2,47185920")
        let perGEMM = FormatErrorReport.perGEMMCSV(r).split(separator: "\n").map(String.init)
        #expect(perGEMM.count == 1 + 4 * 2)
        #expect(perGEMM[1] == "FP16,layer0.query,64,384,384,0.0003,70.46,0.0024")
        #expect(perGEMM[8] == "MXFP4,layer0.output,64,1536,384,0.25,12.04,2.0")
    }

    @Test func ratios() {
        #expect(FormatErrorNumberText.ratio(0.188, 0.0925) == "×2.0")     // 2.03
        #expect(FormatErrorNumberText.ratio(5, 0.03) == "×167")           // 166.7
        #expect(FormatErrorNumberText.ratio(0.1252, 0.1613) == "×0.78")   // 0.776
    }

    @Test func nonFiniteNumbers() {
        #expect(FormatErrorNumberText.significant(.infinity) == "∞")
        #expect(RoundTripText.format(.infinity) == "inf")
        #expect(RoundTripText.format(-.infinity) == "-inf")
        #expect(FormatErrorNumberText.fixed(.nan, 1) == "nan")
    }
}
