@testable import TensorEngine

/// The cycle-stepped systolic engine as it was before it stepped from event to event: one
/// loop iteration per cycle, the busy PEs of every wave counted row by row each cycle.
/// Kept here as the reference the event-stepped `CycleSteppedTiming` must equal count for
/// count (`EventSteppingTests`).
enum PerCycleReference {
    private struct Wave {
        var fold: Int
        var start: Int
    }

    private enum ShiftJob {
        case preload(fold: Int, start: Int)
        case drain(start: Int)
    }

    static func run(_ plan: FoldPlan, convention: TimingConvention,
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

            // 5. The work of cycle c.
            if case let .preload(f, start)? = shift, c - start < usedRows(f) {
                if dataflow == .ws {
                    sram.bReads = try C.add(sram.bReads, usedCols(f), "SRAM reads")
                } else {
                    sram.aReads = try C.add(sram.aReads, usedCols(f), "SRAM reads")
                }
            }
            if let w = streaming, (c - w.start) % s == 0 {
                let f = w.fold
                let ur = usedRows(f), uc = usedCols(f)
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
            for index in waveHead..<waves.count {
                let w = waves[index]
                let (busy, started) = activity(at: c - w.start, usedRows: usedRows(w.fold),
                                               usedCols: usedCols(w.fold),
                                               streamLen: streamLen, cyclesPerStep: s)
                activePECycles = try C.add(activePECycles, busy, "PE-cycles")
                macs = try C.add(macs, started, "MACs")
            }
            c = try C.add(c, 1, "cycles")
        }

        let total = native ? c : Swift.max(0, c - 1)
        var compute = total
        var traffic = DRAMTraffic()
        if let dram {
            // Compute cycles: the same engine with an ideal memory.
            compute = try run(plan, convention: convention).totalCycles
            traffic.readBytes = channel.readBytes
            traffic.writeBytes = try C.add(dram.bytes(elements: plan.dims.m * plan.dims.n, width: dram.c),   // M·N ≤ 2^62
                                           channel.writtenBytes, "DRAM bytes")
        }
        return TimingCounts(totalCycles: total, computeCycles: compute,
                            stallCycles: total - compute,
                            activePECycles: activePECycles, macs: macs, folds: folds,
                            peCount: plan.peCount, sram: sram, dram: traffic)
    }

    /// PEs busy, and PEs beginning a MAC step, `t` cycles after a fold began streaming.
    ///
    /// PE (i, j) is busy when 0 ≤ t−i−j < streamLen and begins a step when additionally
    /// (t−i−j) is a multiple of `cyclesPerStep`.
    private static func activity(at t: Int, usedRows: Int, usedCols: Int,
                                 streamLen: Int, cyclesPerStep s: Int) -> (busy: Int, starts: Int) {
        var busy = 0, starts = 0
        for i in 0..<usedRows {
            // x = t − i − j ranges over [t−i−(usedCols−1), t−i]; keep 0 ≤ x < streamLen.
            let xHi = Swift.min(t - i, streamLen - 1)
            let xLo = Swift.max(t - i - (usedCols - 1), 0)
            if xHi < xLo { continue }
            busy += xHi - xLo + 1
            starts += xHi / s - (xLo + s - 1) / s + 1
        }
        return (busy, starts)
    }
}
