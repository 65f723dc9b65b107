/// Byte traffic of one GEMM operand through its SRAM buffer and over the DRAM interface.
///
/// - `sramReadBytes`: what the array (and, for C, the DRAM write-back) reads from the buffer;
/// - `sramWriteBytes`: fills from DRAM and, for C, the array's output and partial-sum writes;
/// - `sramReadWords` / `sramWriteWords`: the same in bank-word accesses, ⌈8·bytes / widthBits⌉;
/// - `dramReadBytes` / `dramWriteBytes`: off-chip traffic, re-fetches and spills included;
/// - `accessCycles`: cycles the buffer needs with every bank busy, dequant epilogue accesses
///   to this buffer included; `stallCycles` = max(0, accessCycles − computeCycles);
/// - `resident`: true when the reuse model never had to re-fetch (A, B) or spill (C).
///
/// ```swift
/// // os 4×4, M = K = N = 8, 8-bit A, everything fits:
/// // a.dramReadBytes 64, a.sramWriteBytes 64 (one fill), a.sramReadBytes 128 (two column folds)
/// ```
public struct OperandTraffic: Equatable, Hashable, Sendable, Codable {
    public var sramReadBytes: Int
    public var sramWriteBytes: Int
    public var sramReadWords: Int
    public var sramWriteWords: Int
    public var dramReadBytes: Int
    public var dramWriteBytes: Int
    public var accessCycles: Int
    public var stallCycles: Int
    public var resident: Bool

    public init(sramReadBytes: Int = 0, sramWriteBytes: Int = 0, sramReadWords: Int = 0, sramWriteWords: Int = 0,
                dramReadBytes: Int = 0, dramWriteBytes: Int = 0, accessCycles: Int = 0, stallCycles: Int = 0,
                resident: Bool = true) {
        self.sramReadBytes = sramReadBytes
        self.sramWriteBytes = sramWriteBytes
        self.sramReadWords = sramReadWords
        self.sramWriteWords = sramWriteWords
        self.dramReadBytes = dramReadBytes
        self.dramWriteBytes = dramWriteBytes
        self.accessCycles = accessCycles
        self.stallCycles = stallCycles
        self.resident = resident
    }

    /// SRAM bytes read and written; throws when they exceed 2^63 − 1.
    public var sramBytes: Int { get throws(TensorEngineError) { try Checked.add(sramReadBytes, sramWriteBytes, "SRAM bytes") } }
}
