/// Timing of a dot-product-tree tensor core (e.g. the A100-like 8×4×8): each block-step
/// computes an m×n×k block — m·n dot products of length k, an adder tree per output.
///
/// Model:
/// - A GEMM M×K×N is tiled into ⌈M/m⌉·⌈N/n⌉·⌈K/k⌉ block-steps, output tiles row-major and
///   K blocks innermost (`TensorCorePlan`); each output accumulates across its K blocks in
///   an accumulator register.
/// - Pipeline: latency L = ⌈log2 k⌉ + 1 cycles from issue to accumulator (⌈log2 k⌉ adder
///   levels, the products formed at the leaves, plus the accumulate stage). Block-steps
///   issue one per II cycles (`TensorCoreTile.initiationInterval`, 1 for a fully pipelined
///   tree) and the pipeline fills once for the whole sequence of output tiles: a tile's
///   last result drains while the next tile's first block enters.
/// - Ideal memory: total = steps·II + L − 1; with a `DRAMConfig`, tiles wait for their
///   A/B panels and the lost cycles are stalls.
/// - Utilization = useful MACs·II / (cycles·m·n·k): padded lanes of a partial block idle.
///
/// ```swift
/// let c = try DotTreeTiming.counts(GEMMDims(m: 16, k: 16, n: 16),
///                                  tile: TensorCoreTile(m: 8, n: 4, k: 8))
/// c.steps                // 16 = 2·4·2
/// c.timing.totalCycles   // 19 = 16 + (⌈log2 8⌉ + 1) − 1
/// ```
public enum DotTreeTiming {
    public static func counts(_ dims: GEMMDims, tile: TensorCoreTile, mode: SimulationMode = .fast,
                              dram: DRAMConfig? = nil) throws(TensorEngineError) -> TensorCoreCounts {
        let plan = try TensorCorePlan(dims, tile: tile, kind: .dotTree)
        let memory = try dram?.validated()
        switch mode {
        case .cycle: return try TensorCoreCycleStepped.run(plan, dram: memory)
        case .fast: return try TensorCoreClosedForm.run(plan, dram: memory)
        }
    }
}
