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
/// let m = try MaxPlus2.step(tau: 3, convention: .native, preload: true, rows: 4, stream: 8, waveLen: 11)
/// try m.apply((0, 4))   // (b, p) = (4, 12): waits for the preload, then streams
///
/// Entries are cycle counts, added exactly: a sum beyond 2^63 − 1 throws
/// `TensorEngineError.countOverflow`. The step matrices have non-negative diagonals, so a
/// power's entries never exceed the power itself applied to the state: the squarings
/// `power` computes stay below the cycles it returns.
/// ```
struct MaxPlus2: Equatable {
    /// −∞ of the max-plus semiring.
    static let never = Int.min
    /// Row-major entries a, b / c, d: x' = (max(a + x₀, b + x₁), max(c + x₀, d + x₁)).
    var a: Int, b: Int, c: Int, d: Int

    static let identity = MaxPlus2(a: 0, b: never, c: never, d: 0)

    static func plus(_ x: Int, _ y: Int) throws(TensorEngineError) -> Int {
        x == never || y == never ? never : try Checked.add(x, y, "cycles")
    }

    /// `self` after `first`: (self ⊗ first).
    func after(_ first: MaxPlus2) throws(TensorEngineError) -> MaxPlus2 {
        typealias M = MaxPlus2
        return MaxPlus2(a: max(try M.plus(a, first.a), try M.plus(b, first.c)),
                        b: max(try M.plus(a, first.b), try M.plus(b, first.d)),
                        c: max(try M.plus(c, first.a), try M.plus(d, first.c)),
                        d: max(try M.plus(c, first.b), try M.plus(d, first.d)))
    }

    /// `self` applied `n` times (n ≥ 0); squares only as far as `n` needs.
    func power(_ n: Int) throws(TensorEngineError) -> MaxPlus2 {
        var result = MaxPlus2.identity, base = self, n = n
        while n > 0 {
            if n & 1 == 1 { result = try base.after(result) }
            n >>= 1
            if n > 0 { base = try base.after(base) }
        }
        return result
    }

    func apply(_ x: (Int, Int)) throws(TensorEngineError) -> (Int, Int) {
        (max(try Self.plus(a, x.0), try Self.plus(b, x.1)), max(try Self.plus(c, x.0), try Self.plus(d, x.1)))
    }

    /// The update of one fold (not fold 0) with DRAM transfer `tau`; `firstInterval` is the
    /// native-os special case of fold 1.
    static func step(tau: Int, convention: TimingConvention, preload: Bool, rows: Int, stream: Int, waveLen: Int,
                     firstInterval: Bool = false) throws(TensorEngineError) -> MaxPlus2 {
        switch (convention, preload) {
        case (.scalesim, _):
            let c = try Checked.add(preload ? rows : 0, waveLen, "cycles")
            return MaxPlus2(a: max(c, tau), b: never, c: never, d: 0)
        case (.native, false):
            let interval = firstInterval ? stream : max(stream, rows)
            return MaxPlus2(a: max(interval, tau), b: never, c: never, d: 0)
        case (.native, true):
            return MaxPlus2(a: tau, b: 0, c: try Checked.add(tau, rows, "cycles"), d: max(rows, stream))
        }
    }
}
