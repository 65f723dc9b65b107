import ExactJSON

/// `unit.paper_pe`: the published per-PE figures that price a design's PE when its
/// `cost_overrides.pe` gives no energy or area, and that split a `pe` energy into leakage and
/// dynamic parts and over components (the figures themselves are CostModel's
/// `PaperPETable`, with their sources).
///
/// | name | figures |
/// |---|---|
/// | `bitmod-pe` | the BitMoD PE (spreadsheet components, 28 nm, 1 GHz) |
/// | `fp16-mac` | BitMoD's FP16 MAC baseline |
/// | `fp16xint8` | BitMoD's FP16 + FP16×INT8 → FP16 PE |
/// | `mixpe-w4a8` | the MixPE (8,4) row: W4A8, also the INT8 baseline |
/// | `mixpe-w4a16` | the MixPE (16,8) row: W4A16 |
/// | `mixpe-fp16` | the MixPE (16,16) row: FP16 |
/// | `bitmod-sim-fp16` | the BitMoD artifact simulator's FP16 baseline (`pe_energy` 0.77, `pe_area` 1968.7) |
/// | `bitmod-sim-ant` | its ANT PE (0.56 pJ, 1318.6 µm²) |
/// | `bitmod-sim-olive` | its OliVe PE (0.613 pJ, 1318.6 µm²) |
/// | `bitmod-sim-bitmod` | its BitMoD PE (0.56 pJ, 1507.7 µm²) |
///
/// `cost_overrides.pe` takes a figure from them by the same names (`energy_from`,
/// `area_from`), so no design repeats a published number.
///
/// A design names them as data: the unit kind does not imply them, so a baseline can be
/// priced by the PE it stands for (e.g. the INT8 MAC by the MixPE (8,4) row).
///
/// ```swift
/// PublishedPE(rawValue: "bitmod-pe")   // .bitmodPE
/// ```
public enum PublishedPE: String, Sendable, Equatable, CaseIterable {
    case bitmodPE = "bitmod-pe", fp16MAC = "fp16-mac", fp16xInt8 = "fp16xint8"
    case mixpeW4A8 = "mixpe-w4a8", mixpeW4A16 = "mixpe-w4a16", mixpeFP16 = "mixpe-fp16"
    case bitmodSimFP16 = "bitmod-sim-fp16", bitmodSimANT = "bitmod-sim-ant", bitmodSimOliVe = "bitmod-sim-olive"
    case bitmodSimBitMoD = "bitmod-sim-bitmod"

    /// Whether the row publishes an area: MixPE's synthesis CSV has a placeholder area column,
    /// so its rows price energy only (CostModel's `PublishedFiguresTests` checks this against
    /// `PaperPETable`).
    ///
    /// ```swift
    /// PublishedPE.mixpeW4A8.publishesArea   // false
    /// ```
    public var publishesArea: Bool {
        switch self {
        case .mixpeW4A8, .mixpeW4A16, .mixpeFP16: return false
        case .bitmodPE, .fp16MAC, .fp16xInt8, .bitmodSimFP16, .bitmodSimANT, .bitmodSimOliVe, .bitmodSimBitMoD: return true
        }
    }

    /// `unit.paper_pe`: optional, one of the names (absent: no published figures).
    static var field: UnitField<PublishedPE?> {
        let choices = allCases.map { ($0.rawValue, Optional($0)) }
        let schema = UnitField<PublishedPE?>.choiceSchema(allCases.map { .string($0.rawValue) },
            "Published per-PE figures (PaperPETable) that price the PE where cost_overrides.pe gives no energy or area, "
                + "and split a pe energy into leakage and components (default: none).")
        return UnitField(key: "paper_pe", isRequired: false, schema: schema) { object, path, r in
            guard object["paper_pe"] != nil else { return .some(nil) }
            return r.choice(object, "paper_pe", at: path, what: "published PE", choices)
        }
    }
}
