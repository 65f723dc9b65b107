/// Entry point: the timing of one GEMM on a tensor core, by either simulation mode.
///
/// `kind` picks the engine — `.dotTree` (`DotTreeTiming`) or `.lutTile(weightBits:)`
/// (`LUTTileTiming`). `.cycle` steps the engine cycle by cycle
/// (`TensorCoreCycleStepped`), `.fast` evaluates the closed forms (`TensorCoreClosedForm`);
/// both return identical counts. Without a `DRAMConfig` memory is ideal; with one, output
/// tiles wait for their data (`TensorCorePlan`). Invalid dimensions, tile or memory
/// parameters are thrown as `TensorEngineError`, never trapped.
///
/// ```swift
/// let c = try TensorCoreTiming.run(GEMMDims(m: 16, k: 16, n: 16),
///                                  tile: TensorCoreTile(m: 8, n: 4, k: 8),
///                                  kind: .dotTree, mode: .cycle)
/// c.totalCycles   // 19
/// ```
public enum TensorCoreTiming {
    public static func run(_ dims: GEMMDims, tile: TensorCoreTile, kind: TensorCoreKind,
                           mode: SimulationMode = .fast,
                           dram: DRAMConfig? = nil) throws(TensorEngineError) -> TimingCounts {
        try counts(dims, tile: tile, kind: kind, mode: mode, dram: dram).timing
    }

    /// `run`'s counts plus the tensor-core-only ones (steps, latency, tables).
    public static func counts(_ dims: GEMMDims, tile: TensorCoreTile, kind: TensorCoreKind,
                              mode: SimulationMode = .fast,
                              dram: DRAMConfig? = nil) throws(TensorEngineError) -> TensorCoreCounts {
        switch kind {
        case .dotTree:
            return try DotTreeTiming.counts(dims, tile: tile, mode: mode, dram: dram)
        case let .lutTile(weightBits, precompute):
            return try LUTTileTiming.counts(dims, tile: tile, weightBits: weightBits,
                                            precompute: precompute, mode: mode, dram: dram)
        }
    }
}
