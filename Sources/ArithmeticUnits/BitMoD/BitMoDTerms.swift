/// The BitMoD weight decoder: a weight becomes a short stream of signed power-of-two
/// "terms", one per cycle, that the bit-serial multiplier consumes (ArithmeticUnits/README.md, "BitMoD PE").
///
/// - Integer weights use radix-4 Booth recoding of `{w, 0}`: digit c ∈ {0, ±1, ±2} is
///   `sign·2^exp` with `exp ∈ {0, 1}` and bit significance `bsig = 2c`, so ceil(bits/2) cycles.
/// - BitMoD FP4/FP3 weights are magnitudes M in the datatype's integer units (FP4 values ×2:
///   0, 1, 2, 3, 4, 6, 8, 12 and the special 10 or 16; FP3: 0, 1, 2, 4 and the special 3 or 6).
///   Every M has at most two set bits, taken from the most significant down, one per cycle:
///   `exp` = bit position (0…4), `bsig = 0`. (The RTL's FP4 decoder, `serial_reader`, is
///   unfinished: its LOD mantissa is the window's LSB; this decoder is the exact intent.)
///
/// ```swift
/// BitMoDTerms.booth(-3, bits: 4)   // digits of −3: [(+1, exp 0, bsig 0), (−1, exp 0, bsig 2)] → 1 − 4
/// BitMoDTerms.magnitude(10, negative: false, cycles: 2)  // [(+, exp 3), (+, exp 1)] → 8 + 2
/// ```
public enum BitMoDTerms {
    /// One term: the value `(negative ? −1 : 1)·valid·2^(exp + bsig)`.
    public struct Term: Sendable, Equatable {
        public var negative: Bool
        public var exp: Int
        public var valid: Bool
        public var bsig: Int

        public static let zero = Term(negative: false, exp: 0, valid: false, bsig: 0)

        /// The integer value of the term.
        public var value: Int { valid ? (negative ? -1 : 1) << (exp + bsig) : 0 }
    }

    /// Booth radix-4 digits of a signed `bits`-bit integer, least significant first.
    public static func booth(_ w: Int, bits: Int) -> [Term] {
        let cycles = (bits + 1) / 2
        let ext = w << 1                                        // {w, 0}; arithmetic shifts sign-extend
        return (0..<cycles).map { c in
            let window = (ext >> (2 * c)) & 0b111
            let digit = -2 * ((window >> 2) & 1) + ((window >> 1) & 1) + (window & 1)
            return Term(negative: digit < 0, exp: abs(digit) == 2 ? 1 : 0, valid: digit != 0, bsig: 2 * c)
        }
    }

    /// The terms of a magnitude `m` (at most two set bits), most significant first, padded
    /// with invalid terms to `cycles`.
    public static func magnitude(_ m: Int, negative: Bool, cycles: Int) -> [Term] {
        var terms: [Term] = []
        var rest = m
        while rest != 0 && terms.count < cycles {
            let p = Int.bitWidth - 1 - rest.leadingZeroBitCount
            terms.append(Term(negative: negative, exp: p, valid: true, bsig: 0))
            rest &= ~(1 << p)
        }
        while terms.count < cycles { terms.append(.zero) }
        return terms
    }
}
