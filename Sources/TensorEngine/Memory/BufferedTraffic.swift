/// SRAM and DRAM byte traffic of one GEMM through finite operand buffers (closed form, O(1)).
///
/// Folds run column folds outer, row folds inner (as `FoldPlan`). Element counts of the
/// array's SRAM accesses are `SRAMTraffic`'s; every count is turned into bytes at the
/// operand's exact rational width (`OperandWidth`: a 4-bit weight is half a byte, uint4 with
/// an FP16 scale and a 4-bit zero point per 128 is 532/128 bits) once per total, so when
/// everything fits the DRAM reads are exactly one pass over A and B.
///
/// **Reuse model** (capacity = size, halved when double buffered; residency is all or nothing):
/// - os (M on rows, N on columns, K streamed): A's row blocks (u_r·K) come back in every
///   column fold: A is read from DRAM once if all of A (M·K) fits, else once per column
///   fold (colFolds·M·K). B's column block (K·u_c) serves the consecutive row folds of its
///   column fold: once if the block fits, else once per row fold (rowFolds·K·u_c), per block.
/// - ws (K on rows, N on columns, M streamed): the stationary B tile (u_r·u_c) is used by
///   one fold only, so B is read once (K·N). A's row block (M·u_r) comes back in every column
///   fold: once if all of A fits, else colFolds·M·K.
/// - is (K on rows, M on columns, N streamed): the stationary A tile is read once (M·K);
///   B's row block (u_r·N) comes back in every column fold: once if all of B fits, else colFolds·K·N.
///
/// **Outputs and partial sums** (at `accumulatorBits`): the array writes `cWrites` and reads
/// `cReads` accumulator values (os: M·N drained once; ws/is: every row fold writes T·u_c
/// partial sums, every row fold but the first reads them back). For ws/is the partial-sum
/// block of a column fold (T·u_c) must stay in the C buffer across the row folds; if it does
/// not fit, each row fold but the last spills it to DRAM and each but the first reads it
/// back: (rowFolds−1)·T·u_c accumulator values each way, through the buffer. The final M·N
/// outputs are read from the buffer (accumulator width) and written to DRAM at `widths.c`.
///
/// **SRAM bytes**: A, B reads are the array's reads, writes the DRAM fills; C writes are the
/// array's writes plus spill refills, C reads the array's partial-sum reads plus spills and
/// the final write-back.
///
/// **Bandwidth**: a buffer moves banks·widthBits bits per cycle, reads and writes sharing it.
/// Its access cycles are ⌈8·bytes / (banks·widthBits)⌉ over its operand bytes plus the dequant
/// epilogue's (scales, zero points → B; activation sums, accumulators → C). Buffers run in
/// parallel with the array, so a buffer stalls it by max(0, access − computeCycles), and
/// the GEMM by the largest such shortfall. `computeCycles` defaults to the native
/// closed-form compute time (`ClosedFormTiming`).
///
/// ```swift
/// // os 4×4, M = K = N = 8, 8-bit A, 4-bit B, buffers too small to keep anything:
/// // A 64 B > 32 B → 2 column folds · 64 = 128 B; B block 8·4·0.5 = 16 B > 8 B → 2 row folds · 32 = 64 B.
/// let plan = try FoldPlan(GEMMDims(m: 8, k: 8, n: 8), on: ArrayConfig(rows: 4, cols: 4, dataflow: .os))
/// let t = try BufferedTraffic.compute(plan: plan,
///     widths: (OperandWidth(bits: 8), OperandWidth(bits: 4), OperandWidth(bits: 16)),
///     buffers: (SRAMBuffer(sizeBytes: 32, banks: 1, widthBits: 64, doubleBuffered: false),
///               SRAMBuffer(sizeBytes: 8, banks: 1, widthBits: 64, doubleBuffered: false),
///               .unbounded))
/// t.dram.readBytes   // 192
/// ```
///
/// Every byte, word and cycle count is exact; one beyond 2^63 − 1 throws
/// `TensorEngineError.countOverflow`.
public enum BufferedTraffic {
    public static func compute(plan: FoldPlan, widths: (a: OperandWidth, b: OperandWidth, c: OperandWidth),
                               buffers: (a: SRAMBuffer, b: SRAMBuffer, c: SRAMBuffer),
                               accumulatorBits: Int = 32, dequant: DequantTraffic.Scheme? = nil,
                               computeCycles: Int? = nil) throws(TensorEngineError) -> MemoryTraffic {
        typealias C = Checked
        for (name, w) in [("a", widths.a), ("b", widths.b), ("c", widths.c)] {
            if w.bits <= 0 { throw .invalidMemory(name: "\(name)Bits", value: w.bits) }
            if w.per <= 0 { throw .invalidMemory(name: "\(name)Per", value: w.per) }
        }
        if accumulatorBits <= 0 { throw .invalidMemory(name: "accumulatorBits", value: accumulatorBits) }
        let bufA = try buffers.a.validated(), bufB = try buffers.b.validated(), bufC = try buffers.c.validated()
        let scheme = try dequant?.validated()
        if let computeCycles, computeCycles < 0 {
            throw .invalidMemory(name: "computeCycles", value: computeCycles)
        }

        let timing = try ClosedFormTiming.run(plan, convention: .native)
        let sram = timing.sram
        let acc = OperandWidth(bits: accumulatorBits)
        let sc = plan.spatialCols, t = plan.streamSteps
        let rf = plan.rowFolds, cf = plan.colFolds
        // Element counts: each is at most M·K·N ≤ 2^62 (cf, rf are at most the extents they fold).
        let aElements = plan.dims.m * plan.dims.k, bElements = plan.dims.k * plan.dims.n

        // DRAM elements fetched per operand under the reuse model.
        func wholeOperand(_ elements: Int, _ width: OperandWidth, _ buffer: SRAMBuffer) throws(TensorEngineError) -> (Int, Bool) {
            let fits = buffer.fits(bytes: try width.byteCount(elements: elements))
            return (fits ? elements : cf * elements, fits || cf == 1)
        }
        let (aFetched, aResident): (Int, Bool)
        let (bFetched, bResident): (Int, Bool)
        switch plan.array.dataflow {
        case .os:
            (aFetched, aResident) = try wholeOperand(aElements, widths.a, bufA)
            let blocks = try split(extent: sc, block: plan.array.cols, elementsPerUnit: t, width: widths.b, buffer: bufB)
            bFetched = t * (blocks.fitting + rf * blocks.spilling)   // ≤ T·rowFolds·S_c ≤ M·K·N
            bResident = blocks.spilling == 0 || rf == 1
        case .ws:
            (aFetched, aResident) = try wholeOperand(aElements, widths.a, bufA)
            (bFetched, bResident) = (bElements, true)
        case .is:
            (aFetched, aResident) = (aElements, true)
            (bFetched, bResident) = try wholeOperand(bElements, widths.b, bufB)
        }

        // Partial-sum spills (ws/is with more than one row fold).
        var spilled = 0
        if plan.array.dataflow != .os, rf > 1 {
            let blocks = try split(extent: sc, block: plan.array.cols, elementsPerUnit: t, width: acc, buffer: bufC)
            spilled = (rf - 1) * t * blocks.spilling   // ≤ rowFolds·T·S_c ≤ M·K·N
        }
        let spillBytes = try acc.byteCount(elements: spilled)
        let outputs = plan.dims.m * plan.dims.n

        var a = OperandTraffic(sramReadBytes: try widths.a.byteCount(elements: sram.aReads),
                               sramWriteBytes: try widths.a.byteCount(elements: aFetched),
                               dramReadBytes: try widths.a.byteCount(elements: aFetched), resident: aResident)
        var b = OperandTraffic(sramReadBytes: try widths.b.byteCount(elements: sram.bReads),
                               sramWriteBytes: try widths.b.byteCount(elements: bFetched),
                               dramReadBytes: try widths.b.byteCount(elements: bFetched), resident: bResident)
        var c = OperandTraffic(
            sramReadBytes: try C.add(C.add(acc.byteCount(elements: sram.cReads), spillBytes, "SRAM bytes"),
                                     acc.byteCount(elements: outputs), "SRAM bytes"),
            sramWriteBytes: try C.add(acc.byteCount(elements: sram.cWrites), spillBytes, "SRAM bytes"),
            dramReadBytes: spillBytes,
            dramWriteBytes: try C.add(widths.c.byteCount(elements: outputs), spillBytes, "DRAM bytes"),
            resident: spilled == 0)

        let dq = try scheme.map { s throws(TensorEngineError) in try DequantTraffic.compute(plan: plan, scheme: s) } ?? .zero
        let cycles = computeCycles ?? timing.computeCycles
        func finish(_ o: inout OperandTraffic, _ buffer: SRAMBuffer, extra: Int) throws(TensorEngineError) {
            o.sramReadWords = try buffer.words(bytes: o.sramReadBytes)
            o.sramWriteWords = try buffer.words(bytes: o.sramWriteBytes)
            o.accessCycles = try buffer.accessCycles(bytes: C.add(o.sramBytes, extra, "SRAM bytes"))
            o.stallCycles = Swift.max(0, o.accessCycles - cycles)
        }
        try finish(&a, bufA, extra: 0)
        try finish(&b, bufB, extra: dq.weightBufferBytes)
        try finish(&c, bufC, extra: dq.outputBufferBytes)
        return try MemoryTraffic(a: a, b: b, c: c, dequant: dq, computeCycles: cycles,
                                 sramStallCycles: Swift.max(a.stallCycles, b.stallCycles, c.stallCycles))
    }

    /// The same with the operand widths of a `DRAMConfig` (`dram.a`, `dram.b`, `dram.c`).
    ///
    /// ```swift
    /// let dram = DRAMConfig(bytesPerCycle: 64, aBits: 8, bBits: 4, cBits: 16)
    /// try BufferedTraffic.compute(plan: plan, dram: dram, buffers: (.unbounded, .unbounded, .unbounded))
    /// ```
    public static func compute(plan: FoldPlan, dram: DRAMConfig, buffers: (a: SRAMBuffer, b: SRAMBuffer, c: SRAMBuffer),
                               accumulatorBits: Int = 32, dequant: DequantTraffic.Scheme? = nil,
                               computeCycles: Int? = nil) throws(TensorEngineError) -> MemoryTraffic {
        try compute(plan: plan, widths: (dram.a, dram.b, dram.c), buffers: buffers,
                    accumulatorBits: accumulatorBits, dequant: dequant, computeCycles: computeCycles)
    }
}
