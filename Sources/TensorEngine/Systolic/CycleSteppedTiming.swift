/// The cycle-stepped systolic timing engine: steps one cycle at a time through the folds.
///
/// Three units act each cycle:
/// - the **shift unit** shifts a stationary tile into the array one row per cycle
///   (ws/is preload, `rows` cycles) or, in `native` os, shifts finished outputs out of
///   the shadow accumulators (`rows` cycles);
/// - the **injector** streams a fold's T operand vectors into the array edges, one step
///   every `cyclesPerStep` cycles, skewed by one cycle per row and column;
/// - the **waves** in flight: PE (i, j) of a fold that began streaming at cycle S is busy
///   in cycles S+i+j … S+i+j+T·s−1; the fold's wavefront has left the array after
///   T·s + (rows−1) + (cols−1) cycles (padding rows/columns of a partial fold still pass
///   the skew, as in SCALE-Sim's demand matrices).
///
/// The conventions differ only in when a unit may start:
/// - `scalesim`: fold f+1's preload (or, for os, its streaming) starts only once fold f's
///   wavefront has left the array; the reported count is the last cycle's index.
/// - `native`: fold f+1's tile preloads while fold f streams (shadow registers); for os
///   fold f's outputs drain from shadow accumulators while fold f+1 streams, and the last
///   fold's outputs drain after its wavefront. Folds stream back to back.
///
/// With a `DRAMConfig`, a fourth unit, the **DRAM channel**, fetches each fold's new data
/// (one fold ahead) and a fold may not begin (ws/is: preload, os: stream) before its data
/// has arrived; `computeCycles` then comes from a second run with an ideal memory. With a
/// `DRAMReuse` too, each fold fetches what the buffers cannot keep (re-fetched operands,
/// partial-sum spills: `DRAMConfig.transfer(fold:of:reuse:)`), not only its first touches.
///
/// The engine steps from event to event: a cycle where a unit may start or finish (a stream
/// ends, a wavefront leaves, a shift or a DRAM transfer completes) is processed as above,
/// and the cycles up to the next such event, in which no unit can change state, are taken
/// at once with their regular work counted in closed form (the SRAM reads of the stream
/// steps and preload rows they contain). A wave's PE activity, Σ over its cycles of the busy
/// PEs, is its ur·uc PEs × T·s busy cycles (ur·uc·T MAC starts), counted when its wavefront
/// leaves. So work is O(folds × folds in flight), not O(cycles); the per-cycle loop it
/// replaced is kept in the tests as the reference it equals count for count. Counts are
/// added exactly; one beyond 2^63 − 1 throws `TensorEngineError.countOverflow`.
///
/// ```swift
/// let plan = try FoldPlan(GEMMDims(m: 4, k: 4, n: 4),
///                         on: ArrayConfig(rows: 4, cols: 4, dataflow: .os))
/// try CycleSteppedTiming.run(plan, convention: .scalesim).totalCycles   // 9
/// ```
public enum CycleSteppedTiming {
    private struct Wave {
        var fold: Int
        var start: Int
    }

    private enum ShiftJob {
        case preload(fold: Int, start: Int)
        case drain(start: Int)
    }

    public static func run(_ plan: FoldPlan, convention: TimingConvention,
                           dram: DRAMConfig? = nil, reuse: DRAMReuse? = nil) throws(TensorEngineError) -> TimingCounts {
        typealias C = Checked
        let rows = plan.array.rows
        let s = plan.array.cyclesPerStep
        let streamLen = plan.streamCycles
        let waveLen = plan.waveCycles
        let folds = plan.folds
        let dataflow = plan.array.dataflow
        let stationaryPreload = dataflow != .os
        let native = convention == .native

        // SCALE-Sim's fold order: column folds outer, row folds inner.
        func rowFold(_ f: Int) -> Int { f % plan.rowFolds }
        func usedRows(_ f: Int) -> Int { plan.usedRows(rowFold: f % plan.rowFolds) }
        func usedCols(_ f: Int) -> Int { plan.usedCols(colFold: f / plan.rowFolds) }

        var sram = SRAMTraffic()
        var activePECycles = 0
        var macs = 0

        var nextStream = 0          // next fold to start streaming
        var nextLoad = 0            // next fold whose stationary tile to preload (ws/is)
        var loaded = 0              // folds whose stationary tile is in place (ws/is)
        var finished = 0            // folds whose wavefront has left the array
        var streaming: Wave?        // fold the injector is streaming
        var waves: [Wave] = []      // folds in flight, oldest first
        var waveHead = 0
        var shift: ShiftJob?
        var pendingDrains = 0       // os native: output tiles waiting to drain
        var begun = 0               // folds that began (ws/is: preload, os: stream)
        var channel = DRAMFetchChannel(units: folds)

        /// Starts the DRAM fetches the channel and the one-fold prefetch window allow.
        func startFetches(at c: Int) throws(TensorEngineError) {
            try channel.start(at: c, begun: begun, transfer: { fold throws(TensorEngineError) in
                try dram?.transfer(fold: fold, of: plan, reuse: reuse) ?? FoldTransfer(readBytes: 0)
            }, cycles: { dram?.transferCycles(bytes: $0) ?? 0 })
        }

        var c = 0
        while true {
            // 1. Retire what completes at the start of cycle c.
            channel.retire(at: c)
            try startFetches(at: c)
            if let w = streaming, c - w.start >= streamLen { streaming = nil }
            while waveHead < waves.count, c - waves[waveHead].start >= waveLen {
                let f = waves[waveHead].fold
                // The wave's whole activity: every used PE busy streamLen cycles, one MAC per step.
                let pes = usedRows(f) * usedCols(f)   // ≤ rows·cols ≤ 2^62
                activePECycles = try C.add(activePECycles, C.mul(pes, streamLen, "PE-cycles"), "PE-cycles")
                macs = try C.add(macs, C.mul(pes, plan.streamSteps, "MACs"), "MACs")
                if dataflow == .os {
                    sram.cWrites = try C.add(sram.cWrites, usedRows(f) * usedCols(f), "SRAM writes")
                    if native && f == folds - 1 { pendingDrains += 1 }
                }
                finished += 1
                waveHead += 1
            }
            if let job = shift {
                switch job {
                case let .preload(_, start) where c - start >= rows:
                    loaded += 1
                    shift = nil
                case let .drain(start) where c - start >= rows:
                    shift = nil
                default: break
                }
            }
            let inFlight = waves.count - waveHead

            // 2. Injector: start the next fold's stream when its preconditions hold.
            if streaming == nil, nextStream < folds {
                let tileReady = stationaryPreload ? loaded > nextStream : channel.fetched > nextStream
                let arrayFree: Bool
                if native {
                    // os: the shadow accumulators must have drained the previous outputs.
                    arrayFree = stationaryPreload || (shift == nil && pendingDrains == 0)
                } else {
                    arrayFree = inFlight == 0
                }
                if tileReady && arrayFree {
                    if native && dataflow == .os && nextStream > 0 { pendingDrains += 1 }
                    if !stationaryPreload { begun += 1 }
                    let w = Wave(fold: nextStream, start: c)
                    streaming = w
                    waves.append(w)
                    nextStream += 1
                }
            }

            // 3. Shift unit: preload the next stationary tile or drain an output tile.
            if shift == nil {
                if stationaryPreload, nextLoad < folds {
                    let orderOK = native
                        ? nextLoad <= nextStream
                        : (nextLoad == nextStream && streaming == nil && waves.count == waveHead)
                    let mayLoad = channel.fetched > nextLoad && orderOK
                    if mayLoad {
                        shift = .preload(fold: nextLoad, start: c)
                        nextLoad += 1
                        begun += 1
                    }
                } else if pendingDrains > 0 {
                    shift = .drain(start: c)
                    pendingDrains -= 1
                }
            }

            try startFetches(at: c)

            // 4. Done when every fold has left the array and nothing is shifting.
            if finished == folds && shift == nil && pendingDrains == 0 { break }

            // 5. The next event: the first cycle after c at which a unit may change state.
            var next = Int.max
            func event(_ start: Int, _ length: Int) throws(TensorEngineError) {
                next = Swift.min(next, try C.add(start, length, "cycles"))
            }
            if let w = streaming { try event(w.start, streamLen) }
            if waveHead < waves.count { try event(waves[waveHead].start, waveLen) }
            switch shift {
            case let .preload(_, start)?, let .drain(start)?: try event(start, rows)
            case nil: break
            }
            if let t = channel.transfer { try event(t.start, t.cycles) }
            if next == Int.max { next = try C.add(c, 1, "cycles") }

            // 6. The work of cycles c ..< next, in which nothing starts or finishes.
            if case let .preload(f, start)? = shift {
                let preloadRows = Swift.max(0, Swift.min(next, start + usedRows(f)) - c)   // start + usedRows ≤ the event
                if dataflow == .ws {
                    sram.bReads = try C.add(sram.bReads, C.mul(usedCols(f), preloadRows, "SRAM reads"), "SRAM reads")
                } else {
                    sram.aReads = try C.add(sram.aReads, C.mul(usedCols(f), preloadRows, "SRAM reads"), "SRAM reads")
                }
            }
            if let w = streaming {
                // Stream steps begin at the cycles w.start + s·i.
                let steps = C.ceilDiv(next - w.start, s) - C.ceilDiv(c - w.start, s)
                let f = w.fold
                let ur = try C.mul(usedRows(f), steps, "SRAM reads"), uc = try C.mul(usedCols(f), steps, "SRAM reads")
                switch dataflow {
                case .os:
                    sram.aReads = try C.add(sram.aReads, ur, "SRAM reads")
                    sram.bReads = try C.add(sram.bReads, uc, "SRAM reads")
                case .ws, .is:
                    if dataflow == .ws {
                        sram.aReads = try C.add(sram.aReads, ur, "SRAM reads")
                    } else {
                        sram.bReads = try C.add(sram.bReads, ur, "SRAM reads")
                    }
                    sram.cWrites = try C.add(sram.cWrites, uc, "SRAM writes")
                    if rowFold(f) > 0 { sram.cReads = try C.add(sram.cReads, uc, "SRAM reads") }
                }
            }
            c = next
        }

        let total = native ? c : Swift.max(0, c - 1)
        var compute = total
        var traffic = DRAMTraffic()
        if let dram {
            // Compute cycles: the same engine with an ideal memory.
            compute = try run(plan, convention: convention).computeCycles
            traffic.readBytes = channel.readBytes
            traffic.writeBytes = try C.add(dram.bytes(elements: plan.dims.m * plan.dims.n, width: dram.c),   // M·N ≤ 2^62
                                           channel.writtenBytes, "DRAM bytes")
        }
        return TimingCounts(totalCycles: total, computeCycles: compute,
                            stallCycles: total - compute,
                            activePECycles: activePECycles, macs: macs, folds: folds,
                            peCount: plan.peCount, sram: sram, dram: traffic)
    }
}
