/// Byte traffic of one GEMM per memory level and operand, from `BufferedTraffic.compute`.
///
/// `a`, `b`, `c` hold each operand's SRAM and DRAM bytes (`OperandTraffic`); `dequant` the
/// group-dequantization epilogue's accesses (zero when the unit is not group-quantized).
/// `computeCycles` is the array time the buffers must keep up with, and `sramStallCycles`
/// the largest shortfall of any buffer (buffers work in parallel, so the slowest decides).
///
/// ```swift
/// let plan = try FoldPlan(GEMMDims(m: 8, k: 8, n: 8), on: ArrayConfig(rows: 4, cols: 4, dataflow: .os))
/// let t = try BufferedTraffic.compute(plan: plan,
///     widths: (OperandWidth(bits: 8), OperandWidth(bits: 4), OperandWidth(bits: 16)),
///     buffers: (.unbounded, .unbounded, .unbounded))
/// t.dram.readBytes    // 96 = 8·8·1 + 8·8·0.5
/// t.dram.writeBytes   // 128 = 8·8·2
/// ```
public struct MemoryTraffic: Equatable, Hashable, Sendable, Codable {
    public let a: OperandTraffic
    public let b: OperandTraffic
    public let c: OperandTraffic
    public let dequant: DequantTraffic
    public let computeCycles: Int
    public let sramStallCycles: Int
    /// DRAM bytes summed over the operands (reads: A, B fetches and C spill refills;
    /// writes: outputs and C spills).
    public let dram: DRAMTraffic
    /// SRAM bytes read over all buffers, the dequant epilogue's reads included.
    public let sramReadBytes: Int
    /// SRAM bytes written over all buffers, the dequant epilogue's writes included.
    public let sramWriteBytes: Int
    /// Total cycles once SRAM stalls are added to the compute time.
    public let cyclesWithSRAMStalls: Int

    /// The traffic of `a`, `b`, `c` and the epilogue with their totals; throws when a
    /// total exceeds 2^63 − 1.
    public init(a: OperandTraffic, b: OperandTraffic, c: OperandTraffic, dequant: DequantTraffic = .zero,
                computeCycles: Int, sramStallCycles: Int) throws(TensorEngineError) {
        typealias C = Checked
        self.a = a
        self.b = b
        self.c = c
        self.dequant = dequant
        self.computeCycles = computeCycles
        self.sramStallCycles = sramStallCycles
        dram = DRAMTraffic(readBytes: try C.add(C.add(a.dramReadBytes, b.dramReadBytes, "DRAM bytes"), c.dramReadBytes, "DRAM bytes"),
                           writeBytes: try C.add(C.add(a.dramWriteBytes, b.dramWriteBytes, "DRAM bytes"), c.dramWriteBytes, "DRAM bytes"))
        sramReadBytes = try C.add(C.add(C.add(a.sramReadBytes, b.sramReadBytes, "SRAM bytes"), c.sramReadBytes, "SRAM bytes"),
                                  dequant.readBytes, "SRAM bytes")
        sramWriteBytes = try C.add(C.add(C.add(a.sramWriteBytes, b.sramWriteBytes, "SRAM bytes"), c.sramWriteBytes, "SRAM bytes"),
                                   dequant.writeBytes, "SRAM bytes")
        cyclesWithSRAMStalls = try C.add(computeCycles, sramStallCycles, "cycles")
    }
}
