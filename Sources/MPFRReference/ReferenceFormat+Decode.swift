import CMPFR

/// Decoding codes to values, and finding the code of a representable value, from each
/// format's definition, with MPFR.
extension ReferenceFormat {
    /// Set `x` (at least 64 bits of precision) to the exact value of `code`.
    ///
    /// ```swift
    /// let x = MPFRNumber(precision: 64)
    /// ReferenceFormat.named("hif8")!.decode(0x7E, into: x)   // x = 2^-15
    /// ```
    public func decode(_ code: UInt32, into x: MPFRNumber) {
        Self.decode(code, layout: layout, bits: bits, into: x)
    }

    /// The exact value of `code` as a Double (every value of every format is one).
    public func value(of code: UInt32, scratch: MPFRNumber) -> Double {
        let c = code & UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(bits)) - 1)
        if !values.isEmpty { return values[Int(c)] }
        decode(c, into: scratch)
        return scratch.double
    }

    static func decode(_ rawCode: UInt32, layout: Layout, bits: Int, into x: MPFRNumber) {
        let code = Int(rawCode & UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(bits)) - 1))
        switch layout {
        case .integer(let signed):
            let v = signed && code >> (bits - 1) == 1 ? code - (1 << bits) : code
            x.set(v, timesTwoTo: 0)
        case .float(let e, let m, let bias, let specials):
            decodeFloat(code, exponentBits: e, mantissaBits: m, bias: bias, specials: specials, into: x)
        case .e8m0:
            if code == 0xFF { mpfr_set_nan(x.raw) } else { x.set(1, timesTwoTo: code - 127) }
        case .hif8:
            decodeHiF8(code, into: x)
        case .bitmodFP4(let special):
            // E2M1 (NumberFormats/README.md, "E2M1 (FP4)") with the −0 code carrying the special value (NumberFormats/README.md, "BitMoD datatypes").
            if code == 0b1000 { x.set(special) } else {
                decodeFloat(code, exponentBits: 2, mantissaBits: 1, bias: 1, specials: .none, into: x)
            }
        case .bitmodFP3(let special):
            // Sign bit, then a 2-bit exponent E: 0 for E = 0, else 2^(E−1) (NumberFormats/README.md, "BitMoD datatypes": {0, ±1, ±2, ±4}).
            if code == 0b100 { x.set(special); return }
            let e = code & 0b11
            if e == 0 { x.set(0, timesTwoTo: 0) } else { x.set(1, timesTwoTo: e - 1) }
            if code & 0b100 != 0 { mpfr_neg(x.raw, x.raw, MPFR_RNDN) }
        case .nf4:
            // The float32 constants of QLoRA's NF4 table (bitsandbytes `get_4bit_type("nf4")`), in code order.
            let levels: [Float] = [-1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453,
                                   -0.28444138169288635, -0.18477343022823334, -0.09105003625154495, 0.0,
                                   0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
                                   0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0]
            x.set(Double(levels[code & 0xF]))
        }
    }

    /// (−1)^S · 2^(E−bias) · 1.M, or (−1)^S · 2^(1−bias) · 0.M when E = 0.
    static func decodeFloat(_ code: Int, exponentBits: Int, mantissaBits m: Int, bias: Int,
                            specials: Specials, into x: MPFRNumber) {
        let mantissa = code & ((1 << m) - 1)
        let field = (code >> m) & ((1 << exponentBits) - 1)
        let negative = (code >> (exponentBits + m)) & 1 == 1
        let ones = (1 << exponentBits) - 1
        switch specials {
        case .ieee where field == ones:
            if mantissa == 0 { mpfr_set_inf(x.raw, negative ? -1 : 1) } else { mpfr_set_nan(x.raw) }
            return
        case .nanAllOnes where field == ones && mantissa == (1 << m) - 1,
             .unsignedNaNAllOnes where field == ones && mantissa == (1 << m) - 1:
            mpfr_set_nan(x.raw)
            return
        default:
            break
        }
        if field == 0 {
            x.set(mantissa, timesTwoTo: 1 - bias - m)
        } else {
            x.set((1 << m) + mantissa, timesTwoTo: field - bias - m)
        }
        if negative { mpfr_set4(x.raw, x.raw, MPFR_RNDN, -1) }
    }

    /// HiF8 from its bit fields (NumberFormats/README.md, "HiFloat8"): S | dot prefix | Em (D bits) | M.
    static func decodeHiF8(_ code: Int, into x: MPFRNumber) {
        if code == 0x00 { x.set(0); return }
        if code == 0x80 { mpfr_set_nan(x.raw); return }
        let negative = code & 0x80 != 0
        let body = code & 0x7F
        if body == 0x6F { mpfr_set_inf(x.raw, negative ? -1 : 1); return }
        func bit(_ i: Int) -> Int { (body >> i) & 1 }
        // Read the prefix from bit 6 down: 11 → D=4, 10 → D=3, 01 → D=2, 001 → D=1, 0001 → D=0, 0000 → DML.
        let d: Int, prefixLength: Int
        switch (bit(6), bit(5)) {
        case (1, 1): (d, prefixLength) = (4, 2)
        case (1, 0): (d, prefixLength) = (3, 2)
        case (0, 1): (d, prefixLength) = (2, 2)
        default:
            if bit(4) == 1 { (d, prefixLength) = (1, 3) } else if bit(3) == 1 { (d, prefixLength) = (0, 4) } else {
                // Denormal: 2^(M − 23), M = 1…7.
                x.set(1, timesTwoTo: (body & 0b111) - 23)
                if negative { mpfr_neg(x.raw, x.raw, MPFR_RNDN) }
                return
            }
        }
        let mantissaBits = 7 - prefixLength - d
        let mantissa = body & ((1 << mantissaBits) - 1)
        let em = (body >> mantissaBits) & ((1 << d) - 1)
        var exponent = 0
        if d > 0 {
            // Sign-magnitude, no bias: first bit is the sign, the rest are the low bits of
            // |E| below an implicit leading 1.
            let magnitude = (1 << (d - 1)) | (em & ((1 << (d - 1)) - 1))
            exponent = em >> (d - 1) == 1 ? -magnitude : magnitude
        }
        x.set((1 << mantissaBits) + mantissa, timesTwoTo: exponent - mantissaBits)
        if negative { mpfr_neg(x.raw, x.raw, MPFR_RNDN) }
    }

    /// The code of the representable value `v` (finite, within range); a zero takes the
    /// sign of `negative` where the format has −0. `UInt32.max` if `v` is not representable
    /// (a reference bug, surfaced as a mismatch).
    func code(ofRepresentable v: MPFRNumber, negative: Bool) -> UInt32 {
        if v.isZero { return zeroCode(negative: negative) }
        let d = v.double  // exact: every value of every format is a Double
        guard case .float(let eBits, let m, let bias, _) = layout else {
            return codeByPattern[d.bitPattern] ?? UInt32.max
        }
        // IEEE-like: read the fields off the exact binary value.
        let sign: UInt32 = d.sign == .minus ? UInt32(1) << UInt32(bits - 1) : 0
        let e = Int(d.exponent)
        let significand = d.significandBitPattern | (UInt64(1) << 52)  // d is a normal Double
        let field = max(e + bias, 0)
        let quantum = max(e, 1 - bias) - m  // the exponent of the mantissa field's last bit
        let shift = quantum - (e - 52)
        guard field < (1 << eBits), shift >= 0, shift < 64,
              significand & ((UInt64(1) << UInt64(shift)) - 1) == 0 else { return UInt32.max }
        let mantissa = UInt32(significand >> UInt64(shift)) & ((UInt32(1) << UInt32(m)) - 1)
        return sign | UInt32(field) << UInt32(m) | mantissa
    }

    /// Whether `code` is the one code of its value (so encoding its value must give it back):
    /// false for NaN codes, which have no canonical value.
    public func isCanonical(_ code: UInt32) -> Bool {
        if values.isEmpty {
            guard case .float(let e, let m, _, _) = layout else { return false }
            let field = (code >> UInt32(m)) & ((UInt32(1) << UInt32(e)) - 1)
            return field != (UInt32(1) << UInt32(e)) - 1 || code & ((UInt32(1) << UInt32(m)) - 1) == 0
        }
        let v = values[Int(code) & (values.count - 1)]
        return !v.isNaN && codeByPattern[v.bitPattern] == code
    }

    /// The code of zero: −0 when asked for and the format has one.
    func zeroCode(negative: Bool) -> UInt32 {
        if negative, let n = negativeZeroCode { return n }
        return codeByPattern[(0.0).bitPattern] ?? 0   // NF4's zero is code 0x7
    }

    /// The code of the largest-magnitude finite value of a sign.
    func limitCode(negative: Bool) -> UInt32 { negative && isSigned ? minCode : maxCode }

    /// The code of ±∞, if the format has infinities.
    func infinityCode(negative: Bool) -> UInt32? {
        guard let inf = infinityCode else { return nil }
        return negative ? inf | UInt32(1) << UInt32(bits - 1) : inf
    }
}
