/// Element-level SRAM traffic of one GEMM on the array (a later stage converts to bytes).
///
/// Per fold with u_r used rows, u_c used columns and T streamed steps:
/// - os: A reads u_r·T, B reads u_c·T, C writes u_r·u_c (accumulators drained once);
/// - ws: B (stationary) reads u_r·u_c, A reads T·u_r, C writes T·u_c, and for every
///   row fold after the first along K, C reads T·u_c (partial sums re-read to accumulate);
/// - is: A (stationary) reads u_r·u_c, B reads T·u_r, C writes and reads as for ws.
///
/// ```swift
/// // 4×4 os array, M = K = N = 4: one fold.
/// // SRAMTraffic(aReads: 16, bReads: 16, cWrites: 16, cReads: 0)
/// ```
public struct SRAMTraffic: Equatable, Hashable, Sendable, Codable {
    /// Elements of A (activations, SCALE-Sim "ifmap") read.
    public var aReads: Int
    /// Elements of B (weights, SCALE-Sim "filter") read.
    public var bReads: Int
    /// Elements of C (outputs or partial sums) written.
    public var cWrites: Int
    /// Elements of C (partial sums) read back for accumulation across K folds.
    public var cReads: Int

    public init(aReads: Int = 0, bReads: Int = 0, cWrites: Int = 0, cReads: Int = 0) {
        self.aReads = aReads
        self.bReads = bReads
        self.cWrites = cWrites
        self.cReads = cReads
    }
}
