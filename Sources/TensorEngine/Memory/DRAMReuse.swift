/// The on-chip buffers the DRAM channel fetches through, so the cycle engines fetch what
/// `BufferedTraffic` counts: operands that do not fit are re-fetched, ws/is partial sums
/// that do not fit are spilled and read back (capacity halved when double buffered,
/// residency all or nothing, partial sums at `accumulatorBits`).
///
/// Without a `DRAMReuse` (or with `.unbounded`) every element of A and B is fetched once.
/// Fold by fold (`DRAMConfig.transfer(fold:of:reuse:)`, fold = colFold·rowFolds + rowFold):
/// - a re-fetched operand is fetched again by every fold that uses it: the streamed block
///   (os: A's u_r·K, ws: A's M·u_r, is: B's u_r·N) in every fold when the whole operand
///   does not fit, os B's column block (K·u_c) in every row fold when the block does not fit;
/// - a spilling ws/is column fold moves its T·u_c partial sums with each row fold but the
///   first: fold r's transfer carries fold r−1's spill out and its read back in, before fold r
///   may begin (the channel is shared by reads and writes).
///
/// ```swift
/// // 4×4 ws, M = K = N = 8, 8-bit A and B; a 32-byte A buffer cannot hold A (64 B):
/// let plan = try FoldPlan(GEMMDims(m: 8, k: 8, n: 8), on: ArrayConfig(rows: 4, cols: 4, dataflow: .ws))
/// let small = DRAMReuse(buffers: (SRAMBuffer(sizeBytes: 32, banks: 1, widthBits: 64, doubleBuffered: false),
///                                 .unbounded, .unbounded))
/// try DRAMConfig(bytesPerCycle: 8, aBits: 8, bBits: 8, cBits: 16).transfer(fold: 2, of: plan, reuse: small)
/// // FoldTransfer(readBytes: 48, writeBytes: 0): fold 2 (second column fold) fetches its
/// // B tile (16 B) and A's row block again (M·u_r = 32 B); with room for A, only the 16 B
/// ```
public struct DRAMReuse: Equatable, Hashable, Sendable {
    public var a: SRAMBuffer
    public var b: SRAMBuffer
    public var c: SRAMBuffer
    /// Width of a spilled partial sum.
    public var accumulatorBits: Int

    public init(buffers: (a: SRAMBuffer, b: SRAMBuffer, c: SRAMBuffer), accumulatorBits: Int = 32) {
        a = buffers.a
        b = buffers.b
        c = buffers.c
        self.accumulatorBits = accumulatorBits
    }

    /// Everything fits: each element fetched once, no spills.
    public static let unbounded = DRAMReuse(buffers: (.unbounded, .unbounded, .unbounded))

    /// Returns `self` if every buffer is valid and `accumulatorBits` is positive, otherwise the first bad field.
    public func validated() throws(TensorEngineError) -> DRAMReuse {
        _ = try a.validated()
        _ = try b.validated()
        _ = try c.validated()
        if accumulatorBits <= 0 { throw .invalidMemory(name: "accumulatorBits", value: accumulatorBits) }
        return self
    }
}
