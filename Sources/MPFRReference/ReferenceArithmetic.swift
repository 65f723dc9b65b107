import CMPFR
import NumberFormats

/// Exact sums, products, fused multiply-adds and dot products of Doubles, with MPFR.
///
/// Every result is computed at a precision just large enough to hold it exactly (and
/// checked: MPFR must report no rounding), so rounding it with `ReferenceRounder` rounds
/// once. Exact zeros get IEEE 754's sign: +0, or −0 under `down`; a sum of zeros of one
/// sign keeps it; a product's sign is the XOR of its operands'. ±∞ and NaN propagate
/// as in IEEE 754 (∞ − ∞ and 0 · ∞ are NaN). The returned number is reused by the next call.
/// One instance per thread; its MPFR numbers are allocated once and reused.
///
/// ```swift
/// let arith = ReferenceArithmetic()
/// let r = ReferenceRounder()
/// let s = arith.add(0x1p30, 0x1p-30, rule: .nearestEven)   // exact: 2^30 + 2^-30
/// r.code(of: s, in: ReferenceFormat.named("fp32")!, rule: .up, overflow: .infinity)  // 0x4E800001
/// ```
public final class ReferenceArithmetic {
    private let result = MPFRNumber(precision: 256)
    private let a = MPFRNumber(precision: 64), b = MPFRNumber(precision: 64), c = MPFRNumber(precision: 64)
    private let scratch = MPFRNumber(precision: 64)
    private let running = MPFRNumber(precision: 64), limit = MPFRNumber(precision: 64)
    private var products: [MPFRNumber] = []
    private var pointers: [mpfr_ptr?] = []

    public init() {}

    /// The exact `x + y`.
    public func add(_ x: Double, _ y: Double, rule: RoundingRule) -> MPFRNumber {
        a.set(x); b.set(y)
        let precision = Self.sumPrecision(a, b)
        exactly(precision) { mpfr_add(result.raw, a.raw, b.raw, Self.zeroSignMode(rule)) }
        return result
    }

    /// The exact `x · y`.
    public func mul(_ x: Double, _ y: Double, rule: RoundingRule) -> MPFRNumber {
        a.set(x); b.set(y)
        let precision = Int(mpfr_min_prec(a.raw) + mpfr_min_prec(b.raw))
        exactly(precision) { mpfr_mul(result.raw, a.raw, b.raw, Self.zeroSignMode(rule)) }
        return result
    }

    /// The exact `x · y + z`.
    public func fma(_ x: Double, _ y: Double, _ z: Double, rule: RoundingRule) -> MPFRNumber {
        a.set(x); b.set(y); c.set(z)
        exactly(Self.fmaPrecision(a, b, c)) { mpfr_fma(result.raw, a.raw, b.raw, c.raw, Self.zeroSignMode(rule)) }
        return result
    }

    /// The exact `Σ x_i · y_i` over the common length (+0 when empty).
    public func dot(_ xs: [Double], _ ys: [Double], rule: RoundingRule) -> MPFRNumber {
        let n = min(xs.count, ys.count)
        while products.count < n {
            let p = MPFRNumber(precision: 128)
            products.append(p)
            pointers.append(p.raw)
        }
        for i in 0..<n {
            a.set(xs[i]); b.set(ys[i])
            mpfr_mul(products[i].raw, a.raw, b.raw, MPFR_RNDN)  // exact at 128 bits
        }
        let precision = Self.sumPrecision(products[0..<n])
        let mode = Self.zeroSignMode(rule)
        exactly(precision) {
            pointers.withUnsafeBufferPointer { mpfr_sum(result.raw, $0.baseAddress, UInt(n), mode) }
        }
        return result
    }

    /// The accumulator after `acc ← round_F(acc + x_i · y_i)` for i = 0, 1, … from +0,
    /// each step an exact fused multiply-add rounded once to `accumulator` under `rule`
    /// and `overflow`, taking one draw per step from `rng`.
    ///
    /// For an IEEE-like accumulator and a deterministic rule, a step first lets MPFR round
    /// the fma itself to the accumulator's precision (exponent unbounded); that result is
    /// kept when it is zero or a normal value within range, where it equals rounding on the
    /// format's grid. Otherwise (subnormal range, overflow, ±∞, NaN, stochastic rounding) the
    /// step computes the exact fma and rounds it with `rounder`.
    public func sequentialDot(_ xs: [Double], _ ys: [Double], accumulator: ReferenceFormat, rule: RoundingRule,
                              overflow: OverflowPolicy, rounder: ReferenceRounder, rng: inout SplitMix64) -> Double {
        let native = accumulator.ieeeParameters.flatMap { p in Self.nativeMode(rule).map { (p, $0) } }
        if let ((m, _), _) = native { running.reset(precision: m + 1) } else { running.reset(precision: 64) }
        running.set(0)
        limit.set(accumulator.maxFinite)
        let limitBinade = limit.binade
        var acc = 0.0
        for i in 0..<min(xs.count, ys.count) {
            let draw = rng.nextDraw()
            if let ((_, bias), mode) = native {
                a.set(xs[i]); b.set(ys[i])
                if rule == .nearestAway {
                    qarch_mpfr_round_nearest_away_fma(running.raw, a.raw, b.raw, running.raw)
                } else {
                    mpfr_fma(running.raw, a.raw, b.raw, running.raw, mode)
                }
                if running.isZero { acc = running.double; continue }  // an exact zero, signed as IEEE 754 says
                if mpfr_regular_p(running.raw) != 0 {
                    let e = running.binade
                    // Normal: above 2^(1-bias) (a value that rounded to 2^(1-bias) may have been subnormal).
                    let normal = e > 1 - bias || (e == 1 - bias && mpfr_min_prec(running.raw) > 1)
                    if normal && (e < limitBinade || mpfr_cmpabs(running.raw, limit.raw) <= 0) {
                        acc = running.double
                        continue
                    }
                }
            }
            let exact = fma(xs[i], ys[i], acc, rule: rule)
            let code = rounder.code(of: exact, in: accumulator, rule: rule, overflow: overflow, draw: draw)
            acc = accumulator.value(of: code, scratch: scratch)
            running.set(acc)
        }
        return acc
    }

    /// MPFR's own rounding mode for a deterministic rule (nil: stochastic; nearest-away uses
    /// `mpfr_round_nearest_away`).
    static func nativeMode(_ rule: RoundingRule) -> mpfr_rnd_t? {
        switch rule {
        case .nearestEven, .nearestAway: return MPFR_RNDN
        case .towardZero: return MPFR_RNDZ
        case .up: return MPFR_RNDU
        case .down: return MPFR_RNDD
        case .stochastic: return nil
        }
    }

    /// The rounding mode whose only effect on an exact result is the sign of an exact zero.
    static func zeroSignMode(_ rule: RoundingRule) -> mpfr_rnd_t { rule == .down ? MPFR_RNDD : MPFR_RNDN }

    /// Bits that hold any sum of `terms` exactly: from above the largest term's top bit
    /// (plus carries) down to the lowest set bit of any term.
    static func sumPrecision<C: Collection>(_ terms: C) -> Int where C.Element == MPFRNumber {
        var top = Int.min, low = Int.max
        for t in terms where mpfr_regular_p(t.raw) != 0 {
            top = max(top, Int(qarch_mpfr_get_exp(t.raw)))
            low = min(low, t.lowestBitExponent)
        }
        if top == Int.min { return 64 }
        let carries = Int.bitWidth - max(terms.count, 1).leadingZeroBitCount
        return top - low + carries + 1
    }

    /// Bits that hold `x · y + z` exactly: the product spans exp(x) + exp(y) down to the sum
    /// of the operands' lowest set bits.
    static func fmaPrecision(_ x: MPFRNumber, _ y: MPFRNumber, _ z: MPFRNumber) -> Int {
        let productRegular = mpfr_regular_p(x.raw) != 0 && mpfr_regular_p(y.raw) != 0
        let zRegular = mpfr_regular_p(z.raw) != 0
        var top = Int.min, low = Int.max
        if productRegular {
            top = Int(qarch_mpfr_get_exp(x.raw)) + Int(qarch_mpfr_get_exp(y.raw))
            low = x.lowestBitExponent + y.lowestBitExponent
        }
        if zRegular {
            top = max(top, Int(qarch_mpfr_get_exp(z.raw)))
            low = min(low, z.lowestBitExponent)
        }
        return top == Int.min ? 64 : top - low + 3
    }

    /// `sumPrecision` for two terms, without building a collection.
    static func sumPrecision(_ x: MPFRNumber, _ y: MPFRNumber) -> Int {
        let xr = mpfr_regular_p(x.raw) != 0, yr = mpfr_regular_p(y.raw) != 0
        if !xr && !yr { return 64 }
        let top = max(xr ? Int(qarch_mpfr_get_exp(x.raw)) : Int.min, yr ? Int(qarch_mpfr_get_exp(y.raw)) : Int.min)
        let low = min(xr ? x.lowestBitExponent : Int.max, yr ? y.lowestBitExponent : Int.max)
        return top - low + 3
    }

    /// Run `operation` into `result` at `precision`, doubling it should MPFR report a rounding.
    private func exactly(_ precision: Int, _ operation: () -> Int32) {
        var p = max(precision, 2)
        for _ in 0..<8 {
            result.reset(precision: p)
            if operation() == 0 { return }
            p *= 2
        }
    }
}
