extension ClosedFormTiming {
    /// Total cycles, DRAM read bytes and spill write bytes when folds wait for their data
    /// (see `MaxPlus2`); a fold's transfer is `DRAMConfig.transfer(fold:of:reuse:)`.
    ///
    /// fetchStart₀ = 0, ready_f = fetchStart_f + ⌈bytes_f / bw⌉,
    /// fetchStart_{f+1} = max(ready_f, begin_f); folds then begin as in the ideal case
    /// but no earlier than ready_f. Throws when a count would exceed 2^63 − 1.
    static func cyclesWithDRAM(_ plan: FoldPlan, convention: TimingConvention,
                               dram: DRAMConfig, reuse: DRAMReuse? = nil)
        throws(TensorEngineError) -> (cycles: Int, readBytes: Int, writeBytes: Int) {
        typealias C = Checked
        let rows = plan.array.rows
        let stream = plan.streamCycles
        let waveLen = plan.waveCycles
        let preload = plan.array.dataflow != .os
        let rf = plan.rowFolds, cf = plan.colFolds, folds = plan.folds

        // Fold classes: a row fold is first, middle or last; so is a column fold. Row folds
        // r0… of a column block are at most three runs (fold, count); count 0 = no run.
        // A fold's transfer depends only on its classes (first touch, re-fetch and spill
        // depend on row fold 0 or not and column fold 0 or not; u_r, u_c on the last ones).
        func rowClasses(from r0: Int) -> [(fr: Int, count: Int)] {
            let midLo = max(r0, 1), midHi = rf - 2
            let runs = [(0, r0 == 0 ? 1 : 0), (midLo, midHi >= midLo ? midHi - midLo + 1 : 0),
                        (rf - 1, rf - 1 >= max(r0, 1) ? 1 : 0)]
            return runs.filter { $0.1 > 0 }
        }
        func transfer(_ fr: Int, _ fc: Int) throws(TensorEngineError) -> FoldTransfer {
            try dram.transfer(fold: fc * rf + fr, of: plan, reuse: reuse)
        }
        func bytes(_ fr: Int, _ fc: Int) throws(TensorEngineError) -> Int { try transfer(fr, fc).channelBytes() }
        func step(_ fr: Int, _ fc: Int, first: Bool = false) throws(TensorEngineError) -> MaxPlus2 {
            try MaxPlus2.step(tau: dram.transferCycles(bytes: bytes(fr, fc)), convention: convention, preload: preload,
                              rows: rows, stream: stream, waveLen: waveLen, firstInterval: first)
        }
        func block(_ fc: Int, from r0: Int) throws(TensorEngineError) -> MaxPlus2 {
            var acc = MaxPlus2.identity
            for run in rowClasses(from: r0) { acc = try step(run.fr, fc).power(run.count).after(acc) }
            return acc
        }

        // DRAM bytes: Σ over classes of count × bytes.
        var readBytes = 0, writeBytes = 0
        let colClasses: [(fc: Int, count: Int)] = [(0, 1)] + (cf >= 3 ? [(1, cf - 2)] : []) + (cf >= 2 ? [(cf - 1, 1)] : [])
        for (fc, cn) in colClasses {
            for (fr, rn) in rowClasses(from: 0) {
                let moved = try transfer(fr, fc)   // cn·rn ≤ folds
                readBytes = try C.add(readBytes, C.mul(cn * rn, moved.readBytes, "DRAM bytes"), "DRAM bytes")
                writeBytes = try C.add(writeBytes, C.mul(cn * rn, moved.writeBytes, "DRAM bytes"), "DRAM bytes")
            }
        }

        // Fold 0 sets the state; fold 1 is applied alone (native os has its own interval);
        // folds 2… are runs.
        let tau0 = dram.transferCycles(bytes: try bytes(0, 0))
        var x = (tau0, try C.add(tau0, rows, "cycles"))
        if folds >= 2 { x = try step(1 % rf, 1 / rf, first: true).apply(x) }
        if folds >= 3 {
            let fc0 = 2 / rf, fr0 = 2 % rf
            var m = try block(fc0, from: fr0)
            let middle = max(0, (cf - 2) - (fc0 + 1) + 1)   // blocks fc0+1 … cf−2
            if middle > 0 { m = try block(1, from: 0).power(middle).after(m) }
            if cf - 1 > fc0 { m = try block(cf - 1, from: 0).after(m) }
            x = try m.apply(x)
        }
        let (begin, streamEnd) = x
        let cycles: Int
        switch (convention, preload) {
        case (.scalesim, _): cycles = try C.add(begin, C.add(preload ? rows : 0, waveLen, "cycles"), "cycles") - 1
        case (.native, true): cycles = try C.add(streamEnd, waveLen, "cycles")
        case (.native, false): cycles = try C.add(C.add(begin, waveLen, "cycles"), rows, "cycles")
        }
        return (cycles, readBytes, writeBytes)
    }
}
