/// Correctly rounded arithmetic on format values: each operation computes the exact real
/// result and rounds it once to a chosen format under a chosen rule.
///
/// Inputs are decoded values (`ElementFormat.decode`), so operands may come from different
/// formats. Signed zeros follow IEEE 754: an exact zero sum is +0, or −0 under `down`, and
/// keeps the operands' sign when both are zeros of the same sign.
///
/// ```swift
/// let f = ElementFormat.e2m1
/// FormatArithmetic.add(1.5, 3.0, to: f, rule: .nearestEven, overflow: .saturate)   // 0x6 (4.0)
/// FormatArithmetic.mul(6.0, 6.0, to: .fp32, rule: .nearestEven, overflow: .infinity) // 36.0 in fp32
/// ```
public enum FormatArithmetic {
    /// `a + b`, rounded once to `format`.
    public static func add(_ a: Double, _ b: Double, to format: ElementFormat, rule: RoundingRule,
                           overflow: OverflowPolicy, draw: UInt32 = 0) -> UInt32 {
        let (s, e) = ExactQuotient.twoSum(a, b)   // s + e == a + b exactly
        guard s.isFinite else { return format.encode(s, tail: 0, rule: rule, overflow: overflow, draw: draw) }
        if s == 0 && e == 0 {
            return format.encode(zeroSum(a, b, rule: rule), tail: 0, rule: rule, overflow: overflow, draw: draw)
        }
        return format.encode(s, tail: e, rule: rule, overflow: overflow, draw: draw)
    }

    /// `a · b`, rounded once to `format`.
    public static func mul(_ a: Double, _ b: Double, to format: ElementFormat, rule: RoundingRule,
                           overflow: OverflowPolicy, draw: UInt32 = 0) -> UInt32 {
        let p = a * b
        guard p.isFinite, p != 0 else { return format.encode(p, tail: 0, rule: rule, overflow: overflow, draw: draw) }
        let e = (-p).addingProduct(a, b)
        return format.encode(p, tail: e, rule: rule, overflow: overflow, draw: draw)
    }

    /// `a · b + c`, computed exactly and rounded once to `format`.
    public static func fma(_ a: Double, _ b: Double, _ c: Double, to format: ElementFormat, rule: RoundingRule,
                           overflow: OverflowPolicy, draw: UInt32 = 0) -> UInt32 {
        let p = a * b
        if p.isFinite && c.isFinite && (-p).addingProduct(a, b) == 0 {
            // The product is exact in Double (always so for formats up to fp32), so
            // p + c is exactly s + e by TwoSum: no wide accumulator needed.
            let (s, e) = ExactQuotient.twoSum(p, c)
            if s.isFinite {
                if s == 0 && e == 0 {
                    return format.encode(zeroSum(p, c, rule: rule), tail: 0, rule: rule, overflow: overflow, draw: draw)
                }
                return format.encode(s, tail: e, rule: rule, overflow: overflow, draw: draw)
            }
        }
        var acc = ExactAccumulator()
        acc.addProduct(a, b)
        acc.add(c)
        if acc.isZero {
            return format.encode(zeroSum(a * b, c, rule: rule), tail: 0, rule: rule, overflow: overflow, draw: draw)
        }
        let (head, tail) = acc.headAndTail()
        return format.encode(head, tail: tail, rule: rule, overflow: overflow, draw: draw)
    }

    /// `Σ a_i·b_i` over the common length, accumulated as `accumulation` says and rounded
    /// to `format`. Stochastic rounding takes one draw per rounding step from `rng`.
    ///
    /// ```swift
    /// var rng = SplitMix64(seed: 1)
    /// FormatArithmetic.dot([1, 2], [3, 4], to: .fp32, accumulation: .exact,
    ///                      rule: .nearestEven, overflow: .infinity, using: &rng)  // 11.0
    /// ```
    public static func dot<R: RandomNumberGenerator>(
        _ a: [Double], _ b: [Double], to format: ElementFormat, accumulation: DotAccumulation,
        rule: RoundingRule, overflow: OverflowPolicy, using rng: inout R
    ) -> UInt32 {
        let n = min(a.count, b.count)
        switch accumulation {
        case .exact:
            var acc = ExactAccumulator()
            var zero = 0.0
            for i in 0..<n {
                acc.addProduct(a[i], b[i])
                zero = i == 0 ? a[i] * b[i] : zeroSum(zero, a[i] * b[i], rule: rule)
            }
            let draw = nextDraw(&rng)
            if acc.isZero { return format.encode(n == 0 ? 0 : zero, tail: 0, rule: rule, overflow: overflow, draw: draw) }
            let (head, tail) = acc.headAndTail()
            return format.encode(head, tail: tail, rule: rule, overflow: overflow, draw: draw)
        case .sequential(let accFormat):
            var accValue = 0.0
            for i in 0..<n {
                let code = fma(a[i], b[i], accValue, to: accFormat, rule: rule, overflow: overflow, draw: nextDraw(&rng))
                accValue = accFormat.decode(code)
            }
            return format.encode(accValue, tail: 0, rule: rule, overflow: overflow, draw: nextDraw(&rng))
        }
    }

    /// The dot product with a deterministic rule (no random draws needed).
    public static func dot(_ a: [Double], _ b: [Double], to format: ElementFormat, accumulation: DotAccumulation,
                           rule: RoundingRule, overflow: OverflowPolicy) -> UInt32 {
        var rng = SplitMix64(seed: 0)
        return dot(a, b, to: format, accumulation: accumulation, rule: rule, overflow: overflow, using: &rng)
    }

    /// The signed zero of an exact zero sum `x + y` (IEEE 754 §6.3).
    @inline(__always)
    static func zeroSum(_ x: Double, _ y: Double, rule: RoundingRule) -> Double {
        if x == 0 && y == 0 && x.sign == y.sign { return x }
        return rule == .down ? -0.0 : 0.0
    }

    @inline(__always)
    static func nextDraw<R: RandomNumberGenerator>(_ rng: inout R) -> UInt32 {
        UInt32(truncatingIfNeeded: rng.next() >> 32)
    }
}
