/// Closed-form timing: the same `TimingCounts` as `CycleSteppedTiming`, in O(1) time and memory.
///
/// With R×C the array, s = cyclesPerStep, T the streamed steps, F the folds, L = T·s the
/// streaming cycles of a fold and W = L + (R−1) + (C−1) its wavefront length:
/// - `scalesim`: every fold is preload (ws/is: R, os: 0) then wavefront, strictly in
///   sequence, and SCALE-Sim reports the last cycle's index: F·(P + W) − 1.
///   (os: F·(T·s + R + C − 2) − 1; ws/is: F·(2R + C + T·s − 2) − 1.)
/// - `native`, ws/is: first preload R, then fold starts every max(L, R) cycles (the next
///   preload hides under the current stream), then the last wavefront:
///   R + (F−1)·max(L, R) + W.
/// - `native`, os: fold 1 starts L after fold 0, later folds every max(L, R) (outputs
///   drain from the shadow accumulators in R cycles), then the last wavefront and the
///   last R-cycle drain: L·[F≥2] + max(F−2, 0)·max(L, R) + W + R.
///
/// With a `DRAMConfig`, `cyclesWithDRAM` adds the stalls by the fold-start recurrence,
/// evaluated in O(log folds) (`MaxPlus2`); with a `DRAMReuse` too, over the folds' re-fetches
/// and spills (`DRAMConfig.transfer(fold:of:reuse:)`).
///
/// Active PE-cycles are S_r·S_c·T·s and MACs S_r·S_c·T = M·K·N, where S_r, S_c are the
/// spatial extents (`FoldPlan`); SRAM traffic sums `SRAMTraffic`'s per-fold terms, using
/// Σ u_r over a column of folds = S_r and Σ u_c over a row of folds = S_c.
///
/// ```swift
/// let plan = try FoldPlan(GEMMDims(m: 4096, k: 4096, n: 4096),
///                         on: ArrayConfig(rows: 128, cols: 128, dataflow: .ws))
/// try ClosedFormTiming.run(plan, convention: .scalesim).totalCycles
/// // 1024 · (2·128 + 128 + 4096 − 2) − 1 = 4_585_471
/// ```
public enum ClosedFormTiming {
    /// Throws `TensorEngineError.countOverflow` when a count would exceed 2^63 − 1.
    public static func run(_ plan: FoldPlan, convention: TimingConvention,
                           dram: DRAMConfig? = nil, reuse: DRAMReuse? = nil) throws(TensorEngineError) -> TimingCounts {
        typealias C = Checked
        let rows = plan.array.rows
        let folds = plan.folds
        let streamLen = plan.streamCycles
        let waveLen = plan.waveCycles
        let stationaryPreload = plan.array.dataflow != .os

        let cycles: Int
        switch (convention, stationaryPreload) {
        case (.scalesim, _):
            let preload = stationaryPreload ? rows : 0
            cycles = try C.mul(folds, C.add(preload, waveLen, "cycles"), "cycles") - 1
        case (.native, true):
            let interval = Swift.max(streamLen, rows)
            cycles = try C.add(C.add(rows, C.mul(folds - 1, interval, "cycles"), "cycles"), waveLen, "cycles")
        case (.native, false):
            let interval = Swift.max(streamLen, rows)
            let starts = folds >= 2
                ? try C.add(streamLen, C.mul(folds - 2, interval, "cycles"), "cycles") : 0
            cycles = try C.add(C.add(starts, waveLen, "cycles"), rows, "cycles")
        }

        // Element counts: each is at most M·K·N ≤ 2^62 (colFolds ≤ S_c, rowFolds ≤ S_r).
        let sr = plan.spatialRows, sc = plan.spatialCols, t = plan.streamSteps
        let tile = sr * sc
        let macs = plan.macs
        let streamedRows = plan.colFolds * sr * t   // Σ u_r·T over folds
        let outputs = plan.rowFolds * sc * t        // Σ u_c·T over folds
        var sram = SRAMTraffic()
        switch plan.array.dataflow {
        case .os:
            sram.aReads = streamedRows
            sram.bReads = plan.rowFolds * sc * t
            sram.cWrites = tile
        case .ws, .is:
            if plan.array.dataflow == .ws {
                sram.bReads = tile
                sram.aReads = streamedRows
            } else {
                sram.aReads = tile
                sram.bReads = streamedRows
            }
            sram.cWrites = outputs
            sram.cReads = (plan.rowFolds - 1) * sc * t
        }
        var total = cycles
        var traffic = DRAMTraffic()
        if let dram {
            let stalled = try cyclesWithDRAM(plan, convention: convention, dram: dram, reuse: reuse)
            (total, traffic.readBytes) = (stalled.cycles, stalled.readBytes)
            traffic.writeBytes = try C.add(dram.bytes(elements: plan.dims.m * plan.dims.n, width: dram.c),
                                           stalled.writeBytes, "DRAM bytes")
        }
        return TimingCounts(totalCycles: total, computeCycles: cycles,
                            stallCycles: total - cycles,   // total ≥ cycles: data only delays
                            activePECycles: try C.mul(macs, plan.array.cyclesPerStep, "PE-cycles"), macs: macs,
                            folds: folds, peCount: plan.peCount, sram: sram, dram: traffic)
    }
}
