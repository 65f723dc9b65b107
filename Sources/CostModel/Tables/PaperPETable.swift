import DesignModel

/// Published per-PE costs of the paper designs at 28 nm (CostModel/README.md,
/// "Paper PEs").
///
/// - BitMoD `hardware/PE_Area_Power.xlsx` (TSMC 28 nm, 1 GHz, so mW ≡ pJ/cycle): components
///   Exp Match 306.9 µm²/0.136 mW, Bit-serial Mul 748.3/0.185, Group Accum 546.1/0.195,
///   Dequant 192.4/0.070 → BitMoD PE 1793.7 µm², 0.586 mW. FP16 MAC 1968.7 µm², 0.77 mW
///   (FP16 Mul 1395.5/0.49 + FP16 Add 573.2/0.28). FP16×INT8 → FP16 1318.6 µm², 0.613 mW.
///   No leakage split is published: the whole power is treated as dynamic.
/// - MixPE `results/systolic_array_synth.csv` (500 MHz, per PE; the area column is a
///   placeholder): leakage and dynamic power in nW. Energy per cycle = total/f:
///   W4A8 (8,4) 279 960 + 64 314 nW → 0.688548 pJ (≈0.689), W4A16 (16,8) 0.6734 mW → 1.347 pJ,
///   FP16 (16,16) 1.032924 mW → 2.066 pJ; leakage ≈ 19 %.
///
/// ```swift
/// PaperPETable.bitmodPE.areaUm2                         // 1793.7
/// PaperPETable.mixpeW4A8.energyPerCycle(frequencyMHz: 500)   // 0.688548
/// ```
///
/// This is the one place these figures live: designs name them by `unit.paper_pe`, the
/// reproductions read them from here, and `PublishedFiguresTests` checks that every
/// `cost_overrides.pe` in `Designs/` that quotes a figure quotes this table's.
public enum PaperPETable {
    /// One BitMoD spreadsheet row: area with registers and power at 1 GHz.
    public struct Component: Sendable, Equatable {
        public var name: String
        public var areaUm2: Double
        public var powerMW: Double
    }

    public static let bitmodSource = "BitMoD hardware/PE_Area_Power.xlsx, TSMC 28 nm, 1 GHz (numeric-units.md §4.3)"
    public static let mixpeSource = "MixPE results/systolic_array_synth.csv, per PE at 500 MHz (numeric-units.md §3.3)"

    public static let bitmodComponents: [Component] = [
        Component(name: "exp_match", areaUm2: 306.9, powerMW: 0.136),
        Component(name: "bit_serial_mul", areaUm2: 748.3, powerMW: 0.185),
        Component(name: "group_accum", areaUm2: 546.1, powerMW: 0.195),
        Component(name: "dequant", areaUm2: 192.4, powerMW: 0.070),
    ]
    public static let fp16MACComponents: [Component] = [
        Component(name: "fp16_mul", areaUm2: 1395.5, powerMW: 0.49),
        Component(name: "fp16_add", areaUm2: 573.2, powerMW: 0.28),
    ]

    /// BitMoD PE: the sum of its components (1793.7 µm², 0.586 mW at 1 GHz).
    public static let bitmodPE = PaperPE(name: "bitmod-pe", components: bitmodComponents, source: bitmodSource)
    /// FP16 MAC baseline (1968.7 µm², 0.77 mW at 1 GHz).
    public static let fp16MAC = PaperPE(name: "fp16-mac", components: fp16MACComponents, source: bitmodSource)
    /// FP16 + FP16×INT8 → FP16 (1318.6 µm², 0.613 mW at 1 GHz).
    public static let fp16xInt8 = PaperPE(name: "fp16xint8", areaUm2: 1318.6, dynamicMW: 0.613, leakageMW: 0,
                                          measuredMHz: 1000, source: bitmodSource)
    /// MixPE (8,4): W4A8, also the INT8 baseline: leakage 64 314 nW, dynamic 279 960 nW.
    public static let mixpeW4A8 = PaperPE(name: "mixpe-w4a8", areaUm2: nil, dynamicMW: 0.279960, leakageMW: 0.064314,
                                          measuredMHz: 500, source: mixpeSource)
    /// MixPE (16,8): W4A16: leakage 128 458 nW, dynamic 544 982 nW.
    public static let mixpeW4A16 = PaperPE(name: "mixpe-w4a16", areaUm2: nil, dynamicMW: 0.544982, leakageMW: 0.128458,
                                           measuredMHz: 500, source: mixpeSource)
    /// MixPE (16,16): FP16 baseline: leakage 192 942 nW, dynamic 839 982 nW.
    public static let mixpeFP16 = PaperPE(name: "mixpe-fp16", areaUm2: nil, dynamicMW: 0.839982, leakageMW: 0.192942,
                                          measuredMHz: 500, source: mixpeSource)


    public static let bitmodSimulatorSource = "BitMoD-HPCA-25 bitmod_sim/test_*.py, 28 nm, 1 GHz (numeric-units.md §4.3)"

    /// The BitMoD artifact simulator's per-accelerator `pe_energy` (pJ per cycle at 1 GHz,
    /// before its PR_SCALING 1.5) and `pe_area` (µm²), which its study uses instead of the
    /// spreadsheet rows where they differ: FP16 is the FP16 MAC row, OliVe the FP16×INT8 row,
    /// ANT that row's area at 0.56 pJ, BitMoD 0.56 pJ and 1507.7 µm².
    ///
    /// ```swift
    /// PaperPETable.bitmodSimulatorANT.dynamicPJPerCycle   // 0.56
    /// PaperPETable.bitmodSimulatorBitMoD.areaUm2          // 1507.7
    /// ```
    public static let bitmodSimulatorFP16 = PaperPE(name: "bitmod-sim-fp16", areaUm2: fp16MAC.areaUm2, dynamicMW: fp16MAC.dynamicMW,
                                                    leakageMW: 0, measuredMHz: 1000, source: bitmodSimulatorSource)
    public static let bitmodSimulatorANT = PaperPE(name: "bitmod-sim-ant", areaUm2: fp16xInt8.areaUm2, dynamicMW: 0.56,
                                                   leakageMW: 0, measuredMHz: 1000, source: bitmodSimulatorSource)
    public static let bitmodSimulatorOliVe = PaperPE(name: "bitmod-sim-olive", areaUm2: fp16xInt8.areaUm2, dynamicMW: fp16xInt8.dynamicMW,
                                                     leakageMW: 0, measuredMHz: 1000, source: bitmodSimulatorSource)
    public static let bitmodSimulatorBitMoD = PaperPE(name: "bitmod-sim-bitmod", areaUm2: 1507.7, dynamicMW: 0.56,
                                                      leakageMW: 0, measuredMHz: 1000, source: bitmodSimulatorSource)

    /// Every row, in `PublishedPE` order.
    public static var all: [PaperPE] { PublishedPE.allCases.map(figures(for:)) }

    /// The figures a design's `unit.paper_pe` (or a `pe` override's `energy_from`/`area_from`) names.
    ///
    /// ```swift
    /// PaperPETable.figures(for: .bitmodPE).areaUm2   // 1793.7
    /// ```
    public static func figures(for key: PublishedPE) -> PaperPE {
        switch key {
        case .bitmodPE: return bitmodPE
        case .fp16MAC: return fp16MAC
        case .fp16xInt8: return fp16xInt8
        case .mixpeW4A8: return mixpeW4A8
        case .mixpeW4A16: return mixpeW4A16
        case .mixpeFP16: return mixpeFP16
        case .bitmodSimFP16: return bitmodSimulatorFP16
        case .bitmodSimANT: return bitmodSimulatorANT
        case .bitmodSimOliVe: return bitmodSimulatorOliVe
        case .bitmodSimBitMoD: return bitmodSimulatorBitMoD
        }
    }

    /// The MixPE row whose published energy per cycle at 500 MHz (rounded to 3 decimals, as
    /// CostModel/README.md, "Paper PEs" quotes it) equals `pj`; used to split a design's `pe` override
    /// into dynamic and leakage parts.
    public static func mixpeRow(publishedPJ pj: Double) -> PaperPE? {
        [mixpeW4A8, mixpeW4A16, mixpeFP16].first { ($0.energyPerCycle(frequencyMHz: 500) * 1000).rounded() == (pj * 1000).rounded() }
    }
}
