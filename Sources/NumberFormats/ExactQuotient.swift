/// An exact real number `x = factor · (Σ terms) / divisor`, rounded to a format's grid with
/// one correct rounding.
///
/// Quantizers divide a real value by a scale and round the quotient to a grid (an element
/// format, the integers, a scale format). Computing the quotient in `Double` first and then
/// rounding it again can round twice, and it can land exactly on a midpoint that the exact
/// quotient misses. `ExactQuotient` instead decides every comparison exactly: `x ≤ g` is
/// `factor · Σ terms ≤ g · divisor`, and both sides are formed without error with
/// `TwoProduct`/`TwoSum` (Dekker, Knuth; Shewchuk's expansions for longer sums).
///
/// Requirements, not checked: `factor > 0` and `divisor > 0` are finite, the terms are finite,
/// and the products stay inside the normal `Double` range (above 2^-969 in magnitude, or
/// exactly zero), which holds for every quantity QuantArch forms.
///
/// ```swift
/// // (0.1 + 0.2) / 3 rounded once to FP16:
/// let q = ExactQuotient(sum: [0.1, 0.2], over: 3)
/// ElementFormat.fp16.roundQuotient(q, rule: .nearestEven, overflow: .infinity)
/// ```
struct ExactQuotient {
    /// The numerator as an exact non-overlapping expansion: `head` is its largest-magnitude
    /// component and `rest` the others (empty for a single-`Double` numerator, so the common
    /// case allocates nothing).
    let head: Double
    let rest: [Double]
    let factor: Double
    let divisor: Double

    /// x = numerator · factor / divisor.
    @inline(__always)
    init(_ numerator: Double, times factor: Double = 1, over divisor: Double) {
        head = numerator
        rest = []
        self.factor = factor
        self.divisor = divisor
    }

    /// x = (Σ terms) · factor / divisor. The sum is reduced to a short exact expansion first.
    init(sum terms: [Double], times factor: Double = 1, over divisor: Double) {
        var e = Self.expansion(of: terms)
        head = e.popLast() ?? 0
        rest = e
        self.factor = factor
        self.divisor = divisor
    }

    /// A `Double` near x: the rounded numerator sum times the factor over the divisor.
    var approximation: Double {
        var s = head   // keeps the sign of a −0 numerator
        for t in rest.reversed() { s += t }
        return s * factor / divisor
    }

    /// The sign of x − g: −1, 0 or +1. `g` may be ±∞.
    func compare(_ g: Double) -> Int {
        if g == .infinity { return -1 }
        if g == -.infinity { return 1 }
        let (gp, ge) = Self.twoProduct(g, divisor)
        if rest.isEmpty {
            // P = RN(t·factor) and gp = RN(g·divisor): rounding is monotone, so when the
            // rounded products differ they order the exact ones; otherwise the errors decide.
            let (p, e) = Self.twoProduct(head, factor)
            if p != gp { return p < gp ? -1 : 1 }
            if e == ge { return 0 }
            return e < ge ? -1 : 1
        }
        var parts: [Double] = []
        parts.reserveCapacity(2 * rest.count + 4)
        for t in rest + [head] {
            let (p, e) = Self.twoProduct(t, factor)
            parts.append(p)
            parts.append(e)
        }
        parts.append(-gp)
        parts.append(-ge)
        return Self.exactSign(of: parts)
    }

    /// x rounded to the nearest integer grid point under `rule` (exactly), as a `Double`.
    /// `ExactQuotient(numerator, over: divisor).roundedToInteger(rule: .nearestEven)`, taken from
    /// the correctly rounded Double quotient q when no half-integer lies within one ulp of q
    /// (then the exact quotient, within half an ulp of q, rounds to the same integer), else
    /// from the exact quotient. The quantizers' per-element hot path.
    ///
    /// ```swift
    /// ExactQuotient.nearestEvenInteger(7, over: 2)     // 4 (a tie: the exact path)
    /// ExactQuotient.nearestEvenInteger(-0.3, over: 1)  // 0 (+0)
    /// ```
    ///
    /// The nearest integer r of q comes from adding and subtracting 1.5·2^52 (each sum lands
    /// where the ulp is 1, so the hardware's round-to-nearest-even does it; baseline x86-64
    /// has no rounding instruction and `rounded` would call libm), and the nearest half-integer
    /// is 0.5 − |q − r| away (|q − r| ≤ 0.5 and both differences are exact).
    static func nearestEvenInteger(_ numerator: Double, over divisor: Double) -> Double {
        let q = numerator / divisor
        if q.magnitude < 0x1p51 {   // false for NaN and ±∞
            let magic = 0x1.8p52
            let r = (q + magic) - magic
            if 0.5 - (q - r).magnitude > q.ulp { return r + 0.0 }   // −0 → +0
        }
        return ExactQuotient(numerator, over: divisor).roundedToInteger(rule: .nearestEven)
    }

    func roundedToInteger(rule: RoundingRule, draw: UInt32 = 0) -> Double {
        let (v, _) = roundToGrid(rule: rule, draw: draw) { x in
            let f = x.rounded(.down)
            return f == x ? (x, x) : (f, f + 1)
        }
        return v + 0.0   // −0 → +0
    }

    /// Rounds x to the grid described by `neighbours` (which returns lo ≤ y ≤ hi, the two grid
    /// points around y, or (y, y) when y is on the grid; ±∞ beyond a bounded grid).
    ///
    /// Returns the chosen grid value and whether x is negative (for the sign of a zero result).
    /// Every rule is exact except `.stochastic`, whose distance fraction is taken from
    /// `approximation` (exact whenever the quotient is exact in `Double`).
    /// Always inlined: a caller's `neighbours` closure then needs no context, so a format's
    /// stored strings and tables are not retained and released once per element.
    @inline(__always)
    func roundToGrid(rule: RoundingRule, draw: UInt32,
                     neighbours: (Double) -> (Double, Double)) -> (value: Double, negative: Bool) {
        let x0 = approximation
        if x0.isNaN { return (.nan, false) }
        if x0.isInfinite { return (x0, x0 < 0) }
        // When x0 is x itself (one numerator, no factor, x0·divisor exactly the numerator, far
        // from underflow), each exact comparison is the plain Double one: the same signs.
        let exact = rest.isEmpty && factor == 1 && Self.isExactQuotient(x0, of: head, over: divisor)
        func order(_ g: Double) -> Int { exact ? (x0 < g ? -1 : (x0 > g ? 1 : 0)) : compare(g) }
        var (lo, hi) = neighbours(x0)
        if lo == hi {
            let c = order(x0)
            if c == 0 { return (x0, x0.sign == .minus) }
            if c > 0 { lo = x0; hi = neighbours(x0.nextUp).1 } else { hi = x0; lo = neighbours(x0.nextDown).0 }
        }
        // x0 is within a few Double ulps of x, so at most one step is ever needed; the bound
        // only guards against misuse (non-finite or out-of-range operands).
        var steps = 0
        while steps < 8, lo.isFinite, order(lo) < 0 {
            hi = lo
            lo = neighbours(lo.nextDown).0
            steps += 1
        }
        while steps < 16, hi.isFinite, order(hi) > 0 {
            lo = hi
            hi = neighbours(hi.nextUp).1
            steps += 1
        }
        if lo.isFinite && order(lo) == 0 { return (lo, lo.sign == .minus) }
        if hi.isFinite && order(hi) == 0 { return (hi, hi.sign == .minus) }
        // Now lo < x < hi strictly, and 0 is a grid point of every grid, so lo ≥ 0 or hi ≤ 0.
        let negative = hi <= 0
        let (near, far) = negative ? (hi, lo) : (lo, hi)
        let chosen = NeighbourChoice.choose(rule, lo: lo, hi: hi, positive: !negative, midpointOrder: {
            let c = order((lo + hi) * 0.5)
            return negative ? -c : c
        }, stochasticTakesFar: {
            Double(draw) * abs(far - near) * 0x1p-32 < abs(x0) - abs(near)
        })
        return (chosen, negative)
    }

    /// Whether q = n / d exactly: q·d is n with no rounding error (TwoProduct), and |n| is 0
    /// or at least 2^−969, where TwoProduct's error term is itself exact. E.g. (0.75, 3, 4) → true
    /// (0.75·4 = 3 exactly); (0.1, 1, 10) → false (0.1·10 rounds to 1, error −5.55e−17).
    @inline(__always)
    static func isExactQuotient(_ q: Double, of n: Double, over d: Double) -> Bool {
        let (p, e) = twoProduct(q, d)
        return p == n && e == 0 && (n == 0 || n.magnitude >= 0x1p-969)
    }

    // MARK: Error-free transformations

    /// s + e == a + b exactly, s = RN(a + b) (Knuth's TwoSum).
    @inline(__always)
    static func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        let bv = s - a
        let av = s - bv
        return (s, (a - av) + (b - bv))
    }

    /// p + e == a · b exactly, p = RN(a · b) (fused multiply-add).
    @inline(__always)
    static func twoProduct(_ a: Double, _ b: Double) -> (Double, Double) {
        let p = a * b
        return (p, (-p).addingProduct(a, b))
    }

    /// The exact sum of `xs` as a non-overlapping expansion, smallest magnitude first, zeros
    /// dropped (Shewchuk's grow-expansion, as in Python's `math.fsum`).
    static func expansion(of xs: [Double]) -> [Double] {
        var partials: [Double] = []
        for x0 in xs {
            var x = x0
            var i = 0
            for j in 0..<partials.count {
                let (s, e) = twoSum(x, partials[j])
                if e != 0 {
                    partials[i] = e
                    i += 1
                }
                x = s
            }
            partials.removeSubrange(i...)
            if x != 0 { partials.append(x) }
        }
        return partials
    }

    /// The sign of the exact sum of `xs`.
    static func exactSign(of xs: [Double]) -> Int {
        guard let top = expansion(of: xs).last else { return 0 }
        return top > 0 ? 1 : -1
    }
}

extension ElementFormat {
    /// The code of the exact quotient `q` rounded once to this format.
    ///
    /// Same rounding model as `encode(_:tail:rule:overflow:draw:)`: round on the grid unbounded
    /// above, then apply the overflow policy.
    func roundQuotient(_ q: ExactQuotient, rule: RoundingRule, overflow: OverflowPolicy, draw: UInt32 = 0) -> UInt32 {
        let (v, negative) = q.roundToGrid(rule: rule, draw: draw) { neighbours($0) }
        if v.isNaN { return nanCode ?? zeroCode(negative: true) }
        if v.isInfinite { return overflowCode(negative: v < 0, rule: rule, overflow: overflow, infiniteInput: false) }
        return code(forValue: v, negative: negative, x: v, rule: rule, overflow: overflow)
    }

    /// The decoded value of `roundQuotient`.
    func roundedQuotientValue(_ q: ExactQuotient, rule: RoundingRule, overflow: OverflowPolicy) -> Double {
        decode(roundQuotient(q, rule: rule, overflow: overflow))
    }
}
