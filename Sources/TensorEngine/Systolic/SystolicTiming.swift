/// Entry point: the timing of one GEMM on a systolic array, by either simulation mode.
///
/// `.cycle` steps the engine cycle by cycle (`CycleSteppedTiming`); `.fast` evaluates
/// the closed forms (`ClosedFormTiming`). Both return identical counts. Without a
/// `DRAMConfig` memory is ideal (no stalls); with one, folds wait for their data: each
/// element of A and B fetched once, or, with a `DRAMReuse`, whatever the buffers cannot keep
/// (re-fetches and partial-sum spills, as `BufferedTraffic` counts them). Invalid
/// dimensions or array parameters, shapes beyond 2^62 MACs and counts beyond 2^63 − 1
/// are thrown as `TensorEngineError`, never trapped, wrapped or saturated.
///
/// ```swift
/// let counts = try SystolicTiming.run(GEMMDims(m: 4, k: 4, n: 4),
///                                     on: ArrayConfig(rows: 4, cols: 4, dataflow: .ws),
///                                     convention: .scalesim, mode: .cycle)
/// counts.totalCycles   // 13 = 2·4 + 4 + 4 − 2 − 1
/// ```
public enum SystolicTiming {
    public static func run(_ dims: GEMMDims, on array: ArrayConfig,
                           convention: TimingConvention,
                           mode: SimulationMode = .fast,
                           dram: DRAMConfig? = nil, reuse: DRAMReuse? = nil) throws(TensorEngineError) -> TimingCounts {
        let plan = try FoldPlan(dims, on: array)
        let memory = try dram?.validated()
        let buffers = try reuse?.validated()
        switch mode {
        case .cycle: return try CycleSteppedTiming.run(plan, convention: convention, dram: memory, reuse: buffers)
        case .fast: return try ClosedFormTiming.run(plan, convention: convention, dram: memory, reuse: buffers)
        }
    }
}
