/// The MixPE multiplier: a 4-bit unsigned weight times an int8 activation as a sum of
/// shifted copies of the activation, one per set weight bit (ArithmeticUnits/README.md, "MixPE").
///
/// ```swift
/// let p = ShiftAddMultiplier.multiply(activation: -3, weight: 0b1010)
/// // p.product == -30 (= (-3 << 1) + (-3 << 3)); p.adds == 1; p.shifts == 2
/// ```
public enum ShiftAddMultiplier {
    /// The product and the adds and shifts the shift-add datapath performs to form it.
    public struct Result: Sendable, Equatable {
        public var product: Int32
        /// Adds that combine the partial products (popcount − 1, or 0).
        public var adds: Int
        /// Non-zero shifts applied to the activation.
        public var shifts: Int
    }

    /// Multiply by shifting and adding, bit by bit, as the hardware does.
    public static func multiply(activation a: Int8, weight w: UInt8) -> Result {
        var sum: Int32 = 0
        var terms = 0, shifts = 0
        for j in 0..<4 where (w >> UInt8(j)) & 1 == 1 {
            let term = Int32(a) << Int32(j)
            sum = terms == 0 ? term : sum &+ term
            terms += 1
            if j > 0 { shifts += 1 }
        }
        return Result(product: sum, adds: max(terms - 1, 0), shifts: shifts)
    }
}
