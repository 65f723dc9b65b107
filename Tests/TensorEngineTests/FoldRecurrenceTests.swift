import Testing
@testable import TensorEngine

/// The O(log folds) max-plus DRAM recurrence equals the fold-by-fold recurrence (kept here
/// as the reference) on every convention, dataflow and fold-class shape.
@Suite struct FoldRecurrenceTests {
    enum Reference {
        /// The recurrence fold by fold, O(folds): the definition the max-plus form must equal.
        ///
        /// fetchStart₀ = 0, ready_f = fetchStart_f + ⌈bytes_f / bw⌉,
        /// fetchStart_{f+1} = max(ready_f, begin_f); folds then begin as in the ideal case
        /// but no earlier than ready_f.
        static func byFold(_ plan: FoldPlan, convention: TimingConvention,
                                   dram: DRAMConfig) -> (cycles: Int, readBytes: Int) {
            typealias S = Saturating
            let rows = plan.array.rows
            let streamLen = plan.streamCycles
            let waveLen = S.add(streamLen, plan.skewCycles)
            let stationaryPreload = plan.array.dataflow != .os
            let preload = stationaryPreload ? rows : 0
            var fetchStart = 0, readBytes = 0
            var previousEnd = 0        // scalesim: when the previous fold's wavefront left
            var previousStream = 0     // native: when the previous fold began streaming
            for f in 0..<plan.folds {
                let bytes = dram.fetchBytes(fold: f, of: plan)
                readBytes = S.add(readBytes, bytes)
                let ready = S.add(fetchStart, dram.transferCycles(bytes: bytes))
                let begin: Int
                switch (convention, stationaryPreload) {
                case (.scalesim, _):
                    begin = Swift.max(previousEnd, ready)
                    previousEnd = S.add(begin, S.add(preload, waveLen))
                case (.native, true):
                    begin = f == 0 ? ready : Swift.max(previousStream, ready)
                    previousStream = f == 0
                        ? S.add(begin, rows)
                        : Swift.max(S.add(begin, rows), S.add(previousStream, streamLen))
                case (.native, false):
                    let interval = f == 1 ? streamLen : Swift.max(streamLen, rows)
                    begin = f == 0 ? ready : Swift.max(S.add(previousStream, interval), ready)
                    previousStream = begin
                }
                fetchStart = Swift.max(ready, begin)
            }
            let cycles: Int
            switch (convention, stationaryPreload) {
            case (.scalesim, _): cycles = previousEnd == .max ? .max : previousEnd - 1
            case (.native, true): cycles = S.add(previousStream, waveLen)
            case (.native, false): cycles = S.add(S.add(previousStream, waveLen), rows)
            }
            return (cycles, readBytes)
        }
    }

    @Test func maxPlusEqualsFoldByFold() throws {
        var state: UInt64 = 42
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var checked = 0
        for _ in 0..<3000 {
            let rows = 1 + next(9), cols = 1 + next(9)
            let dims = GEMMDims(m: 1 + next(40), k: 1 + next(40), n: 1 + next(40))
            for flow in [Dataflow.os, .ws, .is] {
                let array = ArrayConfig(rows: rows, cols: cols, dataflow: flow, cyclesPerStep: 1 + next(3))
                let plan = try FoldPlan(dims, on: array)
                let dram = DRAMConfig(bytesPerCycle: 1 + next(64), a: OperandWidth(bits: 1 + next(16)),
                                      b: OperandWidth(bits: 4 * 128 + 20, per: 128), c: OperandWidth(bits: 32))
                for convention in [TimingConvention.native, .scalesim] {
                    let fast = ClosedFormTiming.cyclesWithDRAM(plan, convention: convention, dram: dram)
                    let slow = Reference.byFold(plan, convention: convention, dram: dram)
                    #expect(fast.cycles == slow.cycles && fast.readBytes == slow.readBytes,
                            "\(dims) \(array) \(convention) bw \(dram.bytesPerCycle)")
                    checked += 1
                }
            }
        }
        #expect(checked == 18000)
    }

    /// Hand case: native ws, 2 row folds × 1 column fold, τ = 3 each, R = 4, S = 8.
    /// Fold 0: b = 3, p = 7. Fold 1: b = max(p 7, b 3 + τ 3) = 7, p = max(7 + 4, 7 + 8) = 15.
    @Test func handStep() {
        let m = MaxPlus2.step(tau: 3, convention: .native, preload: true, rows: 4, stream: 8, waveLen: 11)
        let x = m.apply((3, 7))
        #expect(x.0 == 7 && x.1 == 15)
        #expect(m.power(3) == m.after(m).after(m))
        #expect(m.power(0) == .identity)
    }
}
