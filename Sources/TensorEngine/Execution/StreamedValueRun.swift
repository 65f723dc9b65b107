import ArithmeticUnits
import NumberFormats

/// A value run that holds one panel of each operand at a time (`GEMMExecution.runStreamed`):
/// B in column panels of `cols` columns (all of K), A in row panels of `rows` rows (all of
/// K), so memory is O(panels + C) instead of O(A + B + C).
///
/// K is never cut, so every output sees its products in the same order as in a whole run,
/// and every quantizer this project has works per row of A (per-token scales, FP16 and block
/// formats) and per column or column group of B (channel and group scales), so the panels
/// quantize exactly as the whole operands do: the output bits and the error are the same as
/// `GEMMExecution.run`'s. The exceptions say so (`ArithmeticUnit.quantizesPanelsLocally`:
/// NVFP4's and HiF8's tensor-wide scales) and run as one panel of each operand. Action counts are summed over the tiles; work a unit shares along
/// a row of A (LUT table builds, activation sums for zero points) is counted once per
/// column panel, as it would be on that many narrower arrays.
///
/// Panels are sized for `budgetBytes` of operand memory (`ValueRunMemory`'s 32 bytes per
/// operand element, half for each panel), in multiples of 64 rows or columns when larger.
///
/// ```swift
/// let p = StreamedValueRun(GEMMDims(m: 8192, k: 8192, n: 8192))   // 256 MiB budget
/// (p.rows, p.cols)             // (512, 512): 8192 · 512 · 32 bytes = 128 MiB per panel
/// try p.estimateBytes()        // 2^28 + 20 · 8192² (C's bits, values and reference)
/// ```
public struct StreamedValueRun: Sendable, Equatable {
    public let dims: GEMMDims
    /// Rows of an A panel and columns of a B panel.
    public let rows: Int, cols: Int

    /// The default operand budget: 256 MiB.
    public static let defaultBudgetBytes = 256 << 20
    /// Bytes per element of C held for the whole run: output bits (4), the float64
    /// reference (8) and the decoded output (8).
    public static let bytesPerOutputElement = 20

    public init(_ dims: GEMMDims, budgetBytes: Int = StreamedValueRun.defaultBudgetBytes) {
        self.dims = dims
        let perPanel = max(budgetBytes / 2 / ValueRunMemory.bytesPerOperandElement / max(dims.k, 1), 1)
        func fit(_ extent: Int) -> Int {
            let n = min(perPanel, max(extent, 1))
            return n > 64 ? n / 64 * 64 : n
        }
        rows = fit(dims.m)
        cols = fit(dims.n)
    }

    /// One panel of each operand: the whole of A and of B.
    public init(whole dims: GEMMDims) {
        self.dims = dims
        rows = dims.m
        cols = dims.n
    }

    /// Panels and C: 32·K·(rows + cols) + 20·M·N bytes; throws past 2^63 − 1.
    public func estimateBytes() throws(TensorEngineError) -> Int {
        typealias C = Checked
        let panels = try C.mul(C.mul(dims.k, C.add(rows, cols, "streamed bytes"), "streamed bytes"),
                               ValueRunMemory.bytesPerOperandElement, "streamed bytes")
        return try C.add(panels, C.mul(C.mul(dims.m, dims.n, "streamed bytes"), Self.bytesPerOutputElement, "streamed bytes"),
                         "streamed bytes")
    }
}

extension GEMMExecution {
    /// `run` with the operands read panel by panel (`StreamedValueRun`): for each column
    /// panel of B, each row panel of A is quantized with it and multiplied (`values`, as in
    /// `run`), and the float64 reference of the tile is taken;
    /// the bits, the reference and the action counts go into the whole C. The schedule is the
    /// whole GEMM's. The result equals `run` on the whole operands, bit for bit.
    public static func runStreamed<U: ArithmeticUnit>(unit: U, activations a: some OperandPanels, weights b: some OperandPanels,
                                                      panels: StreamedValueRun? = nil, engine: EngineConfig,
                                                      convention: TimingConvention, mode: SimulationMode = .fast,
                                                      dram: DRAMConfig? = nil, memory: BufferModel? = nil,
                                                      timer: PhaseTimer? = nil) throws -> GEMMReport {
        func phase<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            guard let timer else { return try body() }
            return try timer.measure(name, body)
        }
        guard a.panelCols == b.panelRows else {
            throw TensorEngineError.dimensionMismatch(activationColumns: a.panelCols, weightRows: b.panelRows)
        }
        let dims = try GEMMDims(m: a.panelRows, k: a.panelCols, n: b.panelCols).validated()
        let plan = try phase("schedule") {
            try schedule(dims, unit: unit.timing, engine: engine, convention: convention, mode: mode, dram: dram, memory: memory)
        }
        // A unit whose scales span whole tensors takes the whole operands as one panel.
        let shape = unit.quantizesPanelsLocally ? panels ?? StreamedValueRun(dims) : StreamedValueRun(whole: dims)
        let (m, n) = (dims.m, dims.n)
        var bits = [UInt32](repeating: 0, count: m * n)
        var reference = [Double](repeating: 0, count: m * n)
        var actions = ActionCounts()
        var format = unit.outputFormat
        for c0 in stride(from: 0, to: n, by: shape.cols) {
            let c1 = min(c0 + shape.cols, n)
            let bPanel = phase("operands") { b.columnPanel(c0..<c1) }
            for r0 in stride(from: 0, to: m, by: shape.rows) {
                let r1 = min(r0 + shape.rows, m)
                let aPanel = phase("operands") { a.rowPanel(r0..<r1) }
                let operands = try phase("quantize") { try unit.quantize(activations: aPanel, weights: bPanel) }
                let tile = phase("values") { values(unit, operands, engine: engine, mode: mode, order: plan.order) }
                let ref = phase("reference") { ReferenceGEMM.multiply(aPanel, bPanel) }
                format = tile.outputFormat
                actions.merge(tile.actions)
                let width = c1 - c0
                for r in 0..<(r1 - r0) {
                    for j in 0..<width {
                        bits[(r0 + r) * n + c0 + j] = tile.bits[r * width + j]
                        reference[(r0 + r) * n + c0 + j] = ref.storage[r * width + j]
                    }
                }
            }
        }
        let output = UnitResult(rows: m, cols: n, outputFormat: format, bits: bits, actions: actions, timing: unit.timing)
        let error = phase("error") { ErrorMetrics(result: output.bits.lazy.map(output.decoder), reference: reference) }
        return GEMMReport(dims: dims, output: output, timing: plan.timing, error: error, order: plan.order, memory: plan.memory)
    }
}
