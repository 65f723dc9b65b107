/// The off-chip interface feeding the array's double-buffered SRAM.
///
/// Model: every element of A and B is fetched from DRAM once (the SRAM keeps what a fold
/// has fetched), in fold order, over one channel of `bytesPerCycle`. Fold f's new data
/// (`FoldPlan.fetchElements`) takes ⌈bytes/bytesPerCycle⌉ cycles; fold 0's fetch starts at
/// cycle 0, and (double buffering, one fold of prefetch) fold f+1's fetch starts once
/// fold f's fetch has finished and fold f has begun. A fold cannot begin (ws/is: its
/// preload, os: its stream) before its data has arrived; the cycles lost are stalls.
/// Outputs (M·N elements of `cBits`) are written back once, behind the computation.
///
/// ```swift
/// let dram = DRAMConfig(bytesPerCycle: 64, aBits: 8, bBits: 4, cBits: 16)
/// dram.bytes(elements: 3, bits: 4)   // 2 (⌈12/8⌉)
/// ```
public struct DRAMConfig: Equatable, Hashable, Sendable, Codable {
    public var bytesPerCycle: Int
    /// Bits per element of A (activations).
    public var aBits: Int
    /// Bits per element of B (weights).
    public var bBits: Int
    /// Bits per element of C (outputs).
    public var cBits: Int

    public init(bytesPerCycle: Int, aBits: Int, bBits: Int, cBits: Int) {
        self.bytesPerCycle = bytesPerCycle
        self.aBits = aBits
        self.bBits = bBits
        self.cBits = cBits
    }

    /// Returns `self` if every field is positive, otherwise the first bad one.
    public func validated() throws(TensorEngineError) -> DRAMConfig {
        let fields = [("bytesPerCycle", bytesPerCycle), ("aBits", aBits), ("bBits", bBits),
                      ("cBits", cBits)]
        for (name, value) in fields where value <= 0 {
            throw .invalidMemory(name: name, value: value)
        }
        return self
    }

    /// Bytes holding `elements` values of `bits` bits each, rounded up to whole bytes.
    public func bytes(elements: Int, bits: Int) -> Int {
        let totalBits = Saturating.mul(elements, bits)
        return Saturating.ceilDiv(totalBits, 8)
    }

    /// Cycles to move `bytes` over the channel, ⌈bytes / bytesPerCycle⌉.
    public func transferCycles(bytes: Int) -> Int {
        Saturating.ceilDiv(bytes, bytesPerCycle)
    }

    /// Bytes fold `fold` of `plan` fetches from DRAM (first touches of A and B).
    public func fetchBytes(fold: Int, of plan: FoldPlan) -> Int {
        let e = plan.fetchElements(fold: fold)
        return Saturating.add(bytes(elements: e.a, bits: aBits), bytes(elements: e.b, bits: bBits))
    }
}
