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
    public var a: OperandTraffic
    public var b: OperandTraffic
    public var c: OperandTraffic
    public var dequant: DequantTraffic
    public var computeCycles: Int
    public var sramStallCycles: Int

    public init(a: OperandTraffic, b: OperandTraffic, c: OperandTraffic, dequant: DequantTraffic = DequantTraffic(),
                computeCycles: Int, sramStallCycles: Int) {
        self.a = a
        self.b = b
        self.c = c
        self.dequant = dequant
        self.computeCycles = computeCycles
        self.sramStallCycles = sramStallCycles
    }

    /// DRAM bytes summed over the operands (reads: A, B fetches and C spill refills;
    /// writes: outputs and C spills).
    public var dram: DRAMTraffic {
        typealias S = Saturating
        return DRAMTraffic(readBytes: S.add(S.add(a.dramReadBytes, b.dramReadBytes), c.dramReadBytes),
                           writeBytes: S.add(S.add(a.dramWriteBytes, b.dramWriteBytes), c.dramWriteBytes))
    }

    /// SRAM bytes read over all buffers, the dequant epilogue's reads included.
    public var sramReadBytes: Int {
        typealias S = Saturating
        return S.add(S.add(S.add(a.sramReadBytes, b.sramReadBytes), c.sramReadBytes), dequant.readBytes)
    }

    /// SRAM bytes written over all buffers, the dequant epilogue's writes included.
    public var sramWriteBytes: Int {
        typealias S = Saturating
        return S.add(S.add(S.add(a.sramWriteBytes, b.sramWriteBytes), c.sramWriteBytes), dequant.writeBytes)
    }

    /// Total cycles once SRAM stalls are added to the compute time.
    public var cyclesWithSRAMStalls: Int { Saturating.add(computeCycles, sramStallCycles) }
}
