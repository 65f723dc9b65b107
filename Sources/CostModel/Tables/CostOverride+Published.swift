import DesignModel

/// A `cost_overrides` entry's figures with `energy_from` / `area_from` looked up in
/// `PaperPETable`, so the cost model reads one number whichever way the design gave it.
///
/// ```swift
/// let pe = CostOverride(energyFrom: .mixpeFP16, areaFrom: .fp16MAC, source: "…")
/// pe.pricedEnergyPJ   // 2.066
/// pe.pricedAreaUm2    // 1968.7
/// ```
extension CostOverride {
    /// `energy_pj`, else the quoted energy per cycle of the row `energy_from` names.
    public var pricedEnergyPJ: Double? {
        energyPJ ?? energyFrom.map { PaperPETable.figures(for: $0).quotedEnergyPJ }
    }

    /// `area_um2`, else the area of the row `area_from` names.
    public var pricedAreaUm2: Double? {
        areaUm2 ?? areaFrom.flatMap { PaperPETable.figures(for: $0).areaUm2 }
    }
}
