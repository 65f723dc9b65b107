/// A non-negative integer of any size, for the property tests' exact references: the engines'
/// counts are compared with it, so it must not share their arithmetic. Little-endian 64-bit
/// limbs; products by `multipliedFullWidth`, sums with carries.
///
/// ```swift
/// let x = BigCount(1 << 62) * BigCount(1 << 62)   // 2^124
/// x.int                                            // nil: beyond Int.max
/// (x.ceilDiv(1 << 62)).int                         // 1 << 62
/// ```
struct BigCount: Equatable, Comparable, CustomStringConvertible {
    /// Limbs, least significant first, without leading zero limbs (zero is `[]`).
    private(set) var limbs: [UInt64]

    init(_ value: Int) {
        precondition(value >= 0, "BigCount holds non-negative counts")
        limbs = value == 0 ? [] : [UInt64(value)]
    }

    private init(limbs: [UInt64]) {
        var l = limbs
        while l.last == 0 { l.removeLast() }
        self.limbs = l
    }

    /// The value as an `Int`, or nil when it exceeds `Int.max`.
    var int: Int? {
        if limbs.isEmpty { return 0 }
        guard limbs.count == 1, limbs[0] <= UInt64(Int.max) else { return nil }
        return Int(limbs[0])
    }

    static func + (x: BigCount, y: BigCount) -> BigCount {
        var out: [UInt64] = []
        var carry: UInt64 = 0
        for i in 0..<max(x.limbs.count, y.limbs.count) {
            let (s1, o1) = (i < x.limbs.count ? x.limbs[i] : 0).addingReportingOverflow(i < y.limbs.count ? y.limbs[i] : 0)
            let (s2, o2) = s1.addingReportingOverflow(carry)
            out.append(s2)
            carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
        out.append(carry)
        return BigCount(limbs: out)
    }

    static func * (x: BigCount, y: BigCount) -> BigCount {
        var out = [UInt64](repeating: 0, count: x.limbs.count + y.limbs.count + 1)
        for (i, a) in x.limbs.enumerated() {
            var carry: UInt64 = 0
            for (j, b) in y.limbs.enumerated() {
                let p = a.multipliedFullWidth(by: b)
                let (s1, o1) = out[i + j].addingReportingOverflow(p.low)
                let (s2, o2) = s1.addingReportingOverflow(carry)
                out[i + j] = s2
                carry = p.high + (o1 ? 1 : 0) + (o2 ? 1 : 0)   // ≤ 2^64 − 1: p.high ≤ 2^64 − 2
            }
            var k = i + y.limbs.count
            while carry != 0 {
                let (s, o) = out[k].addingReportingOverflow(carry)
                out[k] = s
                carry = o ? 1 : 0
                k += 1
            }
        }
        return BigCount(limbs: out)
    }

    /// x − y for x ≥ y.
    static func - (x: BigCount, y: BigCount) -> BigCount {
        precondition(x >= y)
        var out: [UInt64] = []
        var borrow: UInt64 = 0
        for i in 0..<x.limbs.count {
            let (d1, o1) = x.limbs[i].subtractingReportingOverflow(i < y.limbs.count ? y.limbs[i] : 0)
            let (d2, o2) = d1.subtractingReportingOverflow(borrow)
            out.append(d2)
            borrow = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
        return BigCount(limbs: out)
    }

    /// ⌈x / d⌉ for d > 0, by long division over the limbs.
    func ceilDiv(_ d: Int) -> BigCount {
        precondition(d > 0)
        let divisor = UInt64(d)
        var quotient = [UInt64](repeating: 0, count: limbs.count)
        var remainder: UInt64 = 0
        for i in limbs.indices.reversed() {
            let (q, r) = divisor.dividingFullWidth((remainder, limbs[i]))   // remainder < divisor
            quotient[i] = q
            remainder = r
        }
        let floor = BigCount(limbs: quotient)
        return remainder == 0 ? floor : floor + BigCount(1)
    }

    static func < (x: BigCount, y: BigCount) -> Bool {
        if x.limbs.count != y.limbs.count { return x.limbs.count < y.limbs.count }
        for i in x.limbs.indices.reversed() where x.limbs[i] != y.limbs[i] { return x.limbs[i] < y.limbs[i] }
        return false
    }

    var description: String { int.map(String.init) ?? "BigCount(\(limbs))" }
}
