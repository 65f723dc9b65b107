import Foundation

/// An accelerator design (schema version 1): technology, one arithmetic unit replicated
/// over an array, on-chip memories, DRAM, cost overrides and the sources of every number.
///
/// Designs are JSON documents (`Designs/*.json`, documented in `Designs/schema.json`).
/// Decoding collects every problem with its JSON path instead of stopping at the first.
///
/// ```swift
/// let design = try Design.decode(Data(contentsOf: URL(fileURLWithPath: "Designs/bitmod-w4.json")))
/// design.arrayConfig()        // ArrayConfig(rows: 32, cols: 32, dataflow: .os, cyclesPerStep: 2)
/// design.makeUnit().name      // "bitmod-w4"
/// ```
public struct Design: Sendable, Equatable {
    /// The only schema version this build reads.
    public static let schemaVersion = 1

    /// `name`: a short identifier, e.g. `mixpe-w4a8`.
    public var name: String
    /// `description`: one or two sentences for humans.
    public var description: String
    /// `technology`: process node, supply voltage and clock.
    public var technology: Technology
    /// `unit`: the processing element replicated over the array.
    public var unit: UnitSpec
    /// `array`: how units are arranged and fed.
    public var array: ArraySpec
    /// `memories`: the on-chip buffers.
    public var memories: [MemorySpec]
    /// `dram`: the off-chip channel.
    public var dram: DRAMSpec
    /// `cost_overrides`: per action or component, energy/area replacing the default tables.
    public var costOverrides: [String: CostOverride]
    /// `sources`: field path (e.g. `technology.frequency_mhz`) → citation.
    public var sources: [String: String]

    public init(name: String, description: String, technology: Technology, unit: UnitSpec, array: ArraySpec,
                memories: [MemorySpec], dram: DRAMSpec, costOverrides: [String: CostOverride] = [:],
                sources: [String: String] = [:]) {
        self.name = name
        self.description = description
        self.technology = technology
        self.unit = unit
        self.array = array
        self.memories = memories
        self.dram = dram
        self.costOverrides = costOverrides
        self.sources = sources
    }
}

/// `technology`: `{node_nm, voltage_v, frequency_mhz}`.
///
/// ```swift
/// Technology(nodeNm: 28, voltageV: 0.9, frequencyMHz: 1000)
/// ```
public struct Technology: Sendable, Equatable {
    /// `node_nm`: feature size in nm, > 0 and ≤ 1000.
    public var nodeNm: Double
    /// `voltage_v`: supply voltage in V, > 0 and ≤ 5.
    public var voltageV: Double
    /// `frequency_mhz`: clock in MHz, > 0 and ≤ 100000.
    public var frequencyMHz: Double

    public init(nodeNm: Double, voltageV: Double, frequencyMHz: Double) {
        self.nodeNm = nodeNm
        self.voltageV = voltageV
        self.frequencyMHz = frequencyMHz
    }
}

/// `dram`: `{bytes_per_cycle, read_pj_per_bit, write_pj_per_bit}`.
///
/// ```swift
/// DRAMSpec(bytesPerCycle: 32, readPJPerBit: 18.75, writePJPerBit: 18.75)   // BitMoD's DRAM
/// ```
public struct DRAMSpec: Sendable, Equatable {
    /// `bytes_per_cycle`: channel bandwidth at the design clock, an integer 1…1048576.
    public var bytesPerCycle: Int
    /// `read_pj_per_bit`: energy per bit read, ≥ 0 and ≤ 10000 pJ.
    public var readPJPerBit: Double
    /// `write_pj_per_bit`: energy per bit written, ≥ 0 and ≤ 10000 pJ.
    public var writePJPerBit: Double

    public init(bytesPerCycle: Int, readPJPerBit: Double, writePJPerBit: Double) {
        self.bytesPerCycle = bytesPerCycle
        self.readPJPerBit = readPJPerBit
        self.writePJPerBit = writePJPerBit
    }
}

/// One `cost_overrides` entry: `{energy_pj?, area_um2?, source}`, at least one number.
///
/// ```swift
/// CostOverride(energyPJ: 0.586, areaUm2: 1793.7, source: "cost-references.md §3, BitMoD PE")
/// ```
public struct CostOverride: Sendable, Equatable {
    /// `energy_pj`: energy per action (or per cycle for a component), ≥ 0.
    public var energyPJ: Double?
    /// `area_um2`: area in µm², ≥ 0.
    public var areaUm2: Double?
    /// `source`: where the number comes from (required).
    public var source: String

    public init(energyPJ: Double? = nil, areaUm2: Double? = nil, source: String) {
        self.energyPJ = energyPJ
        self.areaUm2 = areaUm2
        self.source = source
    }
}
