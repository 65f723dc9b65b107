import Exploration
import NumberFormats
import QArchSupport
import TensorEngine
import Workloads

/// The "FP4 and HiF8" section of `Reports/seed-reproduction/`: numeric error against cost
/// of each format on the same GEMMs, as Markdown (intro, tables, interpretation) and CSV.
///
/// The strings are returned, not written; the caller writes them (e.g. with `AtomicFile`).
///
/// ```swift
/// let result = try FormatErrorStudy(candidates: candidates).run(on: dataset)
/// let md = FormatErrorReport.markdown(result)        // "## FP4 and HiF8: numeric error against cost\n\n…"
/// let csv = FormatErrorReport.csv(result)            // one row per format
/// let perGEMM = FormatErrorReport.perGEMMCSV(result) // one row per format and GEMM
/// ```
public enum FormatErrorReport {
    public static let title = "FP4 and HiF8: numeric error against cost"

    /// The bit budgets the specification quotes (the only published figures for this
    /// section), by candidate label: value and where it is stated.
    public static let publishedBitsPerWeight: [String: (value: Double, source: String)] = [
        "FP16": (16, "IEEE 754 binary16"),
        "HiF8": (8, "numeric-units.md §2.1: an 8-bit format; its per-tensor scale is not counted"),
        "MXFP4": (4.25, "numeric-units.md §1.3: 4 + 8/32 (OCP MX v1.0)"),
        "NVFP4": (4.5, "numeric-units.md §1.4: 4 + 8/16, per-tensor FP32 scale not counted"),
        "BitMoD W4": (4.0625, "numeric-units.md §4.1: BitMoD simulator w_prec 4.0625"),
        "BitMoD W3": (3.0625, "numeric-units.md §4.1: BitMoD simulator w_prec 3.0625"),
    ]

    /// The Markdown section, starting with a `heading`-level title (default `##`).
    public static func markdown(_ result: FormatErrorStudyResult, heading: String = "##") -> String {
        var out = "\(heading) \(title)\n\n"
        out += introduction(result) + "\n\n"
        out += mainTable(result).renderMarkdown() + "\n"
        out += "\(heading)# Interpretation\n\n"
        for line in FormatErrorInterpretation.bullets(result) { out += "- \(line)\n" }
        out += "\n\(heading)# Bits per weight: published and ours\n\n"
        out += publishedTable(result).renderMarkdown()
        return out
    }

    /// One CSV row per format: formats, bits, pooled and mean errors, cost figures
    /// (full precision).
    public static func csv(_ result: FormatErrorStudyResult) -> String {
        var t = CSVTable(["format", "design", "unit", "activations", "weights", "output", "bits_per_weight",
                          "bits_per_activation", "rel_fro", "sqnr_db", "mean_sqnr_db", "max_abs", "energy_pj_per_mac",
                          "pe_energy_pj_per_mac", "dram_energy_pj_per_mac", "dram_read_pj_per_bit", "tops_per_w",
                          "tops_per_mm2", "data", "gemms", "macs"])
        let data = result.source.isReal ? "minilm" : "synthetic"
        for m in result.measurements {
            let e = RoundTripText.format
            t.append([m.label, m.design, m.unit, m.activationFormat, m.weightFormat, m.outputFormat, e(m.bitsPerWeight),
                      e(m.bitsPerActivation), e(m.overall.relativeFrobenius), e(m.overall.sqnrDB), e(m.meanSQNRDB),
                      e(m.overall.maxAbs), e(m.energyPerMACpJ), e(m.peEnergyPerMACpJ), e(m.dramEnergyPerMACpJ),
                      e(m.dramReadPJPerBit), e(m.topsPerW), e(m.topsPerMM2), data, String(result.gemms.count),
                      result.macs.map(String.init) ?? "more than 2^62"])
        }
        return t.render()
    }

    /// One CSV row per format and GEMM, in result order.
    public static func perGEMMCSV(_ result: FormatErrorStudyResult) -> String {
        var t = CSVTable(["format", "gemm", "m", "k", "n", "rel_fro", "sqnr_db", "max_abs"])
        for m in result.measurements {
            for (g, shape) in zip(m.perGEMM, result.gemms) {
                let e = RoundTripText.format
                t.append([m.label, g.gemm, String(shape.m), String(shape.k), String(shape.n),
                          e(g.error.relativeFrobenius), e(g.error.sqnrDB), e(g.error.maxAbs)])
            }
        }
        return t.render()
    }

    /// Where the data came from, which GEMMs, and how error and cost are measured.
    static func introduction(_ result: FormatErrorStudyResult) -> String {
        var shapeCounts: [(shape: String, count: Int)] = []
        for g in result.gemms {
            let s = "\(g.m)×\(g.k)×\(g.n)"
            if let i = shapeCounts.firstIndex(where: { $0.shape == s }) { shapeCounts[i].count += 1 } else {
                shapeCounts.append((s, 1))
            }
        }
        let shapes = shapeCounts.map { "\($0.count) × \($0.shape)" }.joined(separator: ", ")
        var text: String
        switch result.source {
        case let .miniLM(path, tokenIDs, seed, layers):
            let ids = tokenIDs.count > 6
                ? tokenIDs.prefix(3).map(String.init).joined(separator: ", ") + ", …, "
                    + tokenIDs.suffix(2).map(String.init).joined(separator: ", ")
                : tokenIDs.map(String.init).joined(separator: ", ")
            text = "**Data: real weights** of all-MiniLM-L6-v2 (`\(path)`). "
            text += "GEMMs: the six dense layers (query, key, value, attention output, FFN intermediate, FFN output) of "
            text += "encoder layer\(layers.count == 1 ? "" : "s") \(layers.map(String.init).joined(separator: ", ")), "
            text += "B = Wᵀ of the fp32 checkpoint. Activations: \(tokenIDs.count) real word-embedding rows "
            text += "(token ids \(ids), drawn with SplitMix64 seed \(seed) from the regular vocabulary, ids ≥ 999) for the "
            text += "layers with K = hidden, "
            text += "and the GELU FFN activations of those rows for the FFN output layers."
        case let .synthetic(seed, reason):
            text = "**Data: synthetic**, because the real MiniLM weights were not available (\(reason)). "
            text += "Seeded `SyntheticData` (seed \(seed)) at the MiniLM GEMM shapes: Gaussian weights N(0, 0.02²) and "
            text += "N(0, 1) activations with outlier channels 20–100× the typical magnitude."
        }
        text += " \(result.gemms.count) GEMMs (M×K×N: \(shapes)), \(result.macs.map(String.init) ?? "more than 2^62") MACs per format.\n\n"
        text += "Each format runs the GEMMs through the bit-exact unit of its design file (`Designs/<design>.json`), "
        text += "in the accumulation order of the design's dataflow, and is compared with the float64 GEMM of the "
        text += "unquantized fp32 operands. *rel. error* = ‖C − C_ref‖_F / ‖C_ref‖_F and *SQNR* = "
        text += "10·log10(‖C_ref‖² / ‖C − C_ref‖²) are taken over all outputs of all GEMMs together; *mean SQNR* "
        text += "averages the per-GEMM values. Costs come from the cost model (`CostEvaluator`) for each design on "
        text += "the same GEMM shapes: energy per MAC in total, in the PEs alone and in DRAM, TOPS/W and TOPS/mm². "
        text += "Bits per weight include the per-block or per-group scales and zero points."
        for m in result.measurements where m.design.hasSuffix("-fp32-out") {
            text += " `\(m.design)` is `\(m.design.dropLast("-fp32-out".count)).json` with FP32 outputs instead of "
                + "its output format, to separate operand rounding from output rounding."
        }
        return text
    }

    static func mainTable(_ result: FormatErrorStudyResult) -> TextTable {
        let n = FormatErrorNumberText.self
        var t = TextTable(["format", "design", "A / W / C", "bits/weight", "rel. error (%)", "SQNR (dB)",
                           "mean SQNR (dB)", "max abs error", "energy/MAC (pJ)", "PE energy/MAC (pJ)",
                           "DRAM energy/MAC (pJ)", "TOPS/W", "TOPS/mm²"],
                              rightAligned: [false, false, false] + Array(repeating: true, count: 10))
        for m in result.measurements {
            t.append([m.label, m.design, "\(m.activationFormat) / \(m.weightFormat) / \(m.outputFormat)",
                      n.significant(m.bitsPerWeight, 5), n.percent(m.overall.relativeFrobenius),
                      n.fixed(m.overall.sqnrDB, 1), n.fixed(m.meanSQNRDB, 1), n.significant(m.overall.maxAbs),
                      n.significant(m.energyPerMACpJ), n.significant(m.peEnergyPerMACpJ),
                      n.significant(m.dramEnergyPerMACpJ), n.significant(m.topsPerW), n.significant(m.topsPerMM2)])
        }
        return t
    }

    /// Published bit budgets beside ours, with the ratio and a note on any gap over 20%.
    static func publishedTable(_ result: FormatErrorStudyResult) -> TextTable {
        let n = FormatErrorNumberText.self
        var t = TextTable(["format", "published bits/weight", "ours", "ratio ours/published", "source / gap"],
                          rightAligned: [false, true, true, true, false])
        for m in result.measurements {
            // The FP32-output HiF8 variant stores the same weights as HiF8.
            let key = m.label == FormatErrorCandidate.hif8FP32OutputLabel ? "HiF8" : m.label
            guard let p = publishedBitsPerWeight[key] else {
                t.append([m.label, "—", n.significant(m.bitsPerWeight, 5), "—", "no published figure"])
                continue
            }
            let ratio = m.bitsPerWeight / p.value
            let note = abs(ratio - 1) > 0.2 ? "\(p.source); gap over 20%: the design's operand widths differ" : p.source
            t.append([m.label, n.significant(p.value, 5), n.significant(m.bitsPerWeight, 5), n.fixed(ratio, 3), note])
        }
        return t
    }
}
