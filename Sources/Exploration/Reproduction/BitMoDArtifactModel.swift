import Workloads

/// The BitMoD artifact's own analytic latency model (Exploration/README.md, "BitMoD reproduction";
/// `bitmod_sim/accelerator.py`, `pe_array.py`), used only to explain gaps: per GEMM,
/// compute = ⌈K/dp⌉·⌈N_out/rows⌉·⌈M/cols⌉·pe_latency cycles, DRAM = bytes / 32 per cycle
/// (128-bit DDR bus), latency = max(compute, DRAM).
///
/// DRAM bytes are weights at the artifact's `w_prec` bits plus FP16 inputs and outputs.
///
/// ```swift
/// let m = BitMoDArtifactModel(rows: 32, cols: 32, dp: 1, peLatency: 1, weightBits: 16)
/// m.cycles(GEMMShape(name: "g", m: 32, k: 64, n: 32))
/// // compute 64·1·1·1 = 64; DRAM (32·64·2 + 32·64·2 + 32·32·2)/32 = 320 → 320
/// ```
public struct BitMoDArtifactModel: Sendable, Equatable {
    /// The artifact's array: rows across N_out, cols across tokens.
    public var rows: Int, cols: Int
    /// Dot-product size per PE (4 for BitMoD, 1 otherwise).
    public var dp: Int
    /// Cycles per dot product: ⌈⌊w⌋/2⌉ for BitMoD, 1 otherwise.
    public var peLatency: Int
    /// Weight storage bits per weight (scale overhead included), e.g. 4.0625.
    public var weightBits: Double

    public init(rows: Int, cols: Int, dp: Int, peLatency: Int, weightBits: Double) {
        self.rows = rows; self.cols = cols; self.dp = dp; self.peLatency = peLatency; self.weightBits = weightBits
    }

    static func ceilDiv(_ a: Int, _ b: Int) -> Double { Double((a + max(b, 1) - 1) / max(b, 1)) }

    /// max(compute, DRAM) cycles of one GEMM occurrence, times its count.
    public func cycles(_ g: GEMMShape) -> Double {
        let compute = Self.ceilDiv(g.k, dp) * Self.ceilDiv(g.n, rows) * Self.ceilDiv(g.m, cols) * Double(peLatency)
        let bytes = Double(g.n) * Double(g.k) * weightBits / 8 + Double(g.m) * Double(g.k) * 2 + Double(g.m) * Double(g.n) * 2
        return max(compute, bytes / 32) * Double(g.count)
    }

    /// Total cycles of a workload.
    public func cycles(_ w: Workload) -> Double { w.gemms.reduce(0) { $0 + cycles($1) } }
}
