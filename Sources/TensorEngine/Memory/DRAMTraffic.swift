/// Bytes moved over the DRAM interface for one GEMM (zero when no `DRAMConfig` is given).
///
/// ```swift
/// // 4×4 ws, M = K = N = 4, 8-bit A and B, 16-bit C:
/// // DRAMTraffic(readBytes: 32, writeBytes: 32)
/// ```
public struct DRAMTraffic: Equatable, Hashable, Sendable, Codable {
    /// Bytes of A and B fetched (each element once, or with a `DRAMReuse` the re-fetches
    /// too) and partial sums read back after a spill.
    public var readBytes: Int
    /// Bytes of C written back (each output once) and partial sums spilled.
    public var writeBytes: Int

    public init(readBytes: Int = 0, writeBytes: Int = 0) {
        self.readBytes = readBytes
        self.writeBytes = writeBytes
    }
}
