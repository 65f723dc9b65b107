/// Encoding real values to codes.
///
/// The rounding model is the IEEE 754 one, applied to every format: round the exact value
/// to the format's grid with its exponent range unbounded above (so the grid continues
/// past the largest finite value, e.g. to 480 for E4M3 or 1.5·2^15 for HiF8), then, if the
/// result exceeds the largest finite value, apply the overflow policy. Below the smallest
/// normal the grid is fixed-point (subnormals). Lookup formats round to their listed values.
extension ElementFormat {
    /// Round `x` to a code.
    ///
    /// - Parameters:
    ///   - rule: the rounding rule (`defaultRounding` if nil). `.stochastic` needs `draw`.
    ///   - overflow: the overflow policy (`defaultOverflow` if nil).
    /// ```swift
    /// ElementFormat.hif8.encode(18.0)                       // 0x41 (tie → away: 20)
    /// ElementFormat.e4m3.encode(470, overflow: .infinity)    // 0x7F (NaN: no Inf)
    /// ```
    @inline(__always)
    public func encode(_ x: Double, rule: RoundingRule? = nil, overflow: OverflowPolicy? = nil) -> UInt32 {
        encode(x, tail: 0, rule: rule ?? defaultRounding, overflow: overflow ?? defaultOverflow, draw: 0)
    }

    /// Round `x` to a code with stochastic rounding, drawing from `rng`.
    ///
    /// Exactly one 32-bit draw is taken per call whatever the rule, so sequences stay aligned.
    public func encode<R: RandomNumberGenerator>(_ x: Double, rule: RoundingRule? = nil,
                                                 overflow: OverflowPolicy? = nil, using rng: inout R) -> UInt32 {
        let draw = UInt32(truncatingIfNeeded: rng.next() >> 32)
        return encode(x, tail: 0, rule: rule ?? defaultRounding, overflow: overflow ?? defaultOverflow, draw: draw)
    }

    /// Round the exact real `x + tail` to a code.
    ///
    /// `tail` extends the precision of `x`: the exact value is `x + tail`, where `x` is the
    /// value rounded to a Double by any faithful rounding (nearest or truncation) and `tail`
    /// is what was lost. `TwoSum` error terms and wide-accumulator remainders fit here.
    /// `draw` is the 32-bit uniform integer used by `.stochastic`: the larger-magnitude
    /// neighbour is taken iff `draw < frac · 2^32`, where `frac` is the exact distance from
    /// the smaller-magnitude neighbour as a fraction of the gap.
    public func encode(_ x: Double, tail: Double, rule: RoundingRule, overflow: OverflowPolicy, draw: UInt32) -> UInt32 {
        if x.isNaN { return nanCode ?? zeroCode(negative: true) }
        // E8M0 has no sign and no zero: every negative (−∞ included) and every zero is NaN.
        if case .float(let g) = layout, g.specials == .e8m0, x < 0 || (x == 0 && tail <= 0), let nan = nanCode {
            return nan
        }
        // UE4M3, UE5M3: unsigned with a zero; every negative clamps to +0 (as the unsigned integers).
        if case .float(let g) = layout, g.unsigned, x < 0 || (x == 0 && tail <= 0) { return 0 }
        if x.isInfinite { return overflowCode(negative: x < 0, rule: rule, overflow: overflow, infiniteInput: true) }
        let tailSign = tail == 0 ? 0 : (tail > 0 ? 1 : -1)
        var (lo, hi) = neighbours(x)
        if lo == hi {
            // x is on the grid. A tail moves the exact value off it, to one side.
            if tailSign == 0 { return code(forValue: x, negative: x.sign == .minus, x: x, rule: rule, overflow: overflow) }
            if tailSign > 0 { (lo, hi) = (x, neighbours(x.nextUp).1) } else { (lo, hi) = (neighbours(x.nextDown).0, x) }
        }
        let exactPositive = x > 0 || (x == 0 && tailSign > 0)
        // `near` is the smaller-magnitude neighbour, `far` the larger.
        let (near, far) = exactPositive ? (lo, hi) : (hi, lo)
        let chosen = NeighbourChoice.choose(rule, lo: lo, hi: hi, positive: exactPositive, midpointOrder: {
            // Distances are exact (Sterbenz); a tail only decides when x sits on the midpoint.
            let dNear = abs(x - near), dFar = abs(far - x)
            if dNear != dFar { return dNear < dFar ? -1 : 1 }
            return exactPositive ? tailSign : -tailSign
        }, stochasticTakesFar: {
            stochasticChoice(x: x, tail: tail, near: near, far: far, positive: exactPositive, draw: draw)
        })
        return code(forValue: chosen, negative: !exactPositive, x: x, rule: rule, overflow: overflow)
    }

    /// Whether stochastic rounding takes `far`: `draw < frac · 2^32` with `frac` computed exactly.
    @inline(__always)
    func stochasticChoice(x: Double, tail: Double, near: Double, far: Double, positive: Bool, draw: UInt32) -> Bool {
        let gap = abs(far - near)
        let scale = 0x1p-32
        // L = draw · gap / 2^32 and R = |x| − |near|: both exact (see ElementFormat+Encode docs).
        let left = Double(draw) * gap * scale
        let right = abs(x) - abs(near)
        if tail == 0 { return left < right }
        let tailMagnitude = positive ? tail : -tail
        // left < right + tailMagnitude  ⇔  left − right < tailMagnitude; left − right is exact.
        return left - right < tailMagnitude
    }

    /// The representable neighbours lo ≤ x ≤ hi on the unbounded grid; lo == hi when exact.
    @inline(__always)
    func neighbours(_ x: Double) -> (Double, Double) {
        switch layout {
        case .integer:
            let f = x.rounded(.down)
            return f == x ? (x, x) : (f, f + 1)
        case .float(let g):
            return floatNeighbours(x) { g.quantumExponent(binade: $0) }
        case .hif8:
            return floatNeighbours(x) { e in
                if e < -22 { return -22 }
                if e < -15 { return e }
                let a = abs(e)
                let mw = a <= 3 ? 3 : (a <= 7 ? 2 : 1)
                return e - mw
            }
        case .lookup(let t):
            let values = t.sortedValues
            if x < values[0] { return (-.infinity, values[0]) }
            if x > values[values.count - 1] { return (values[values.count - 1], .infinity) }
            var lo = 0, hi = values.count - 1
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if values[mid] <= x { lo = mid } else { hi = mid }
            }
            if values[lo] == x { return (x, x) }
            if values[hi] == x { return (x, x) }
            return (values[lo], values[hi])
        }
    }

    @inline(__always)
    func floatNeighbours(_ x: Double, quantumExponent: (Int) -> Int) -> (Double, Double) {
        if x == 0 { return (x, x) }
        let m = abs(x)
        let q = pow2(quantumExponent(Int(m.exponent)))
        let n = (m / q).rounded(.down)
        let lo = n * q
        if lo == m { return (x, x) }
        let hi = lo + q
        return x > 0 ? (lo, hi) : (-hi, -lo)
    }

    /// The code of a grid value chosen by rounding, after the overflow policy.
    @inline(__always)
    func code(forValue v: Double, negative: Bool, x: Double, rule: RoundingRule, overflow: OverflowPolicy) -> UInt32 {
        if v > maxFinite { return overflowCode(negative: false, rule: rule, overflow: overflow, infiniteInput: false) }
        if v < minFinite {
            if minFinite >= 0 {
                // Unsigned formats clamp below their range; e8m0 has no zero, so 2^-127.
                return codeOfRepresentable(minFinite, negative: false)
            }
            return overflowCode(negative: true, rule: rule, overflow: overflow, infiniteInput: false)
        }
        return codeOfRepresentable(v, negative: negative)
    }

    func overflowCode(negative: Bool, rule: RoundingRule, overflow: OverflowPolicy, infiniteInput: Bool) -> UInt32 {
        // An infinite input is exact, so directed rules keep it; `saturate` clamps it
        // (the "satfinite" conversions of OCP FP8 and PTX).
        let saturatingDirection = !infiniteInput && (rule == .towardZero || (rule == .down && !negative) || (rule == .up && negative))
        if overflow == .saturate || saturatingDirection {
            return codeOfRepresentable(negative ? minFinite : maxFinite, negative: negative)
        }
        if let inf = infinityCode(negative: negative) { return inf }
        if let nan = nanCode { return nan }
        return codeOfRepresentable(negative ? minFinite : maxFinite, negative: negative)
    }

    /// The code of a zero, negative where the format has a −0.
    func zeroCode(negative: Bool) -> UInt32 {
        codeOfRepresentable(0, negative: negative)
    }

    /// The code of a value known to be representable (or zero).
    @inline(__always)
    func codeOfRepresentable(_ v: Double, negative: Bool) -> UInt32 {
        switch layout {
        case .integer:
            return UInt32(truncatingIfNeeded: Int(v)) & UInt32((1 << bits) - 1)
        case .lookup(let t):
            var lo = 0, hi = t.sortedValues.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if t.sortedValues[mid] < v { lo = mid + 1 } else { hi = mid }
            }
            return t.sortedCodes[lo]
        case .hif8:
            return hif8Code(v)
        case .float(let g):
            if g.specials == .e8m0 {
                if v == 0 { return 0 }
                return UInt32(Int(v.exponent) + g.bias)
            }
            let signBit: UInt32 = g.signed && (negative || v.sign == .minus) ? UInt32(1) << UInt32(bits - 1) : 0
            let m = abs(v)
            if m == 0 { return signBit }
            let e = Int(m.exponent)
            if e < g.minNormalExponent {
                let mant = UInt32(m / pow2(g.minNormalExponent - g.mantissaBits))
                return signBit | mant
            }
            let frac = UInt32((m / pow2(e - g.mantissaBits))) - (UInt32(1) << UInt32(g.mantissaBits))
            return signBit | (UInt32(e + g.bias) << UInt32(g.mantissaBits)) | frac
        }
    }

    /// HiF8 code of a representable value (NumberFormats/README.md, "HiFloat8", MindSpore field trick).
    func hif8Code(_ v: Double) -> UInt32 {
        if v == 0 { return 0 }
        let sign: UInt32 = v < 0 ? 0x80 : 0
        let m = abs(v)
        let e = Int(m.exponent)
        if e < -15 { return sign | UInt32(e + 23) }
        let a = abs(e)
        let (d, mw, dot, dotLength): (Int, Int, UInt32, Int)
        switch a {
        case 0: (d, mw, dot, dotLength) = (0, 3, 0b0001, 4)
        case 1: (d, mw, dot, dotLength) = (1, 3, 0b001, 3)
        case 2...3: (d, mw, dot, dotLength) = (2, 3, 0b01, 2)
        case 4...7: (d, mw, dot, dotLength) = (3, 2, 0b10, 2)
        default: (d, mw, dot, dotLength) = (4, 1, 0b11, 2)
        }
        let field = d == 0 ? 0 : (e < 0 ? a : a - (1 << (d - 1)))
        let mantissa = Int(m / pow2(e - mw)) - (1 << mw)
        return sign | (dot << UInt32(7 - dotLength)) | UInt32(field << mw) | UInt32(mantissa)
    }
}
