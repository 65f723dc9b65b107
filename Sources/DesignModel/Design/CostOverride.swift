import Foundation

/// One `cost_overrides` entry: `{energy_pj?, area_um2?, source}`, at least one number.
///
/// ```swift
/// CostOverride(energyPJ: 0.586, areaUm2: 1793.7, source: "BitMoD PE, CostModel/README.md: Paper PEs")
/// CostOverride.energyPJRange   // 1e-06...1000000000
/// ```
public struct CostOverride: Sendable, Equatable {
    /// `energy_pj`: energy per action (or per cycle for a component), 1e-6…1e9 pJ (`energyPJRange`).
    public var energyPJ: Double?
    /// `area_um2`: area in µm², 1e-6…1e12 (`areaUm2Range`).
    public var areaUm2: Double?

    /// The accepted `energy_pj`: 1 aJ (below any real circuit; a PE of 0 or 5e-324 pJ made
    /// TOPS/W 0 or infinite) to 1 mJ.
    public static let energyPJRange: ClosedRange<Double> = 1e-6...1e9
    /// The accepted `area_um2`: 1 nm² (below any real device; a PE of area 0 made TOPS/mm²
    /// meaningless) to 1 m².
    public static let areaUm2Range: ClosedRange<Double> = 1e-6...1e12
    /// `source`: where the number comes from (required).
    public var source: String

    public init(energyPJ: Double? = nil, areaUm2: Double? = nil, source: String) {
        self.energyPJ = energyPJ
        self.areaUm2 = areaUm2
        self.source = source
    }
}
