/// The one-channel DRAM prefetcher of the cycle-stepped engines: units (folds or output
/// tiles) are fetched in order, one transfer at a time, at most one unit ahead of the
/// compute (unit i may start fetching once units 0…i−1 have begun); a zero-byte fetch
/// completes at once. A unit's transfer may carry writes too (a systolic fold's partial-sum
/// spill, `FoldTransfer`): reads and writes share the channel.
///
/// ```swift
/// var channel = DRAMFetchChannel(units: folds)
/// channel.retire(at: c)                         // start of cycle c
/// try channel.start(at: c, begun: begun, bytes: { try plan.bytes($0) }, cycles: { dram.transferCycles(bytes: $0) })
/// channel.fetched                               // units whose data has arrived
/// ```
struct DRAMFetchChannel {
    let units: Int
    /// Units whose data has arrived.
    private(set) var fetched = 0
    /// Bytes read so far.
    private(set) var readBytes = 0
    /// Bytes written so far (partial-sum spills; outputs are written behind the compute).
    private(set) var writtenBytes = 0
    private var nextFetch = 0
    /// The transfer in progress: it completes at the start of cycle start + cycles.
    private(set) var transfer: (start: Int, cycles: Int)?

    init(units: Int) { self.units = units }

    /// Retire the transfer that completes at the start of cycle `c`.
    mutating func retire(at c: Int) {
        if let job = transfer, c - job.start >= job.cycles {
            fetched += 1
            transfer = nil
        }
    }

    /// Start the fetches the channel and the prefetch window allow at cycle `c`, when `begun`
    /// units have begun computing; `bytes(i)` is unit i's fetch and `cycles(b)` its transfer time.
    mutating func start(at c: Int, begun: Int, bytes: (Int) throws(TensorEngineError) -> Int,
                        cycles: (Int) -> Int) throws(TensorEngineError) {
        try start(at: c, begun: begun, transfer: { i throws(TensorEngineError) in FoldTransfer(readBytes: try bytes(i)) },
                  cycles: cycles)
    }

    /// The same with unit i's reads and writes, `transfer(i)`.
    mutating func start(at c: Int, begun: Int, transfer unitTransfer: (Int) throws(TensorEngineError) -> FoldTransfer,
                        cycles: (Int) -> Int) throws(TensorEngineError) {
        while transfer == nil, nextFetch < units, begun >= nextFetch {
            let job = try unitTransfer(nextFetch)
            let t = cycles(try job.channelBytes())
            readBytes = try Checked.add(readBytes, job.readBytes, "DRAM bytes")
            writtenBytes = try Checked.add(writtenBytes, job.writeBytes, "DRAM bytes")
            nextFetch += 1
            if t == 0 { fetched += 1 } else { transfer = (c, t) }
        }
    }
}
