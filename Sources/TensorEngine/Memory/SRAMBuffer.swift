/// One on-chip buffer holding a GEMM operand: capacity, banking and double buffering.
///
/// A buffer of `banks` banks, each `widthBits` wide, delivers one word per bank per access
/// cycle, i.e. `banks·widthBits` bits per cycle. A double-buffered buffer computes out of
/// one half while the other half is filled, so the working set it can keep resident is
/// half its size (`capacityBytes`).
///
/// ```swift
/// // MixPE's weight buffer: 128 KiB, 32 banks × 512 bit, double buffered.
/// let wbuf = SRAMBuffer(kib: 128, banks: 32, widthBits: 512, doubleBuffered: true)
/// wbuf.capacityBytes          // 65_536 (half of 131_072)
/// try wbuf.bitsPerAccessCycle // 16_384
/// try wbuf.words(bytes: 100)  // 2 (⌈800 / 512⌉ bank words)
/// ```
public struct SRAMBuffer: Equatable, Hashable, Sendable, Codable {
    /// Total size in bytes.
    public var sizeBytes: Int
    /// Independent banks, each delivering one word per access cycle.
    public var banks: Int
    /// Bits per bank word.
    public var widthBits: Int
    /// Whether half the size is filled while the other half is computed on.
    public var doubleBuffered: Bool

    public init(sizeBytes: Int, banks: Int, widthBits: Int, doubleBuffered: Bool) {
        self.sizeBytes = sizeBytes
        self.banks = banks
        self.widthBits = widthBits
        self.doubleBuffered = doubleBuffered
    }

    /// A buffer of `kib` KiB (1 KiB = 1024 bytes). A size of 2^63 bytes or more is
    /// `Int.max` bytes, which holds every working set the engine can count (unbounded in
    /// effect); a non-positive size stays non-positive for `validated()` to refuse.
    public init(kib: Int, banks: Int, widthBits: Int, doubleBuffered: Bool) {
        let (bytes, overflow) = kib.multipliedReportingOverflow(by: 1024)
        self.init(sizeBytes: overflow ? (kib > 0 ? .max : 0) : bytes, banks: banks, widthBits: widthBits,
                  doubleBuffered: doubleBuffered)
    }

    /// A buffer with no practical capacity or bandwidth limit (`Int.max` bytes, 65536 banks
    /// × 65536 bits, single buffered): every working set fits and nothing stalls.
    public static let unbounded = SRAMBuffer(sizeBytes: .max, banks: 65_536, widthBits: 65_536,
                                             doubleBuffered: false)

    /// Bytes a working set may occupy and stay resident: the size, halved when double buffered.
    public var capacityBytes: Int { doubleBuffered ? sizeBytes / 2 : sizeBytes }

    /// Bits delivered per access cycle when every bank returns one word: banks·widthBits;
    /// throws when that exceeds 2^63 − 1.
    public var bitsPerAccessCycle: Int {
        get throws(TensorEngineError) { try Checked.mul(banks, widthBits, "SRAM bits per access cycle") }
    }

    /// Bytes delivered per access cycle, banks·widthBits/8 (exact as a `Double` below 2^53).
    public var bytesPerCycle: Double { Double(banks) * Double(widthBits) / 8 }

    /// Whether a working set of `bytes` bytes stays resident.
    public func fits(bytes: Int) -> Bool { bytes <= capacityBytes }

    /// Bank-word accesses to move `bytes` bytes, ⌈8·bytes / widthBits⌉ (the unit SRAM energy
    /// is charged in), exact; throws when they exceed 2^63 − 1.
    public func words(bytes: Int) throws(TensorEngineError) -> Int {
        try Checked.mulDivCeil(bytes, 8, widthBits, "SRAM words")
    }

    /// Access cycles to move `bytes` bytes with all banks busy, ⌈8·bytes / (banks·widthBits)⌉, exact.
    public func accessCycles(bytes: Int) throws(TensorEngineError) -> Int {
        try Checked.mulDivCeil(bytes, 8, bitsPerAccessCycle, "SRAM access cycles")
    }

    /// Returns `self` if size, banks and width are positive and banks·widthBits fits,
    /// otherwise the first bad field.
    public func validated() throws(TensorEngineError) -> SRAMBuffer {
        for (name, value) in [("sizeBytes", sizeBytes), ("banks", banks), ("widthBits", widthBits)] where value <= 0 {
            throw .invalidMemory(name: name, value: value)
        }
        _ = try bitsPerAccessCycle
        return self
    }
}
