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
/// evaluated in O(log folds) (`MaxPlus2`).
///
/// Active PE-cycles are S_r·S_c·T·s and MACs S_r·S_c·T = M·K·N, where S_r, S_c are the
/// spatial extents (`FoldPlan`); SRAM traffic sums `SRAMTraffic`'s per-fold terms, using
/// Σ u_r over a column of folds = S_r and Σ u_c over a row of folds = S_c.
///
/// ```swift
/// let plan = try FoldPlan(GEMMDims(m: 4096, k: 4096, n: 4096),
///                         on: ArrayConfig(rows: 128, cols: 128, dataflow: .ws))
/// ClosedFormTiming.run(plan, convention: .scalesim).totalCycles
/// // 1024 · (2·128 + 128 + 4096 − 2) − 1 = 4_585_471
/// ```
public enum ClosedFormTiming {
    public static func run(_ plan: FoldPlan, convention: TimingConvention,
                           dram: DRAMConfig? = nil) -> TimingCounts {
        typealias S = Saturating
        let rows = plan.array.rows
        let folds = plan.folds
        let streamLen = plan.streamCycles
        let waveLen = S.add(streamLen, plan.skewCycles)
        let stationaryPreload = plan.array.dataflow != .os

        let cycles: Int
        switch (convention, stationaryPreload) {
        case (.scalesim, _):
            let preload = stationaryPreload ? rows : 0
            let count = S.mul(folds, S.add(preload, waveLen))
            cycles = count == .max ? .max : count - 1   // a saturated count stays saturated
        case (.native, true):
            let interval = Swift.max(streamLen, rows)
            cycles = S.add(S.add(rows, S.mul(folds - 1, interval)), waveLen)
        case (.native, false):
            let interval = Swift.max(streamLen, rows)
            let starts = folds >= 2
                ? S.add(streamLen, S.mul(folds - 2, interval)) : 0
            cycles = S.add(S.add(starts, waveLen), rows)
        }

        let sr = plan.spatialRows, sc = plan.spatialCols, t = plan.streamSteps
        let tile = S.mul(sr, sc)
        let macs = S.mul(tile, t)
        let streamedRows = S.mul(S.mul(plan.colFolds, sr), t)   // Σ u_r·T over folds
        let outputs = S.mul(S.mul(plan.rowFolds, sc), t)        // Σ u_c·T over folds
        var sram = SRAMTraffic()
        switch plan.array.dataflow {
        case .os:
            sram.aReads = streamedRows
            sram.bReads = S.mul(S.mul(plan.rowFolds, sc), t)
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
            sram.cReads = S.mul(S.mul(plan.rowFolds - 1, sc), t)
        }
        var total = cycles
        var traffic = DRAMTraffic()
        if let dram {
            (total, traffic.readBytes) = cyclesWithDRAM(plan, convention: convention, dram: dram)
            traffic.writeBytes = dram.bytes(elements: S.mul(plan.dims.m, plan.dims.n),
                                            width: dram.c)
        }
        return TimingCounts(totalCycles: total, computeCycles: cycles,
                            stallCycles: total - cycles,   // total ≥ cycles: data only delays
                            activePECycles: S.mul(macs, plan.array.cyclesPerStep), macs: macs,
                            folds: folds, peCount: plan.array.peCount, sram: sram, dram: traffic)
    }
}
