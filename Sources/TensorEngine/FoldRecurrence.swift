/// The DRAM fold-start recurrence of `ClosedFormTiming.cyclesWithDRAM` as max-plus
/// algebra, so it costs O(log folds) instead of O(folds).
///
/// Every convention's per-fold update is max-plus linear in the state x = (b, p): b is
/// when the fold began, p when it finished its stationary preload or stream (only the
/// native ws/is update uses p). With τ the fold's DRAM transfer cycles, R the rows,
/// S the stream length and C = preload + wavefront:
/// - scalesim: b' = b + max(C, τ)
/// - native os: b' = b + max(I, τ), I = S for fold 1, max(S, R) after
/// - native ws/is: b' = max(b + τ, p), p' = max(b' + R, p + S)
///   = max(b + τ + R, p + max(R, S))
///
/// Folds come in a few classes (first/middle/last row fold × first/middle/last column
/// fold) with the same τ, so the fold sequence is a handful of runs, each a matrix power
/// by repeated squaring.
///
/// ```swift
/// let m = MaxPlus2.step(tau: 3, convention: .native, preload: true, rows: 4, stream: 8, waveLen: 11)
/// m.apply((0, 4))   // (b, p) = (4, 12): waits for the preload, then streams
/// ```
struct MaxPlus2: Equatable {
    /// −∞ of the max-plus semiring.
    static let never = Int.min
    /// Row-major entries a, b / c, d: x' = (max(a + x₀, b + x₁), max(c + x₀, d + x₁)).
    var a: Int, b: Int, c: Int, d: Int

    static let identity = MaxPlus2(a: 0, b: never, c: never, d: 0)

    static func plus(_ x: Int, _ y: Int) -> Int {
        x == never || y == never ? never : Saturating.add(x, y)
    }

    /// `self` after `first`: (self ⊗ first).
    func after(_ first: MaxPlus2) -> MaxPlus2 {
        typealias M = MaxPlus2
        return MaxPlus2(a: max(M.plus(a, first.a), M.plus(b, first.c)), b: max(M.plus(a, first.b), M.plus(b, first.d)),
                        c: max(M.plus(c, first.a), M.plus(d, first.c)), d: max(M.plus(c, first.b), M.plus(d, first.d)))
    }

    /// `self` applied `n` times (n ≥ 0).
    func power(_ n: Int) -> MaxPlus2 {
        var result = MaxPlus2.identity, base = self, n = n
        while n > 0 {
            if n & 1 == 1 { result = base.after(result) }
            base = base.after(base)
            n >>= 1
        }
        return result
    }

    func apply(_ x: (Int, Int)) -> (Int, Int) {
        (max(Self.plus(a, x.0), Self.plus(b, x.1)), max(Self.plus(c, x.0), Self.plus(d, x.1)))
    }

    /// The update of one fold (not fold 0) with DRAM transfer `tau`; `firstInterval` is the
    /// native-os special case of fold 1.
    static func step(tau: Int, convention: TimingConvention, preload: Bool, rows: Int, stream: Int, waveLen: Int,
                     firstInterval: Bool = false) -> MaxPlus2 {
        switch (convention, preload) {
        case (.scalesim, _):
            let c = Saturating.add(preload ? rows : 0, waveLen)
            return MaxPlus2(a: max(c, tau), b: never, c: never, d: 0)
        case (.native, false):
            let interval = firstInterval ? stream : max(stream, rows)
            return MaxPlus2(a: max(interval, tau), b: never, c: never, d: 0)
        case (.native, true):
            return MaxPlus2(a: tau, b: 0, c: Saturating.add(tau, rows), d: max(rows, stream))
        }
    }
}

extension ClosedFormTiming {
    /// Total cycles and DRAM read bytes when folds wait for their data (see `MaxPlus2`).
    ///
    /// fetchStart₀ = 0, ready_f = fetchStart_f + ⌈bytes_f / bw⌉,
    /// fetchStart_{f+1} = max(ready_f, begin_f); folds then begin as in the ideal case
    /// but no earlier than ready_f.
    static func cyclesWithDRAM(_ plan: FoldPlan, convention: TimingConvention,
                               dram: DRAMConfig) -> (cycles: Int, readBytes: Int) {
        typealias S = Saturating
        let rows = plan.array.rows
        let stream = plan.streamCycles
        let waveLen = S.add(stream, plan.skewCycles)
        let preload = plan.array.dataflow != .os
        let rf = plan.rowFolds, cf = plan.colFolds, folds = plan.folds

        // Fold classes: a row fold is first, middle or last; so is a column fold. Row folds
        // r0… of a column block are at most three runs (fold, count); count 0 = no run.
        func rowClasses(from r0: Int) -> [(fr: Int, count: Int)] {
            let midLo = max(r0, 1), midHi = rf - 2
            let runs = [(0, r0 == 0 ? 1 : 0), (midLo, midHi >= midLo ? midHi - midLo + 1 : 0),
                        (rf - 1, rf - 1 >= max(r0, 1) ? 1 : 0)]
            return runs.filter { $0.1 > 0 }
        }
        func bytes(_ fr: Int, _ fc: Int) -> Int { dram.fetchBytes(fold: fc * rf + fr, of: plan) }
        func step(_ fr: Int, _ fc: Int, first: Bool = false) -> MaxPlus2 {
            MaxPlus2.step(tau: dram.transferCycles(bytes: bytes(fr, fc)), convention: convention, preload: preload,
                          rows: rows, stream: stream, waveLen: waveLen, firstInterval: first)
        }
        func block(_ fc: Int, from r0: Int) -> MaxPlus2 {
            rowClasses(from: r0).reduce(MaxPlus2.identity) { acc, run in step(run.fr, fc).power(run.count).after(acc) }
        }

        // DRAM bytes: Σ over classes of count × bytes.
        var readBytes = 0
        let colClasses: [(fc: Int, count: Int)] = [(0, 1)] + (cf >= 3 ? [(1, cf - 2)] : []) + (cf >= 2 ? [(cf - 1, 1)] : [])
        for (fc, cn) in colClasses {
            for (fr, rn) in rowClasses(from: 0) { readBytes = S.add(readBytes, S.mul(S.mul(cn, rn), bytes(fr, fc))) }
        }

        // Fold 0 sets the state; fold 1 is applied alone (native os has its own interval);
        // folds 2… are runs.
        let tau0 = dram.transferCycles(bytes: bytes(0, 0))
        var x = (tau0, S.add(tau0, rows))
        if folds >= 2 { x = step(1 % rf, 1 / rf, first: true).apply(x) }
        if folds >= 3 {
            let fc0 = 2 / rf, fr0 = 2 % rf
            var m = block(fc0, from: fr0)
            let middle = max(0, (cf - 2) - (fc0 + 1) + 1)   // blocks fc0+1 … cf−2
            if middle > 0 { m = block(1, from: 0).power(middle).after(m) }
            if cf - 1 > fc0 { m = block(cf - 1, from: 0).after(m) }
            x = m.apply(x)
        }
        let (begin, streamEnd) = x
        let cycles: Int
        switch (convention, preload) {
        case (.scalesim, _):
            let end = S.add(begin, S.add(preload ? rows : 0, waveLen))
            cycles = end == .max ? .max : end - 1
        case (.native, true): cycles = S.add(streamEnd, waveLen)
        case (.native, false): cycles = S.add(S.add(begin, waveLen), rows)
        }
        return (cycles, readBytes)
    }
}
