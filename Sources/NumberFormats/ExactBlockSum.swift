/// The exact dot product of two blocks' element codes, scales included:
/// value = (high · 2^64 + low) · 2^exponent, a 128-bit two's-complement integer times a power
/// of two (or `special` when an element is NaN/±∞ or a scale is NaN).
///
/// MX: Σ P_A,i · P_B,i in units of 2^(2·unit) times 2^(eA + eB − 254). NVFP4: Σ in units of
/// 1/4 times s_blockA · s_blockB (each E4M3 value is an integer times 2^-9). The integer needs
/// at most 70 bits (MXFP8 E5M2: 32 products of 32-bit element integers).
///
/// ```swift
/// let s = BlockDot.exactBlockSum(a.blocks[0], b.blocks[0], format: .mxfp4)
/// s.roundedToFloat()    // the block's FP32 contribution, rounded once (RNE)
/// ```
public struct ExactBlockSum: Sendable, Hashable {
    /// High 64 bits of the two's-complement integer (signed).
    public let high: Int64
    /// Low 64 bits of the integer.
    public let low: UInt64
    /// The power of two the integer is scaled by.
    public let exponent: Int
    /// NaN or ±∞ when the block result is not finite; nil otherwise.
    public let special: Double?

    public init(high: Int64, low: UInt64, exponent: Int, special: Double? = nil) {
        self.high = high
        self.low = low
        self.exponent = exponent
        self.special = special
    }

    /// The integer when it fits in 64 bits.
    public var integer: Int64? {
        let l = Int64(bitPattern: low)
        return (high == 0 && l >= 0) || (high == -1 && l < 0) ? l : nil
    }

    /// The exact value as three `Double` terms whose sum is exact (all finite cases).
    var terms: [Double] {
        let scale = pow2(exponent)
        return [Double(high) * 0x1p64 * scale, Double(low >> 32) * 0x1p32 * scale,
                Double(low & 0xFFFF_FFFF) * scale]
    }

    /// The value rounded once to FP32 (RNE, overflow to ±∞).
    public func roundedToFloat() -> Float {
        if let s = special { return Float(s) }
        if let i = integer, i.magnitude < (UInt64(1) << 53) {
            let x = Double(i) * pow2(exponent)   // exact: < 2^53 times a power of two in range
            return Float(bitPattern: ElementFormat.fp32.encode(x, tail: 0, rule: .nearestEven, overflow: .infinity, draw: 0))
        }
        let code = ElementFormat.fp32.roundQuotient(ExactQuotient(sum: terms, over: 1), rule: .nearestEven,
                                                    overflow: .infinity)
        return Float(bitPattern: code)
    }
}
