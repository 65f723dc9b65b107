/// The metrics every sweep point reports (the columns of `results.csv`, in this order),
/// usable in constraints and objectives.
///
/// Energies are per workload run; `error_*` come from the point's error tile; `cosine_mean`,
/// `cosine_min` and `spearman` from running all-MiniLM-L6-v2 end to end through the point's
/// unit (`"error": {"metric": "model"}`, `ModelQualityCache`), NaN in sweeps without it.
///
/// ```swift
/// SweepMetric(rawValue: "tops_per_w")   // .topsPerW
/// ```
public enum SweepMetric: String, Sendable, CaseIterable, Hashable {
    case energyPJ = "energy_pj"
    case energyPEPJ = "energy_pe_pj"
    case energySRAMPJ = "energy_sram_pj"
    case energyDRAMPJ = "energy_dram_pj"
    case latencyS = "latency_s"
    case cycles
    case macs
    case areaUm2 = "area_um2"
    case areaMM2 = "area_mm2"
    case areaPEUm2 = "area_pe_um2"
    case areaSRAMUm2 = "area_sram_um2"
    case powerW = "power_w"
    case tops
    case topsPerW = "tops_per_w"
    case topsPerMM2 = "tops_per_mm2"
    case bitsPerWeight = "bits_per_weight"
    case errorRelFro = "error_rel_fro"
    case errorSQNRdB = "error_sqnr_db"
    case errorMaxAbs = "error_max_abs"
    case cosineMean = "cosine_mean"
    case cosineMin = "cosine_min"
    case spearman

    /// The metrics only a sweep with `"error": {"metric": "model"}` measures.
    public static let modelMetrics: Set<SweepMetric> = [.cosineMean, .cosineMin, .spearman]

    /// A human label with unit, for tables and chart axes.
    public var label: String {
        switch self {
        case .energyPJ: return "energy (pJ)"
        case .energyPEPJ: return "PE energy (pJ)"
        case .energySRAMPJ: return "SRAM energy (pJ)"
        case .energyDRAMPJ: return "DRAM energy (pJ)"
        case .latencyS: return "latency (s)"
        case .cycles: return "cycles"
        case .macs: return "MACs"
        case .areaUm2: return "area (µm²)"
        case .areaMM2: return "area (mm²)"
        case .areaPEUm2: return "PE area (µm²)"
        case .areaSRAMUm2: return "SRAM area (µm²)"
        case .powerW: return "power (W)"
        case .tops: return "TOPS"
        case .topsPerW: return "TOPS/W"
        case .topsPerMM2: return "TOPS/mm²"
        case .bitsPerWeight: return "bits per weight"
        case .errorRelFro: return "relative Frobenius error"
        case .errorSQNRdB: return "SQNR (dB)"
        case .errorMaxAbs: return "max |error|"
        case .cosineMean: return "mean cosine to the reference embedding"
        case .cosineMin: return "minimum cosine to the reference embedding"
        case .spearman: return "Spearman ρ of pairwise similarities"
        }
    }
}
