/// Timing of the LUT Tensor Core's elongated tile (TensorEngine/README.md, "LUT Tensor Core tile"; RTL
/// M_DIM = 2, N_DIM = 64, K_DIM = 4).
///
/// Model:
/// - Per bit-plane cycle the tile does m×n table lookups + adds, each covering K_g = k
///   activations: row i's table is indexed by bit b of a column's k weights.
/// - Weights of B bits are bit-serial: B bit-plane steps per K_g group, so an output tile
///   takes ⌈K/K_g⌉·B steps; output tiles run row-major with K innermost (`TensorCorePlan`).
/// - Tables: one per activation row and K_g group, 2^(K_g−1) entries (symmetrized), built
///   once and broadcast across N. `LUTTilePrecompute.hidden` (the paper's default) charges
///   no cycles; `.explicit(entriesPerCycle: E)` spends ⌈u_m·⌈K/K_g⌉·2^(K_g−1) / E⌉ cycles
///   on a row panel's tables before its first lookup. Builds, entry writes, loads into the
///   tile (one per row per output tile and group) and lookups are counted.
/// - Pipeline: 2 stages (lookup, add), so 1 cycle of latency beyond the steps:
///   total = steps·II + precompute + 1 with an ideal memory.
/// - Throughput: m·n·k/B full MACs per cycle (2·64·4/2 = 256 for W2×A16); `peCount` is
///   m·n·k lanes, each busy B·II cycles per MAC, so utilization is 1 at that rate.
/// - SRAM: A-side reads are table entries (activation format) loaded into the tile,
///   B-side reads the weights (all B bits, once per output tile and group).
/// - DRAM: A is charged at `DRAMConfig.a`; with hidden precompute the activations arrive
///   as tables, e.g. `OperandWidth(bits: 8 * 16, per: 4)` for FP16 tables of K_g = 4.
///
/// ```swift
/// let c = try LUTTileTiming.counts(GEMMDims(m: 2, k: 8, n: 64),
///                                  tile: TensorCoreTile(m: 2, n: 64, k: 4), weightBits: 2)
/// c.timing.totalCycles   // 5 = 2 groups · 2 bit-planes + 1
/// ```
public enum LUTTileTiming {
    public static func counts(_ dims: GEMMDims, tile: TensorCoreTile, weightBits: Int,
                              precompute: LUTTilePrecompute = .hidden, mode: SimulationMode = .fast,
                              dram: DRAMConfig? = nil) throws(TensorEngineError) -> TensorCoreCounts {
        let plan = try TensorCorePlan(dims, tile: tile,
                                      kind: .lutTile(weightBits: weightBits, precompute: precompute))
        let memory = try dram?.validated()
        switch mode {
        case .cycle: return try TensorCoreCycleStepped.run(plan, dram: memory)
        case .fast: return try TensorCoreClosedForm.run(plan, dram: memory)
        }
    }
}
