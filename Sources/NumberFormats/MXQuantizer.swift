/// The OCP MX conversion of a block of reals (NumberFormats/README.md, "MX block formats").
///
/// 1. amax = max |V_i| over the block's finite values.
/// 2. shared_exp = floor(log2 amax) − emax_elem, with floor(log2) read exactly from the
///    `Double` exponent (no logarithm). Above 127 → the E8M0 NaN code 0xFF (the whole block
///    decodes to NaN); below −127 → −127. A zero block gets code 0 (2^-127) and zero elements.
/// 3. X = 2^shared_exp; P_i = V_i / X rounded once to the element format (exactly: the
///    quotient is never formed in `Double`, so it cannot underflow or double-round), default
///    RNE saturating. MXINT8 rounds V_i / X to a multiple of 2^-6 and clamps symmetrically to
///    ±127/64 (microxcaling `max_norm`); the code 0x80 (−2) is never produced. MXINT4 likewise:
///    multiples of 2^-2, ±7/4, never 0x8.
///
/// Non-finite inputs (a documented choice; the spec leaves them open):
/// - any ±∞ in the block → scale NaN (amax = ∞, as in microxcaling);
/// - a NaN when the element format has a NaN (E4M3, E5M2) → that element's NaN code, and amax
///   is taken over the other elements; when it has none (E2M1, E2M3, E3M2, INT8) → scale NaN.
///
/// A NaN-scaled block stores element codes 0.
///
/// ```swift
/// MXQuantizer.sharedExponent(amax: 6.0, emax: 2)     // 0   → E8M0 code 127
/// MXQuantizer.sharedExponent(amax: 0.3, emax: 2)     // −4  (floor(log2 0.3) = −2)
/// MXQuantizer.sharedExponent(amax: 0x1p130, emax: 2) // nil (128 > 127: NaN scale)
/// MXQuantizer.scaleCode(amax: 0x1p-200, emax: 2)     // 0   (clamped to −127)
/// ```
public enum MXQuantizer {
    /// floor(log2 amax) − emax clamped below at −127, or nil (NaN scale) above 127 or for a
    /// non-finite amax. A zero amax gives −127.
    public static func sharedExponent(amax: Double, emax: Int) -> Int? {
        guard amax.isFinite else { return nil }
        if amax == 0 { return -127 }
        let e = Int(abs(amax).exponent) - emax
        if e > 127 { return nil }
        return max(e, -127)
    }

    /// The E8M0 code of the shared scale: shared_exp + 127, or 0xFF for NaN.
    public static func scaleCode(amax: Double, emax: Int) -> UInt32 {
        guard let e = sharedExponent(amax: amax, emax: emax) else { return 0xFF }
        return UInt32(e + 127)
    }

    /// Quantizes one block (at most `format.blockSize` values; fewer for a partial block).
    ///
    /// `rng` supplies one draw per element when `options.rounding` is `.stochastic` and is
    /// left untouched otherwise.
    public static func quantizeBlock<C: Collection>(_ block: C, format: BlockFormat,
                                                    options: BlockQuantizationOptions = .standard,
                                                    rng: inout SplitMix64) -> QuantizedBlock where C.Element == Double {
        let element = format.element
        var amax = 0.0
        var poisoned = false
        for v in block {
            if v.isInfinite || (v.isNaN && !element.hasNaN) { poisoned = true } else if !v.isNaN { amax = max(amax, abs(v)) }
        }
        let stochastic = options.rounding.isStochastic
        guard !poisoned, let shared = sharedExponent(amax: amax, emax: format.elementEmax) else {
            if stochastic { for _ in block { _ = rng.nextDraw() } }
            return QuantizedBlock(scaleCode: 0xFF, scale: .nan, codes: [UInt8](repeating: 0, count: block.count),
                                  values: [Double](repeating: .nan, count: block.count))
        }
        let scale = pow2(shared)
        let unit = pow2(shared + format.elementExponentOffset)   // X · 2^offset, a power of two
        let isInt = format.elementExponentOffset != 0
        var codes: [UInt8] = []
        var values: [Double] = []
        codes.reserveCapacity(block.count)
        values.reserveCapacity(block.count)
        for v in block {
            let draw = stochastic ? rng.nextDraw() : 0
            var code: UInt32
            if v.isNaN {
                code = element.nanCode ?? 0
            } else {
                code = element.roundQuotient(ExactQuotient(v, over: unit), rule: options.rounding,
                                             overflow: options.overflow, draw: draw)
                if isInt && code == UInt32(1) << UInt32(element.bits - 1) { code += 1 }   // symmetric clamp: −127, −7
            }
            codes.append(UInt8(truncatingIfNeeded: code))
            values.append(element.decode(code) * unit)
        }
        return QuantizedBlock(scaleCode: UInt32(shared + 127), scale: scale, codes: codes, values: values)
    }
}
