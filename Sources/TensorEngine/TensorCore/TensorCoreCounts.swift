/// A tensor-core GEMM's `TimingCounts` plus the counts only tensor cores have; identical
/// from both simulation modes.
///
/// In `timing`: `folds` are the output tiles ⌈M/m⌉·⌈N/n⌉, `peCount` the tile's m·n·k MAC
/// lanes, `activePECycles` the lane-cycles spent on useful work (a padded lane of a
/// partial block is idle), `macs` = M·K·N.
///
/// ```swift
/// let c = try TensorCoreTiming.counts(GEMMDims(m: 2, k: 8, n: 64),
///                                     tile: TensorCoreTile(m: 2, n: 64, k: 4),
///                                     kind: .lutTile(weightBits: 2))
/// c.timing.totalCycles   // 5 = 2 groups · 2 bit-planes + 1
/// c.tableBuilds          // 4 = 2 rows · 2 groups
/// ```
public struct TensorCoreCounts: Equatable, Hashable, Sendable, Codable {
    public var timing: TimingCounts
    /// Steps issued: block-steps (dot tree) or bit-plane steps (LUT tile).
    public var steps: Int
    /// Cycles from a step's issue to its result in the accumulator.
    public var pipelineLatency: Int
    /// Cycles the issue stage spent writing tables (LUT tile, explicit precompute).
    public var precomputeCycles: Int
    /// Tables built, one per activation row and K_g group (LUT tile).
    public var tableBuilds: Int
    /// Table entries written, 2^(K_g−1) per table (LUT tile).
    public var tableEntryWrites: Int
    /// Tables loaded into the tile's broadcast registers, one per row per (output tile, group).
    public var tableLoads: Int
    /// Table lookups, one per (row, column) per bit-plane step (LUT tile).
    public var tableLookups: Int

    public init(timing: TimingCounts, steps: Int, pipelineLatency: Int, precomputeCycles: Int = 0,
                tableBuilds: Int = 0, tableEntryWrites: Int = 0, tableLoads: Int = 0,
                tableLookups: Int = 0) {
        self.timing = timing
        self.steps = steps
        self.pipelineLatency = pipelineLatency
        self.precomputeCycles = precomputeCycles
        self.tableBuilds = tableBuilds
        self.tableEntryWrites = tableEntryWrites
        self.tableLoads = tableLoads
        self.tableLookups = tableLookups
    }
}
