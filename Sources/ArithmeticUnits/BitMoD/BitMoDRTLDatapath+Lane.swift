import NumberFormats

extension BitMoDRTLDatapath.Lane {
    /// The lane of an FP16 activation given by its bits (sign, biased exponent with
    /// subnormals at 1, 11-bit significand, as `BitMoDKernel` splits it) and a weight term.
    ///
    /// ```swift
    /// BitMoDRTLDatapath.Lane(activationBits: 0x3C00, term: .zero).aSignificand   // 0x400 (1.0)
    /// ```
    public init(activationBits: UInt16, term: BitMoDTerms.Term) {
        let (negative, exponent, significand) = BitMoDKernel.fp16Fields(Float(Float16(bitPattern: activationBits)))
        self.init(aNegative: negative, aExponent: exponent, aSignificand: significand, term: term)
    }
}

extension BitMoDTerms.Term {
    /// A term given by its fields, e.g. one a test vector describes.
    ///
    /// ```swift
    /// BitMoDTerms.Term(sign: true, exponent: 1, valid: true, significance: 2).value   // -8
    /// ```
    public init(sign negative: Bool, exponent: Int, valid: Bool, significance: Int) {
        self.init(negative: negative, exp: exponent, valid: valid, bsig: significance)
    }
}
