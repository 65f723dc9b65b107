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

    /// The decoded outputs. FP32 codes other than NaN widen through `Float` (exact, the value
    /// `decode` gives: e.g. 0x3FC0_0000 → 1.5, 0x8000_0000 → −0); NaNs and other formats decode.
    public var values: Matrix {
        let storage = outputFormat == .fp32 ? bits.map(Self.widenFP32) : bits.map { outputFormat.decode($0) }
        return Matrix(rows: rows, cols: cols, storage: storage) ?? Matrix(rows: 0, cols: 0)
    }

    /// The decoding `values` applies to each code, for a caller that reads the outputs once
    /// without holding them decoded (a streamed run's error metrics).
    public var decoder: @Sendable (UInt32) -> Double {
        let format = outputFormat
        if format == .fp32 { return { Self.widenFP32($0) } }
        return { format.decode($0) }
    }

    /// An FP32 code as a Double: through `Float` (exact) unless it is a NaN, which decodes.
    @inline(__always)
    static func widenFP32(_ b: UInt32) -> Double {
        let f = Float(bitPattern: b)
        return f.isNaN ? ElementFormat.fp32.decode(b) : Double(f)
    }
}
