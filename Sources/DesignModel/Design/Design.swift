import Foundation

/// An accelerator design (schema version 1): technology, one arithmetic unit replicated
/// over an array, on-chip memories, DRAM, the cost footing, cost overrides and the sources of every number.
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
    /// `cost.library`: the footing the PE is priced on (default `synthesized`, `CostFooting`).
    public var costLibrary: CostFooting
    /// `sources`: field path (e.g. `technology.frequency_mhz`) → citation.
    public var sources: [String: String]

    public init(name: String, description: String, technology: Technology, unit: UnitSpec, array: ArraySpec,
                memories: [MemorySpec], dram: DRAMSpec, costOverrides: [String: CostOverride] = [:],
                costLibrary: CostFooting = .defaultFooting, sources: [String: String] = [:]) {
        self.name = name
        self.description = description
        self.technology = technology
        self.unit = unit
        self.array = array
        self.memories = memories
        self.dram = dram
        self.costOverrides = costOverrides
        self.costLibrary = costLibrary
        self.sources = sources
    }
}
