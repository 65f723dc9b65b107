import Foundation

/// One `cost_overrides` entry: `{energy_pj?, area_um2?, energy_from?, area_from?, source}`,
/// at least one figure.
///
/// A figure is either a number or, for the `pe` entry only, the name of a published PE whose
/// figure it takes (`energy_from`, `area_from`; the names of `unit.paper_pe`, the figures
/// CostModel's `PaperPETable`). A design then quotes a paper's number by name and carries no
/// copy of it: `{"energy_from": "mixpe-fp16", "area_from": "fp16-mac"}` prices a PE at MixPE's
/// FP16 energy per cycle (2.066 pJ) and BitMoD's FP16 MAC area (1968.7 µm²).
///
/// ```swift
/// CostOverride(energyPJ: 0.586, areaUm2: 1793.7, source: "BitMoD PE, CostModel/README.md: Paper PEs")
/// CostOverride(energyFrom: .mixpeFP16, areaFrom: .fp16MAC, source: "MixPE energy, BitMoD area")
/// CostOverride.energyPJRange   // 1e-06...1000000000
/// ```
public struct CostOverride: Sendable, Equatable {
    /// `energy_pj`: energy per action (or per cycle for a component), 1e-6…1e9 pJ (`energyPJRange`).
    public var energyPJ: Double?
    /// `area_um2`: area in µm², 1e-6…1e12 (`areaUm2Range`).
    public var areaUm2: Double?
    /// `energy_from` (`pe` only): the published PE whose energy per cycle this entry takes.
    public var energyFrom: PublishedPE?
    /// `area_from` (`pe` only): the published PE whose area this entry takes; one that
    /// publishes an area (`PublishedPE.publishesArea`).
    public var areaFrom: PublishedPE?

    /// The accepted `energy_pj`: 1 aJ (below any real circuit; a PE of 0 or 5e-324 pJ made
    /// TOPS/W 0 or infinite) to 1 mJ.
    public static let energyPJRange: ClosedRange<Double> = 1e-6...1e9
    /// The accepted `area_um2`: 1 nm² (below any real device; a PE of area 0 made TOPS/mm²
    /// meaningless) to 1 m².
    public static let areaUm2Range: ClosedRange<Double> = 1e-6...1e12
    /// `source`: where the number comes from (required).
    public var source: String

    public init(energyPJ: Double? = nil, areaUm2: Double? = nil, energyFrom: PublishedPE? = nil,
                areaFrom: PublishedPE? = nil, source: String) {
        self.energyPJ = energyPJ
        self.areaUm2 = areaUm2
        self.energyFrom = energyFrom
        self.areaFrom = areaFrom
        self.source = source
    }
}
