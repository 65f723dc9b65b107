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

    /// `name`: a short identifier of printable characters (no newline, tab or other control
    /// character, which would break the text tables), e.g. `mixpe-w4a8`.
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
/// Each field has a sane range (a value outside it is refused with its JSON path): wider
/// than any real process, narrow enough that latency, energy and area stay finite and
/// non-zero (a clock of 5e-324 MHz made the latency infinite, a node of 5e-324 nm the area 0).
///
/// ```swift
/// Technology(nodeNm: 28, voltageV: 0.9, frequencyMHz: 1000)
/// Technology.frequencyMHzRange   // 1...100000 (1 MHz to 100 GHz)
/// ```
public struct Technology: Sendable, Equatable {
    /// `node_nm`: feature size in nm, 1…1000 (`nodeNmRange`).
    public var nodeNm: Double
    /// `voltage_v`: supply voltage in V, 0.1…5 (`voltageVRange`).
    public var voltageV: Double
    /// `frequency_mhz`: clock in MHz, 1…100000, i.e. 1 MHz to 100 GHz (`frequencyMHzRange`).
    public var frequencyMHz: Double

    /// The accepted `node_nm`: 1 nm to 1 µm.
    public static let nodeNmRange: ClosedRange<Double> = 1...1000
    /// The accepted `voltage_v`: 0.1 V to 5 V.
    public static let voltageVRange: ClosedRange<Double> = 0.1...5
    /// The accepted `frequency_mhz`: 1 MHz to 100 GHz.
    public static let frequencyMHzRange: ClosedRange<Double> = 1...100_000

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
/// DRAMSpec.pjPerBitRange   // 1e-06...10000
/// ```
public struct DRAMSpec: Sendable, Equatable {
    /// `bytes_per_cycle`: channel bandwidth at the design clock, an integer 1…1048576.
    public var bytesPerCycle: Int
    /// `read_pj_per_bit`: energy per bit read, 1e-6…10000 pJ (`pjPerBitRange`).
    public var readPJPerBit: Double
    /// `write_pj_per_bit`: energy per bit written, 1e-6…10000 pJ (`pjPerBitRange`).
    public var writePJPerBit: Double

    /// The accepted `bytes_per_cycle`.
    public static let bytesPerCycleRange: ClosedRange<Int> = 1...1_048_576
    /// The accepted pJ per bit: from 1e-6 pJ (1 aJ, below any real circuit, so no energy is
    /// a denormal that makes TOPS/W infinite) to 10 nJ.
    public static let pjPerBitRange: ClosedRange<Double> = 1e-6...10_000

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
