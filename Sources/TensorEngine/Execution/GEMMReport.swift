import ArithmeticUnits
import NumberFormats

/// The result of running one GEMM through a unit on an array: the output bits, the
/// unit's actions, the engine's cycle and traffic counts, and the numeric error.
public struct GEMMReport: Sendable {
    public let dims: GEMMDims
    public let output: UnitResult
    public let timing: TimingCounts
    /// Error against the float64 GEMM of the unquantized inputs.
    public let error: ErrorMetrics
    /// The accumulation order the dataflow implied.
    public let order: AccumulationOrder
    /// SRAM and DRAM byte traffic per operand, when a buffer model was given (systolic only).
    public let memory: MemoryTraffic?
}
