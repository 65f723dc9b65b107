/// An exact sum of Doubles: a 2,240-bit two's-complement fixed-point register whose least
/// significant bit weighs 2^-1100, so every finite Double (and every sum of up to 2^60 of
/// them) is held without rounding.
///
/// Rounding it out gives a `(head, tail)` pair for `ElementFormat.encode(_:tail:…)`:
/// `head` is the exact value truncated to 53 bits and `tail` the next 53 bits with the
/// sticky bit ORed into its last place (round-to-odd), which rounds correctly to every
/// format of at most 24 significand bits under every rule, stochastic draws included.
///
/// ```swift
/// var acc = ExactAccumulator()
/// acc.add(0x1p127); acc.add(0x1p-127)
/// let (head, tail) = acc.headAndTail()   // (0x1p127, 0x1p-127)
/// ```
public struct ExactAccumulator: Sendable {
    static let limbCount = 35
    static let lsbExponent = -1100
    var limbs: [UInt64]
    /// Set once an infinity or NaN was added; the exact sum is then `special`.
    public private(set) var special: Double?

    public init() { limbs = [UInt64](repeating: 0, count: Self.limbCount) }

    /// Add `x` exactly.
    public mutating func add(_ x: Double) {
        if !x.isFinite {
            if let s = special { special = (s.isNaN || x.isNaN || s != x) ? .nan : s } else { special = x }
            return
        }
        if x == 0 { return }
        let biased = Int(x.exponentBitPattern)
        let significand = x.significandBitPattern | (biased == 0 ? 0 : UInt64(1) << 52)
        let exponent = (biased == 0 ? -1074 : biased - 1075)
        let offset = exponent - Self.lsbExponent
        addShifted(significand, offset: offset, negative: x < 0)
    }

    /// Add the exact product `a · b` (any Doubles whose product neither overflows nor underflows).
    public mutating func addProduct(_ a: Double, _ b: Double) {
        let p = a * b
        add(p)
        if p.isFinite && p != 0 {
            let e = (-p).addingProduct(a, b)
            add(e)
        }
    }

    mutating func addShifted(_ value: UInt64, offset: Int, negative: Bool) {
        let limb = offset >> 6, shift = UInt64(offset & 63)
        let low = value << shift
        let high = shift == 0 ? 0 : value >> (64 - shift)
        if negative {
            var borrow = false
            (limbs[limb], borrow) = limbs[limb].subtractingReportingOverflow(low)
            var i = limb + 1
            var sub = high
            while i < Self.limbCount && (sub != 0 || borrow) {
                let (d1, o1) = limbs[i].subtractingReportingOverflow(sub)
                let (d2, o2) = d1.subtractingReportingOverflow(borrow ? 1 : 0)
                limbs[i] = d2
                borrow = o1 || o2
                sub = 0
                i += 1
            }
        } else {
            var carry = false
            (limbs[limb], carry) = limbs[limb].addingReportingOverflow(low)
            var i = limb + 1
            var add = high
            while i < Self.limbCount && (add != 0 || carry) {
                let (s1, o1) = limbs[i].addingReportingOverflow(add)
                let (s2, o2) = s1.addingReportingOverflow(carry ? 1 : 0)
                limbs[i] = s2
                carry = o1 || o2
                add = 0
                i += 1
            }
        }
    }

    /// Whether the exact sum is zero.
    public var isZero: Bool { special == nil && limbs.allSatisfy { $0 == 0 } }

    /// The exact sum as `head + tail` (see the type's documentation).
    public func headAndTail() -> (head: Double, tail: Double) {
        if let s = special { return (s, 0) }
        let negative = limbs[Self.limbCount - 1] >> 63 == 1
        var magnitude = limbs
        if negative {
            var carry = true
            for i in 0..<Self.limbCount {
                let (s, o) = (~magnitude[i]).addingReportingOverflow(carry ? 1 : 0)
                magnitude[i] = s
                carry = o
            }
        }
        guard let top = magnitude.lastIndex(where: { $0 != 0 }) else { return (0, 0) }
        let topBit = top * 64 + (63 - magnitude[top].leadingZeroBitCount)
        let headBits = extract(magnitude, from: topBit - 52, count: 53)
        let tailBits = extract(magnitude, from: topBit - 105, count: 53)
        let sticky = anyBitBelow(magnitude, position: topBit - 105)
        let headExponent = topBit - 52 + Self.lsbExponent
        let head = Double(sign: .plus, exponent: headExponent, significand: Double(headBits))
        var tail = 0.0
        if tailBits != 0 || sticky {
            tail = Double(sign: .plus, exponent: headExponent - 53, significand: Double(tailBits | (sticky ? 1 : 0)))
        }
        return negative ? (-head, -tail) : (head, tail)
    }

    /// The sum rounded to a Double (nearest-even).
    public var doubleValue: Double {
        let (h, t) = headAndTail()
        return h + t
    }

    private func extract(_ m: [UInt64], from low: Int, count: Int) -> UInt64 {
        var result: UInt64 = 0
        for i in 0..<count {
            let bit = low + i
            if bit < 0 { continue }
            if (m[bit >> 6] >> UInt64(bit & 63)) & 1 == 1 { result |= UInt64(1) << UInt64(i) }
        }
        return result
    }

    private func anyBitBelow(_ m: [UInt64], position: Int) -> Bool {
        if position <= 0 { return false }
        let limb = position >> 6
        for i in 0..<limb where m[i] != 0 { return true }
        let mask = (UInt64(1) << UInt64(position & 63)) &- 1
        return m[limb] & mask != 0
    }
}
