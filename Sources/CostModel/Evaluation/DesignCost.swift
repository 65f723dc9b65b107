/// The cost of one design on one workload: named energy and area breakdowns, cycles,
/// latency and throughput figures.
///
/// `energyPJ` keys, in order: `total`, `pe_dynamic`, `pe_leakage`, one key per memory
/// (its dynamic access energy, named as in the design), `sram_leakage`, `dram`.
/// `areaUm2` keys: `total`, `pe_array`, one key per memory.
///
/// ```swift
/// let c = try CostEvaluator().evaluate(design, on: workload)
/// c.energy("total"); c.tops; c.topsPerW   // TOPS = 2·MACs / latency / 1e12
/// ```
public struct DesignCost: Sendable {
    public var name: String
    public var workload: String
    public var macs: Int
    public var cycles: Int
    public var latencyS: Double
    public var energyPJ: [(key: String, value: Double)]
    public var areaUm2: [(key: String, value: Double)]
    /// Where each PE figure came from.
    public var sources: [(key: String, value: String)]
    /// `pe_dynamic` split over PE components (paper PE component powers or actions); empty
    /// when the source gives no split.
    public var peComponentsPJ: [(key: String, value: Double)] = []
    /// The footing the design was priced on (`cost.library`: `synthesized`, `horowitz`, `paper`).
    public var footing: String = ""

    public init(name: String, workload: String, macs: Int, cycles: Int, latencyS: Double,
                energyPJ: [(key: String, value: Double)], areaUm2: [(key: String, value: Double)],
                sources: [(key: String, value: String)]) {
        self.name = name
        self.workload = workload
        self.macs = macs
        self.cycles = cycles
        self.latencyS = latencyS
        self.energyPJ = energyPJ
        self.areaUm2 = areaUm2
        self.sources = sources
    }

    public func energy(_ key: String) -> Double { energyPJ.first { $0.key == key }?.value ?? 0 }
    public func area(_ key: String) -> Double { areaUm2.first { $0.key == key }?.value ?? 0 }

    /// Tera-operations per second, counting a MAC as 2 operations.
    public var tops: Double { latencyS > 0 ? 2 * Double(macs) / latencyS / 1e12 : 0 }
    /// TOPS per watt = 2·MACs / energy in pJ.
    public var topsPerW: Double { energy("total") > 0 ? 2 * Double(macs) / energy("total") : 0 }
    /// TOPS per mm² of total area.
    public var topsPerMM2: Double { area("total") > 0 ? tops / (area("total") / 1e6) : 0 }
}
