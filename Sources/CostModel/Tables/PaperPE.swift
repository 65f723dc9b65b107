import DesignModel

/// One published processing element: area, dynamic and leakage power at the frequency it was
/// synthesized for, at 28 nm / 0.9 V.
///
/// Dynamic energy per cycle is frequency independent (C·V²): dynamicMW / measuredGHz.
/// Leakage is a power, so its energy per cycle at f is leakageMW / f.
///
/// ```swift
/// PaperPETable.mixpeFP16.energyPerCycle(frequencyMHz: 500)   // 2.065848 pJ
/// ```
public struct PaperPE: Sendable, Equatable {
    public var name: String
    public var areaUm2: Double?
    public var dynamicMW: Double
    public var leakageMW: Double
    public var measuredMHz: Double
    public var process: ProcessPoint
    public var source: String
    /// The published components (BitMoD spreadsheet rows), empty when only totals exist.
    public var components: [PaperPETable.Component] = []

    public init(name: String, areaUm2: Double?, dynamicMW: Double, leakageMW: Double, measuredMHz: Double,
                process: ProcessPoint = .paper28, source: String) {
        self.name = name
        self.areaUm2 = areaUm2
        self.dynamicMW = dynamicMW
        self.leakageMW = leakageMW
        self.measuredMHz = measuredMHz
        self.process = process
        self.source = source
    }

    /// A PE built from spreadsheet components measured at 1 GHz (sums rounded to 0.1 µm² and
    /// 0.001 mW, as the spreadsheet prints its totals).
    init(name: String, components: [PaperPETable.Component], source: String) {
        let area = components.reduce(0) { $0 + $1.areaUm2 }, power = components.reduce(0) { $0 + $1.powerMW }
        self.init(name: name, areaUm2: (area * 10).rounded() / 10, dynamicMW: (power * 1000).rounded() / 1000,
                  leakageMW: 0, measuredMHz: 1000, source: source)
        self.components = components
    }

    /// Total power in mW at the measured frequency.
    public var powerMW: Double { dynamicMW + leakageMW }
    /// Dynamic energy per active cycle in pJ.
    public var dynamicPJPerCycle: Double { measuredMHz > 0 ? dynamicMW * 1000 / measuredMHz : 0 }
    /// Leakage energy per cycle in pJ at `frequencyMHz`.
    public func leakagePJPerCycle(frequencyMHz: Double) -> Double { frequencyMHz > 0 ? leakageMW * 1000 / frequencyMHz : 0 }
    /// Dynamic plus leakage energy per cycle in pJ at `frequencyMHz`.
    public func energyPerCycle(frequencyMHz: Double) -> Double { dynamicPJPerCycle + leakagePJPerCycle(frequencyMHz: frequencyMHz) }
    /// The energy per cycle as the sources quote it: dynamic plus leakage at the measured
    /// clock, to 0.001 pJ (CostModel/README.md, "Paper PEs"). This is the figure a
    /// `cost_overrides.pe` takes by `energy_from`.
    ///
    /// ```swift
    /// PaperPETable.mixpeFP16.quotedEnergyPJ   // 2.066 (2.065848 at 500 MHz)
    /// PaperPETable.bitmodPE.quotedEnergyPJ    // 0.586
    /// ```
    public var quotedEnergyPJ: Double { (energyPerCycle(frequencyMHz: measuredMHz) * 1000).rounded() / 1000 }
    /// Fraction of the total power that is leakage.
    public var leakageFraction: Double { powerMW > 0 ? leakageMW / powerMW : 0 }
}
