import Foundation

/// `dram`: `{bytes_per_cycle, read_pj_per_bit, write_pj_per_bit}`.
///
/// ```swift
/// DRAMSpec(bytesPerCycle: 32, readPJPerBit: 18.75, writePJPerBit: 18.75)   // BitMoD's DRAM
/// DRAMSpec.pjPerBitRange   // 1e-06...10000
/// ```
public struct DRAMSpec: Sendable, Equatable {
    /// `bytes_per_cycle`: channel bandwidth at the design clock, an integer 1…1048576.
    public var bytesPerCycle: Int
    /// `read_pj_per_bit`: energy per bit read, 1e-6…10000 pJ (`pjPerBitRange`).
    public var readPJPerBit: Double
    /// `write_pj_per_bit`: energy per bit written, 1e-6…10000 pJ (`pjPerBitRange`).
    public var writePJPerBit: Double

    /// The accepted `bytes_per_cycle`.
    public static let bytesPerCycleRange: ClosedRange<Int> = 1...1_048_576
    /// The accepted pJ per bit: from 1e-6 pJ (1 aJ, below any real circuit, so no energy is
    /// a denormal that makes TOPS/W infinite) to 10 nJ.
    public static let pjPerBitRange: ClosedRange<Double> = 1e-6...10_000

    public init(bytesPerCycle: Int, readPJPerBit: Double, writePJPerBit: Double) {
        self.bytesPerCycle = bytesPerCycle
        self.readPJPerBit = readPJPerBit
        self.writePJPerBit = writePJPerBit
    }
}
