/// Everything the timing engine counts for one GEMM; identical from both simulation modes.
///
/// `totalCycles = computeCycles + stallCycles`; `computeCycles` is the time with an ideal
/// memory and `stallCycles` what waiting for DRAM data adds (`DRAMConfig`). `activePECycles` counts PE-cycles spent in
/// a MAC step (a step of a multi-cycle PE counts `cyclesPerStep` PE-cycles); `macs`
/// counts the multiply-accumulates themselves (M·K·N).
///
/// ```swift
/// let c = try SystolicTiming.run(GEMMDims(m: 4, k: 4, n: 4),
///                                on: ArrayConfig(rows: 4, cols: 4, dataflow: .os),
///                                convention: .scalesim)
/// c.totalCycles   // 9, SCALE-Sim's Total Cycles
/// c.macs          // 64
/// ```
public struct TimingCounts: Equatable, Hashable, Sendable, Codable {
    public var totalCycles: Int
    public var computeCycles: Int
    public var stallCycles: Int
    public var activePECycles: Int
    public var macs: Int
    public var folds: Int
    /// Processing elements in the array, for utilization.
    public var peCount: Int
    public var sram: SRAMTraffic
    public var dram: DRAMTraffic

    public init(totalCycles: Int, computeCycles: Int, stallCycles: Int, activePECycles: Int,
                macs: Int, folds: Int, peCount: Int, sram: SRAMTraffic,
                dram: DRAMTraffic = DRAMTraffic()) {
        self.totalCycles = totalCycles
        self.computeCycles = computeCycles
        self.stallCycles = stallCycles
        self.activePECycles = activePECycles
        self.macs = macs
        self.folds = folds
        self.peCount = peCount
        self.sram = sram
        self.dram = dram
    }

    /// Fraction of PE-cycles that were busy: activePECycles / (peCount · totalCycles); 0 if empty.
    public var utilization: Double {
        let denom = Double(peCount) * Double(totalCycles)
        return denom > 0 ? Double(activePECycles) / denom : 0
    }
}
