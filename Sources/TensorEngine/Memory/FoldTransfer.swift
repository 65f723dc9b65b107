/// The bytes one fold moves over the DRAM channel before it may begin: operand and
/// partial-sum reads, and the partial-sum spill it writes out first. Its transfer takes
/// ⌈(readBytes + writeBytes) / bytesPerCycle⌉ cycles (one channel for both directions).
///
/// ```swift
/// try FoldTransfer(readBytes: 48, writeBytes: 16).channelBytes()   // 64
/// ```
public struct FoldTransfer: Equatable, Hashable, Sendable {
    public var readBytes: Int
    public var writeBytes: Int

    public init(readBytes: Int, writeBytes: Int = 0) {
        self.readBytes = readBytes
        self.writeBytes = writeBytes
    }

    /// Bytes on the channel, reads and writes.
    public func channelBytes() throws(TensorEngineError) -> Int {
        try Checked.add(readBytes, writeBytes, "DRAM bytes")
    }
}
