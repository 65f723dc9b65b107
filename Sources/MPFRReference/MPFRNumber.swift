import CMPFR

/// One MPFR number (`mpfr_t`) that owns its storage and clears it when released.
///
/// The number lives at a stable address (`raw`), so it can be passed to MPFR as both a
/// source and a destination of one call. It is not thread-safe: give each thread its own.
///
/// ```swift
/// let x = MPFRNumber(precision: 64)
/// x.set(1.5)
/// mpfr_mul_2si(x.raw, x.raw, 3, MPFR_RNDN)
/// x.double    // 12.0
/// ```
public final class MPFRNumber {
    /// The underlying `mpfr_t`, valid for the lifetime of this object.
    public let raw: UnsafeMutablePointer<__mpfr_struct>

    /// A NaN of `precision` bits (clamped to MPFR's valid range).
    public init(precision: Int = 64) {
        raw = .allocate(capacity: 1)
        mpfr_init2(raw, Self.clamped(precision))
    }

    /// A number of `precision` bits holding `value` exactly (when `precision` ≥ 53).
    public convenience init(_ value: Double, precision: Int = 64) {
        self.init(precision: precision)
        set(value)
    }

    deinit {
        mpfr_clear(raw)
        raw.deallocate()
    }

    static func clamped(_ precision: Int) -> mpfr_prec_t {
        mpfr_prec_t(min(max(precision, 1), 1 << 20))
    }

    /// The precision in bits.
    public var precision: Int { Int(mpfr_get_prec(raw)) }

    /// Change the precision; the value becomes NaN. Storage only grows, so shrinking and
    /// growing back is cheap.
    public func reset(precision: Int) { mpfr_set_prec(raw, Self.clamped(precision)) }

    /// Set to `value`, exact when the precision is at least 53 bits. Returns MPFR's ternary value.
    @discardableResult
    public func set(_ value: Double) -> Int32 { mpfr_set_d(raw, value, MPFR_RNDN) }

    /// Set to the value of `other`, rounded with `rounding`. Returns MPFR's ternary value.
    @discardableResult
    public func set(_ other: MPFRNumber, rounding: mpfr_rnd_t = MPFR_RNDN) -> Int32 {
        mpfr_set(raw, other.raw, rounding)
    }

    /// Set to `m · 2^e` exactly (for any precision of at least 64 bits).
    public func set(_ m: Int, timesTwoTo e: Int) { mpfr_set_si_2exp(raw, m, e, MPFR_RNDN) }

    /// The value rounded to the nearest Double (exact when it is a Double).
    public var double: Double { mpfr_get_d(raw, MPFR_RNDN) }

    public var isNaN: Bool { qarch_mpfr_nan_p(raw) != 0 }
    public var isInfinite: Bool { qarch_mpfr_inf_p(raw) != 0 }
    public var isZero: Bool { qarch_mpfr_zero_p(raw) != 0 }
    /// Whether the sign bit is set (true for −0 and negative values, MPFR's NaN sign aside).
    public var isNegative: Bool { qarch_mpfr_signbit(raw) != 0 }

    /// The binade exponent e with 2^e ≤ |x| < 2^(e+1), for a non-zero finite value.
    public var binade: Int { Int(qarch_mpfr_get_exp(raw)) - 1 }

    /// The exponent of the lowest set bit: |x| is an odd multiple of 2^lsb (non-zero finite only).
    public var lowestBitExponent: Int { Int(qarch_mpfr_get_exp(raw)) - Int(mpfr_min_prec(raw)) }
}
