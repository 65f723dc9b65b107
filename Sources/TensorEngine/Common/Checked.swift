/// Exact integer arithmetic for the engines' counts: a result is exact, or the quantity is
/// refused with `TensorEngineError.countOverflow` naming it — never wrapped, saturated or
/// trapped. Counts are non-negative; a negative operand is refused the same way.
///
/// ```swift
/// try Checked.mul(1 << 40, 1 << 20, "cycles")           // 1 << 60
/// try Checked.mul(1 << 40, 1 << 30, "cycles")           // throws: cycles exceed 2^63−1 …
/// try Checked.mulDivCeil(.max, 8, 64, "SRAM words")     // 1 << 60: exact through the 128-bit product
/// ```
public enum Checked {
    public static func mul(_ a: Int, _ b: Int, _ what: String) throws(TensorEngineError) -> Int {
        let (r, overflow) = a.multipliedReportingOverflow(by: b)
        if overflow || a < 0 || b < 0 { throw .countOverflow(what) }
        return r
    }

    public static func add(_ a: Int, _ b: Int, _ what: String) throws(TensorEngineError) -> Int {
        let (r, overflow) = a.addingReportingOverflow(b)
        if overflow || a < 0 || b < 0 { throw .countOverflow(what) }
        return r
    }

    /// ⌈a / b⌉ for a ≥ 0, b > 0 (cannot overflow).
    public static func ceilDiv(_ a: Int, _ b: Int) -> Int { a / b + (a % b == 0 ? 0 : 1) }

    /// ⌈a·b / d⌉ for a, b ≥ 0 and d > 0, exact whenever the quotient fits: the product is
    /// formed in 128 bits, so 8·bytes or elements·bits may exceed 2^63 on the way.
    public static func mulDivCeil(_ a: Int, _ b: Int, _ d: Int, _ what: String) throws(TensorEngineError) -> Int {
        guard a >= 0, b >= 0, d > 0 else { throw .countOverflow(what) }
        let product = UInt64(a).multipliedFullWidth(by: UInt64(b))
        let divisor = UInt64(d)
        guard product.high < divisor else { throw .countOverflow(what) }   // the quotient fits in 64 bits
        let (q, r) = divisor.dividingFullWidth(product)
        let max = UInt64(Int.max)
        guard q < max || (q == max && r == 0) else { throw .countOverflow(what) }
        return Int(q) + (r == 0 ? 0 : 1)
    }
}
