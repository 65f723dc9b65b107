/// What SCALE-Sim 3.0.0 reports for one layer, computed from our engine in the `scalesim`
/// convention (`ScaleSimRun`).
///
/// Total and stall cycles are `SystolicTiming`'s. The utilizations follow SCALE-Sim's
/// definitions: Overall Util % = 100·MACs / (Total Cycles · PEs); Mapping Efficiency % and
/// Compute Util % are averages over the folds (column folds outer, row folds inner, summed
/// left to right as Python's `sum` does) of u_r·u_c/(R·C) and u_r·u_c·T/(R·C·fold cycles),
/// a fold taking T + R + C − 2 cycles (os) or 2R + 2C + T − 3 (ws, is).
///
/// SRAM counts are `SRAMTraffic`'s: IFMAP reads = A reads, Filter reads = B reads, OFMAP
/// writes = C writes, except that in os SCALE-Sim 3.0.0 also adds the height plus the width
/// of the array to its OFMAP write count for every fold (it counts the padded fold's
/// `shape[0] + shape[1]` once more); the report adds the same folds·(R + C) so that the
/// counts compare equal.
///
/// ```swift
/// // 32×32 os, Inc5b_3x3 (M 25, K 1728, N 384): 12 folds
/// // totalCycles 21479, ifmapSRAMReads 518400, filterSRAMReads 663552,
/// // ofmapSRAMWrites 9600 + 12·64 = 10368, mappingEfficiencyPercent 78.125
/// ```
public struct ScaleSimLayerResult: Equatable, Sendable {
    public var layer: ScaleSimLayer
    public var counts: TimingCounts
    public var overallUtilPercent: Double
    public var mappingEfficiencyPercent: Double
    public var computeUtilPercent: Double
    public var ifmapSRAMReads: Int
    public var filterSRAMReads: Int
    public var ofmapSRAMWrites: Int

    /// Run `layer` on `array` and derive SCALE-Sim's per-layer numbers.
    public init(_ layer: ScaleSimLayer, on array: ArrayConfig, mode: SimulationMode = .fast) throws(TensorEngineError) {
        let plan = try FoldPlan(layer.gemm, on: array)
        let counts = try SystolicTiming.run(layer.gemm, on: array, convention: .scalesim, mode: mode)
        self.layer = layer
        self.counts = counts
        let (r, c, t) = (array.rows, array.cols, plan.streamSteps)
        let foldCycles = try array.dataflow == .os
            ? Checked.add(t, r + c - 2, "cycles")
            : Checked.add(t, 2 * r + 2 * c - 3, "cycles")
        let pes = Double(plan.peCount)
        var mapping = 0.0, compute = 0.0
        for colFold in 0..<plan.colFolds {
            let usedCols = plan.usedCols(colFold: colFold)
            for rowFold in 0..<plan.rowFolds {
                let used = plan.usedRows(rowFold: rowFold) * usedCols
                mapping += Double(used) / pes
                compute += Self.ratio(used, t, over: plan.peCount, foldCycles)
            }
        }
        let folds = Double(plan.folds)
        mappingEfficiencyPercent = mapping / folds * 100
        computeUtilPercent = compute / folds * 100
        overallUtilPercent = Self.ratio(counts.macs, 100, over: counts.totalCycles, plan.peCount)
        ifmapSRAMReads = counts.sram.aReads
        filterSRAMReads = counts.sram.bReads
        let padding = array.dataflow == .os ? try Checked.mul(plan.folds, r + c, "OFMAP writes") : 0
        ofmapSRAMWrites = try Checked.add(counts.sram.cWrites, padding, "OFMAP writes")
    }

    /// (a·b) / (c·d) as Python computes it from integers: one correctly rounded division when
    /// both products fit in 2^53 (exact as doubles), otherwise a double-precision estimate.
    static func ratio(_ a: Int, _ b: Int, over c: Int, _ d: Int) -> Double {
        let (top, o1) = a.multipliedReportingOverflow(by: b)
        let (bottom, o2) = c.multipliedReportingOverflow(by: d)
        if !o1, !o2 { return Double(top) / Double(bottom) }
        return Double(a) * Double(b) / (Double(c) * Double(d))
    }
}
