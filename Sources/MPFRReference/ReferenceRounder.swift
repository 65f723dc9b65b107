import CMPFR
import NumberFormats

/// Rounds an exact value held in an MPFR number to an element-format code, following the
/// encoding definition (ElementFormat+Encode.swift) with MPFR arithmetic only.
///
/// Round on the format's grid, unbounded above (fixed-point below the smallest normal;
/// lookup formats: their listed values), then apply the overflow policy. `load` finds the
/// smaller-magnitude neighbour; the larger one, the midpoint comparison and the codes are
/// worked out on first use and shared by every rule `code(rule:overflow:draw:)` is asked
/// for. One instance per thread.
///
/// ```swift
/// let r = ReferenceRounder()
/// let f = ReferenceFormat.named("e2m1")!
/// r.code(of: 2.5, in: f, rule: .nearestEven, overflow: .saturate)   // 0x4 (2.0)
/// r.code(rule: .nearestAway, overflow: .saturate)                   // 0x5 (3.0), same input
/// ```
public final class ReferenceRounder {
    private enum State {
        /// Every rule gives this code (NaN, zeros, exact values, clamps).
        case fixed(UInt32)
        /// Every rule rounds past the largest finite magnitude (infinite: the input was ±∞).
        case overflow(infinite: Bool)
        /// Strictly between `near` (smaller magnitude) and `far` (larger).
        case between
    }

    private var state = State.fixed(0)
    private var format: ReferenceFormat?
    private var x: MPFRNumber
    private var negative = false
    /// Between two grid points of spacing 2^quantum (false: between two listed values).
    private var onGrid = false
    private var quantum = 0
    /// Worked out on first use: `far`, whether it lies past the range, the neighbours' codes,
    /// and the sign of |x| − |midpoint|.
    private var farReady = false, farBeyond = false
    private var nearCodeCache: UInt32?, farCodeCache: UInt32?, tieCache: Int32?
    private let input = MPFRNumber(precision: 64)
    private let near = MPFRNumber(precision: 64), far = MPFRNumber(precision: 64)
    private let mid = MPFRNumber(precision: 64), bound = MPFRNumber(precision: 64)
    private let threshold = MPFRNumber(precision: 400), scratch = MPFRNumber(precision: 64)

    public init() { x = input }

    /// Round the Double `value` to `format`.
    public func code(of value: Double, in format: ReferenceFormat, rule: RoundingRule,
                     overflow: OverflowPolicy, draw: UInt32 = 0) -> UInt32 {
        load(value, in: format)
        return code(rule: rule, overflow: overflow, draw: draw)
    }

    /// Round the exact value `x` to `format`.
    public func code(of x: MPFRNumber, in format: ReferenceFormat, rule: RoundingRule,
                     overflow: OverflowPolicy, draw: UInt32 = 0) -> UInt32 {
        load(x, in: format)
        return code(rule: rule, overflow: overflow, draw: draw)
    }

    /// Prepare to round the Double `value` to `format`.
    public func load(_ value: Double, in format: ReferenceFormat) {
        input.set(value)
        load(input, in: format)
    }

    /// Prepare to round `x` to `format`. `x` must not change until the last `code` call.
    public func load(_ x: MPFRNumber, in format: ReferenceFormat) {
        if self.x !== x { self.x = x }
        if self.format !== format { self.format = format }
        negative = x.isNegative
        if x.isNaN {
            state = .fixed(format.nanCode ?? format.zeroCode(negative: true))
            return
        }
        if case .e8m0 = format.layout, negative || x.isZero {
            state = .fixed(format.nanCode ?? 0)  // no zero, no negatives
            return
        }
        if !format.isSigned && negative {
            state = .fixed(format.zeroCode(negative: false))  // unsigned: clamp below 0 to 0
            return
        }
        if x.isInfinite { state = .overflow(infinite: true); return }
        if x.isZero { state = .fixed(format.zeroCode(negative: negative)); return }
        if format.isLookup { loadLookup(format); return }
        loadGrid(format)
    }

    private func loadGrid(_ format: ReferenceFormat) {
        let e = x.binade
        if e >= format.beyondBinade(negative: negative) {  // else |x| < 2^(e+1) ≤ the bound
            bound.set(negative ? format.beyondMin : format.beyondMax)
            if mpfr_cmpabs(x.raw, bound.raw) >= 0 { state = .overflow(infinite: false); return }
        }
        if case .e8m0 = format.layout, e < -127 { state = .fixed(format.minCode); return }  // clamp up to 2^-127
        let q = format.quantumExponent(binade: e)
        let p = e + 1 - q  // bits from 2^e down to the quantum 2^q
        if p <= 0 {
            mpfr_set_zero(near.raw, negative ? -1 : 1)
        } else {
            near.reset(precision: p)
            if mpfr_set(near.raw, x.raw, MPFR_RNDZ) == 0 {
                state = .fixed(format.code(ofRepresentable: near, negative: negative))
                return
            }
        }
        onGrid = true
        quantum = q
        resetCaches(farReady: false)
    }

    private func loadLookup(_ format: ReferenceFormat) {
        let values = format.sortedValues
        guard let first = values.first, let last = values.last else { state = .fixed(UInt32.max); return }
        if mpfr_cmp_d(x.raw, first) < 0 { state = .fixed(format.minCode); return }  // saturate below
        if mpfr_cmp_d(x.raw, last) > 0 { state = .fixed(format.maxCode); return }   // saturate above
        var i = 0
        while i + 1 < values.count && mpfr_cmp_d(x.raw, values[i + 1]) >= 0 { i += 1 }
        if mpfr_cmp_d(x.raw, values[i]) == 0 {
            state = .fixed(format.codeByPattern[values[i].bitPattern] ?? UInt32.max)
            return
        }
        let (lo, hi) = (values[i], values[i + 1])
        near.reset(precision: 64)
        far.reset(precision: 64)
        near.set(negative ? hi : lo)
        far.set(negative ? lo : hi)
        onGrid = false
        farBeyond = false
        resetCaches(farReady: true)
    }

    private func resetCaches(farReady: Bool) {
        self.farReady = farReady
        (nearCodeCache, farCodeCache, tieCache) = (nil, nil, nil)
        state = .between
    }

    /// `far` = `near` ± 2^quantum, and whether it lies past the range (grid only).
    private func prepareFar(_ format: ReferenceFormat) {
        if farReady { return }
        farReady = true
        scratch.set(negative ? -1 : 1, timesTwoTo: quantum)
        far.reset(precision: (near.isZero ? 1 : near.precision) + 1)
        mpfr_add(far.raw, near.raw, scratch.raw, MPFR_RNDN)
        farBeyond = false
        if far.binade >= format.beyondBinade(negative: negative) {
            bound.set(negative ? format.beyondMin : format.beyondMax)
            farBeyond = mpfr_cmpabs(far.raw, bound.raw) >= 0
        }
    }

    private func nearCode(_ format: ReferenceFormat) -> UInt32 {
        if let c = nearCodeCache { return c }
        let c = format.code(ofRepresentable: near, negative: negative)
        nearCodeCache = c
        return c
    }

    /// The code of `far`, or nil when it lies past the range.
    private func farCode(_ format: ReferenceFormat) -> UInt32? {
        prepareFar(format)
        if farBeyond { return nil }
        if let c = farCodeCache { return c }
        let c = format.code(ofRepresentable: far, negative: negative)
        farCodeCache = c
        return c
    }

    private func tie(_ format: ReferenceFormat) -> Int32 {
        if let t = tieCache { return t }
        // The midpoint, exact: near ± 2^(quantum−1) on a grid, (near + far) / 2 otherwise.
        if onGrid {
            scratch.set(negative ? -1 : 1, timesTwoTo: quantum - 1)
            mid.reset(precision: (near.isZero ? 1 : near.precision) + 2)
            mpfr_add(mid.raw, near.raw, scratch.raw, MPFR_RNDN)
        } else {
            mid.reset(precision: 66)
            mpfr_add(mid.raw, near.raw, far.raw, MPFR_RNDN)
            mpfr_mul_2si(mid.raw, mid.raw, -1, MPFR_RNDN)
        }
        let t = Int32(mpfr_cmpabs(x.raw, mid.raw))
        tieCache = t
        return t
    }

    /// Ties to "even": the neighbour with more trailing zero bits (zero is infinitely even;
    /// equal counts go to the smaller magnitude). On a grid `far` wins iff `near` is an odd
    /// multiple of the quantum.
    private var tieTakesFar: Bool {
        if near.isZero { return false }
        if onGrid { return near.lowestBitExponent == quantum }
        return far.lowestBitExponent > near.lowestBitExponent
    }

    /// The code of the loaded value under `rule` and `overflow`; `draw` is the 32-bit
    /// uniform integer stochastic rounding uses.
    public func code(rule: RoundingRule, overflow: OverflowPolicy, draw: UInt32 = 0) -> UInt32 {
        guard let format else { return UInt32.max }
        switch state {
        case .fixed(let c):
            return c
        case .overflow(let infinite):
            return overflowCode(format, rule: rule, overflow: overflow, infinite: infinite)
        case .between:
            let takeFar: Bool
            switch rule {
            case .towardZero: takeFar = false
            case .down: takeFar = negative
            case .up: takeFar = !negative
            case .nearestEven: let t = tie(format); takeFar = t > 0 || (t == 0 && tieTakesFar)
            case .nearestAway: takeFar = tie(format) >= 0
            case .stochastic: takeFar = stochasticTakesFar(format, draw: draw)
            }
            if !takeFar { return nearCode(format) }
            return farCode(format) ?? overflowCode(format, rule: rule, overflow: overflow, infinite: false)
        }
    }

    /// `draw < frac · 2^32` with frac = (|x| − |near|)/(|far| − |near|), decided exactly as
    /// |x| > |near| + draw · (|far| − |near|) / 2^32.
    private func stochasticTakesFar(_ format: ReferenceFormat, draw: UInt32) -> Bool {
        if onGrid {
            mpfr_set_ui_2exp(threshold.raw, UInt(draw), quantum - 32, MPFR_RNDN)
        } else {
            mpfr_sub(threshold.raw, far.raw, near.raw, MPFR_RNDN)
            mpfr_abs(threshold.raw, threshold.raw, MPFR_RNDN)
            mpfr_mul_ui(threshold.raw, threshold.raw, UInt(draw), MPFR_RNDN)
            mpfr_mul_2si(threshold.raw, threshold.raw, -32, MPFR_RNDN)
        }
        if negative {
            mpfr_sub(threshold.raw, threshold.raw, near.raw, MPFR_RNDN)
        } else {
            mpfr_add(threshold.raw, threshold.raw, near.raw, MPFR_RNDN)
        }
        return mpfr_cmpabs(x.raw, threshold.raw) > 0
    }

    /// A result past the largest finite magnitude: IEEE directed rules toward the range give
    /// the limit; otherwise `saturate` gives the limit and `inf` gives ±∞, else NaN, else the limit.
    private func overflowCode(_ f: ReferenceFormat, rule: RoundingRule, overflow: OverflowPolicy, infinite: Bool) -> UInt32 {
        let towardRange = !infinite && (rule == .towardZero || (rule == .down && !negative) || (rule == .up && negative))
        if overflow == .saturate || towardRange { return f.limitCode(negative: negative) }
        return f.infinityCode(negative: negative) ?? f.nanCode ?? f.limitCode(negative: negative)
    }
}
