/// The BitMoD PE's truncating datapath, step by step, after the RTL of `yc2367/BitMoD`
/// (`exp_match.v`, `bs_mul.v`, `grp_accum.v`, `dequant.v`; ArithmeticUnits/README.md, "BitMoD PE").
///
/// Per cycle, for the 4 lanes: `v_exp = a_exp + w_exp`; `delta = max(v_exp) − v_exp`; the
/// 11-bit activation significand (if the term is valid) is placed above 3 guard bits and
/// shifted right by `delta` into a 14-bit field, dropping the low bits (deltas > 14 give 0);
/// the lane is negated for a negative product; the 4 lanes sum to a 17-bit partial sum.
/// The group accumulator (6-bit exponent, 15-bit signed mantissa) adds it:
/// `psum ≪ bsig` (23 bits), the operand with the smaller exponent arithmetic-shifted right
/// by the exponent difference (truncating toward −∞; shifts ≥ 14 give 0), the 23-bit sum
/// normalized by an arithmetic right shift of 0…8 chosen by a leading-one detector so the
/// magnitude fits 15 signed bits, the exponent raised by that shift.
///
/// Deviations from the committed RTL, each an evident defect of unfinished code:
/// the RTL shifts only the accumulator, never the incoming partial sum, so a partial sum
/// whose exponent is below the accumulator's would be over-weighted. Here it is aligned
/// with the same truncating shift. The dequantizer's `start_acc` reset is dead code in the
/// RTL (`end begin`); here each group's dequantization starts from zero.
public struct BitMoDRTLDatapath: Sendable, Equatable {
    /// The accumulator: value = mantissa · 2^(exponent − lsbBias) in units of the lanes' LSB.
    public struct Accumulator: Sendable, Equatable {
        public var exponent: Int = 0
        public var mantissa: Int = 0
        public init() {}
        public init(exponent: Int, mantissa: Int) { self.exponent = exponent; self.mantissa = mantissa }
    }

    /// One lane's operands for one cycle: an FP16 activation's biased exponent (subnormals
    /// use 1) and 11-bit significand, and a weight term.
    public struct Lane: Sendable, Equatable {
        public var aNegative: Bool
        public var aExponent: Int
        public var aSignificand: Int
        public var term: BitMoDTerms.Term
        public init(aNegative: Bool, aExponent: Int, aSignificand: Int, term: BitMoDTerms.Term) {
            self.aNegative = aNegative; self.aExponent = aExponent; self.aSignificand = aSignificand; self.term = term
        }
    }

    public init() {}

    /// The bit-serial multiplier and adder tree: the 17-bit partial sum and its exponent.
    public static func partialSum(_ lanes: [Lane]) -> (sum: Int, exponent: Int) {
        var vExp = [Int](repeating: 0, count: lanes.count)
        for (i, l) in lanes.enumerated() { vExp[i] = (l.aExponent + l.term.exp) & 63 }
        let maxExp = vExp.max() ?? 0
        var sum = 0
        for (i, l) in lanes.enumerated() {
            let delta = maxExp - vExp[i]
            let product = l.term.valid ? l.aSignificand & 0x7FF : 0
            let aligned = delta > 14 ? 0 : (product << 3) >> delta          // 14-bit field, truncated
            sum += (l.aNegative != l.term.negative) ? -aligned : aligned
        }
        return (sum, maxExp)
    }

    /// One group-accumulator step: add a partial sum of exponent `psumExponent`, shifted
    /// left by `bsig`.
    public static func accumulate(_ acc: Accumulator, psum: Int, psumExponent: Int, bsig: Int) -> Accumulator {
        let maxExp = max(acc.exponent, psumExponent)
        let shiftedIn = wrap(psum << bsig, bits: 23)
        let inAligned = arithmeticShift(shiftedIn, maxExp - psumExponent)
        let accAligned = arithmeticShift(acc.mantissa, maxExp - acc.exponent)
        let sum = wrap(inAligned + accAligned, bits: 23)
        let magnitude = abs(sum)
        var shift = 0
        for bit in stride(from: 21, through: 14, by: -1) where magnitude >> bit & 1 == 1 {
            shift = bit - 13
            break
        }
        return Accumulator(exponent: (maxExp + shift) & 63, mantissa: wrap(sum >> shift, bits: 15))
    }

    /// The bit-serial dequantizer: `mantissa × scale`, MSB of the scale first, in a signed
    /// register of `outputBits` bits (the RTL has 21; 23 never overflows for 8-bit scales).
    public static func dequantize(mantissa: Int, scale: Int, scaleBits: Int = 8, outputBits: Int = 23) -> Int {
        var out = 0
        for b in stride(from: scaleBits - 1, through: 0, by: -1) {
            let bit = (scale >> b) & 1
            out = wrap((out << 1) + (bit == 1 ? mantissa : 0), bits: outputBits)
        }
        return out
    }

    /// `x >> s` arithmetic, with shifts of 14 or more giving 0 (the RTL's shifter default).
    @inline(__always) static func arithmeticShift(_ x: Int, _ s: Int) -> Int {
        s >= 14 ? 0 : x >> s
    }

    /// The low `bits` bits of `x`, sign-extended.
    @inline(__always) static func wrap(_ x: Int, bits: Int) -> Int {
        let shift = Int.bitWidth - bits
        return (x << shift) >> shift
    }
}
