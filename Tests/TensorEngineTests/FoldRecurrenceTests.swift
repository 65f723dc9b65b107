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
        /// but no earlier than ready_f. (Small shapes only: plain arithmetic.)
        static func byFold(_ plan: FoldPlan, convention: TimingConvention,
                           dram: DRAMConfig) throws -> (cycles: Int, readBytes: Int) {
            let rows = plan.array.rows
            let streamLen = plan.streamCycles
            let waveLen = streamLen + plan.skewCycles
            let stationaryPreload = plan.array.dataflow != .os
            let preload = stationaryPreload ? rows : 0
            var fetchStart = 0, readBytes = 0
            var previousEnd = 0        // scalesim: when the previous fold's wavefront left
            var previousStream = 0     // native: when the previous fold began streaming
            for f in 0..<plan.folds {
                let bytes = try dram.fetchBytes(fold: f, of: plan)
                readBytes += bytes
                let ready = fetchStart + dram.transferCycles(bytes: bytes)
                let begin: Int
                switch (convention, stationaryPreload) {
                case (.scalesim, _):
                    begin = Swift.max(previousEnd, ready)
                    previousEnd = begin + preload + waveLen
                case (.native, true):
                    begin = f == 0 ? ready : Swift.max(previousStream, ready)
                    previousStream = f == 0
                        ? begin + rows
                        : Swift.max(begin + rows, previousStream + streamLen)
                case (.native, false):
                    let interval = f == 1 ? streamLen : Swift.max(streamLen, rows)
                    begin = f == 0 ? ready : Swift.max(previousStream + interval, ready)
                    previousStream = begin
                }
                fetchStart = Swift.max(ready, begin)
            }
            let cycles: Int
            switch (convention, stationaryPreload) {
            case (.scalesim, _): cycles = previousEnd - 1
            case (.native, true): cycles = previousStream + waveLen
            case (.native, false): cycles = previousStream + waveLen + rows
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
                    let fast = try ClosedFormTiming.cyclesWithDRAM(plan, convention: convention, dram: dram)
                    let slow = try Reference.byFold(plan, convention: convention, dram: dram)
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
    @Test func handStep() throws {
        let m = try MaxPlus2.step(tau: 3, convention: .native, preload: true, rows: 4, stream: 8, waveLen: 11)
        let x = try m.apply((3, 7))
        #expect(x.0 == 7 && x.1 == 15)
        #expect(try m.power(3) == m.after(m).after(m))
        #expect(try m.power(0) == .identity)
    }

    /// A power whose entries fit is exact even when one more squaring would overflow:
    /// `power` squares only as far as the exponent needs.
    @Test func powerStopsSquaringAtTheExponent() throws {
        let big = 1 << 60
        let m = MaxPlus2(a: big, b: MaxPlus2.never, c: MaxPlus2.never, d: 0)
        #expect(try m.power(7).a == 7 * big)     // 7·2^60 < 2^63; 8·2^60 would overflow
        #expect(throws: TensorEngineError.countOverflow("cycles")) { try m.power(8) }
    }
}
