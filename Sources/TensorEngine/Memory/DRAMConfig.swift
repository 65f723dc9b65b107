/// The off-chip interface feeding the array's double-buffered SRAM.
///
/// Model: every element of A and B is fetched from DRAM once (the SRAM keeps what a fold
/// has fetched), in fold order, over one channel of `bytesPerCycle`. Fold f's new data
/// (`FoldPlan.fetchElements`) takes ⌈bytes/bytesPerCycle⌉ cycles; fold 0's fetch starts at
/// cycle 0, and (double buffering, one fold of prefetch) fold f+1's fetch starts once
/// fold f's fetch has finished and fold f has begun. A fold cannot begin (ws/is: its
/// preload, os: its stream) before its data has arrived; the cycles lost are stalls.
/// Outputs (M·N elements of `cBits`) are written back once, behind the computation.
/// With a `DRAMReuse` (the buffers), folds also re-fetch what the buffers cannot keep and
/// move spilled partial sums (`transfer(fold:of:reuse:)`).
///
/// ```swift
/// let dram = DRAMConfig(bytesPerCycle: 64, aBits: 8, bBits: 4, cBits: 16)
/// try dram.bytes(elements: 3, bits: 4)   // 2 (⌈12/8⌉)
/// ```
public struct DRAMConfig: Equatable, Hashable, Sendable, Codable {
    public var bytesPerCycle: Int
    /// Width of A (activations) in DRAM.
    public var a: OperandWidth
    /// Width of B (weights) in DRAM, scales and zero points included.
    public var b: OperandWidth
    /// Width of C (outputs) in DRAM.
    public var c: OperandWidth

    /// Whole bits per element for each operand.
    public init(bytesPerCycle: Int, aBits: Int, bBits: Int, cBits: Int) {
        self.init(bytesPerCycle: bytesPerCycle, a: OperandWidth(bits: aBits), b: OperandWidth(bits: bBits),
                  c: OperandWidth(bits: cBits))
    }

    /// Exact, possibly fractional widths (e.g. uint4 weights with an FP16 scale and a 4-bit
    /// zero point per 128: `OperandWidth(bits: 4 * 128 + 20, per: 128)`).
    public init(bytesPerCycle: Int, a: OperandWidth, b: OperandWidth, c: OperandWidth) {
        self.bytesPerCycle = bytesPerCycle
        self.a = a
        self.b = b
        self.c = c
    }

    public var aBits: Int { a.bits }
    public var bBits: Int { b.bits }
    public var cBits: Int { c.bits }

    /// Returns `self` if every field is positive, otherwise the first bad one.
    public func validated() throws(TensorEngineError) -> DRAMConfig {
        let fields = [("bytesPerCycle", bytesPerCycle), ("aBits", a.bits), ("aPer", a.per), ("bBits", b.bits),
                      ("bPer", b.per), ("cBits", c.bits), ("cPer", c.per)]
        for (name, value) in fields where value <= 0 {
            throw .invalidMemory(name: name, value: value)
        }
        return self
    }

    /// Bytes holding `elements` values of `bits` bits each, rounded up to whole bytes.
    public func bytes(elements: Int, bits: Int) throws(TensorEngineError) -> Int {
        try bytes(elements: elements, width: OperandWidth(bits: bits))
    }

    /// Bytes holding `elements` values of `width`, ⌈elements·bits / (per·8)⌉.
    public func bytes(elements: Int, width: OperandWidth) throws(TensorEngineError) -> Int {
        try width.byteCount(elements: elements)
    }

    /// Cycles to move `bytes` over the channel, ⌈bytes / bytesPerCycle⌉ (for a validated config).
    public func transferCycles(bytes: Int) -> Int {
        Checked.ceilDiv(bytes, Swift.max(bytesPerCycle, 1))
    }

    /// Bytes fold `fold` of `plan` fetches from DRAM (first touches of A and B).
    public func fetchBytes(fold: Int, of plan: FoldPlan) throws(TensorEngineError) -> Int {
        let e = plan.fetchElements(fold: fold)
        return try Checked.add(bytes(elements: e.a, width: a), bytes(elements: e.b, width: b), "DRAM bytes")
    }
}

extension DRAMConfig {
    /// What fold `fold` of `plan` moves over the channel with the buffers of `reuse`
    /// (see `DRAMReuse`); without `reuse`, its first touches only (`fetchBytes`).
    /// Byte counts are rounded up per fold and operand.
    public func transfer(fold: Int, of plan: FoldPlan, reuse: DRAMReuse?) throws(TensorEngineError) -> FoldTransfer {
        guard let reuse else { return FoldTransfer(readBytes: try fetchBytes(fold: fold, of: plan)) }
        typealias C = Checked
        let fr = fold % plan.rowFolds, fc = fold / plan.rowFolds
        let ur = plan.usedRows(rowFold: fr), uc = plan.usedCols(colFold: fc)
        let t = plan.streamSteps
        // Element counts: each is at most M·K·N ≤ 2^62 (the plan is within `MACLimit`).
        let aAll = plan.dims.m * plan.dims.k, bAll = plan.dims.k * plan.dims.n
        let aElements: Int, bElements: Int
        switch plan.array.dataflow {
        case .os:
            let aAgain = !reuse.a.fits(bytes: try a.byteCount(elements: aAll))
            let bAgain = !reuse.b.fits(bytes: try b.byteCount(elements: t * uc))
            (aElements, bElements) = (fc == 0 || aAgain ? ur * t : 0, fr == 0 || bAgain ? uc * t : 0)
        case .ws:
            let aAgain = !reuse.a.fits(bytes: try a.byteCount(elements: aAll))
            (aElements, bElements) = (fc == 0 || aAgain ? t * ur : 0, ur * uc)
        case .is:
            let bAgain = !reuse.b.fits(bytes: try b.byteCount(elements: bAll))
            (aElements, bElements) = (ur * uc, fc == 0 || bAgain ? t * ur : 0)
        }
        let acc = OperandWidth(bits: reuse.accumulatorBits)
        var spill = 0
        if plan.array.dataflow != .os, fr > 0, !reuse.c.fits(bytes: try acc.byteCount(elements: t * uc)) {
            spill = try acc.byteCount(elements: t * uc)
        }
        let operands = try C.add(a.byteCount(elements: aElements), b.byteCount(elements: bElements), "DRAM bytes")
        return FoldTransfer(readBytes: try C.add(operands, spill, "DRAM bytes"), writeBytes: spill)
    }
}
