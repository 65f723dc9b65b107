import NumberFormats

/// What a unit returns for a GEMM: the output bits, the actions it performed and its timing.
///
/// ```swift
/// let r = unit.gemm(ops, order: .sequential)
/// r.values[0, 0]        // decoded output
/// r.actions             // e.g. int_add32=…, shift8=…
/// ```
public struct UnitResult: Sendable {
    public let rows: Int
    public let cols: Int
    /// The format of `bits`.
    public let outputFormat: ElementFormat
    /// Row-major output codes of `outputFormat`.
    public var bits: [UInt32]
    public var actions: ActionCounts
    public let timing: UnitTiming

    public init(rows: Int, cols: Int, outputFormat: ElementFormat, bits: [UInt32], actions: ActionCounts, timing: UnitTiming) {
        self.rows = rows
        self.cols = cols
        self.outputFormat = outputFormat
        self.bits = bits
        self.actions = actions
        self.timing = timing
    }

    /// The decoded outputs.
    public var values: Matrix {
        Matrix(rows: rows, cols: cols, storage: bits.map { outputFormat.decode($0) }) ?? Matrix(rows: 0, cols: 0)
    }
}
