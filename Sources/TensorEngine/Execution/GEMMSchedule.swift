import ArithmeticUnits
import NumberFormats

/// The timing, accumulation order and buffer traffic of a GEMM, without values
/// (`GEMMExecution.schedule`).
public struct GEMMSchedule: Sendable {
    public let timing: TimingCounts
    public let order: AccumulationOrder
    /// Per-operand SRAM and DRAM bytes, when a buffer model and DRAM were given (systolic only).
    public let memory: MemoryTraffic?
}
