import Foundation

/// An exact decimal number `digits × 10^exponent`, the form in which chart tick values and
/// labels are computed so that labels never show binary floating-point noise.
///
/// ```swift
/// let x = ChartDecimal(digits: 125, exponent: -2)   // 1.25
/// x.doubleValue                                      // 1.25
/// ChartDecimal(rounding: 0.1 + 0.2, significantDigits: 3)   // digits 300, exponent -3
/// ```
struct ChartDecimal: Equatable, Sendable {
    /// The signed integer significand.
    var digits: Int64
    /// The power of ten the significand is scaled by.
    var exponent: Int

    init(digits: Int64, exponent: Int) {
        self.digits = digits
        self.exponent = exponent
    }

    /// `x` rounded (half away from zero) to `significantDigits` (1…15) significant digits;
    /// nil when `x` is not finite. Zero gives digits 0, exponent 0.
    init?(rounding x: Double, significantDigits: Int) {
        guard x.isFinite else { return nil }
        guard x != 0 else { self.init(digits: 0, exponent: 0); return }
        let sig = min(max(significantDigits, 1), 15)
        let magnitude = abs(x)
        var order = Self.decimalOrder(of: magnitude)
        var scaled = Self.scale(magnitude, by: sig - 1 - order).rounded(.toNearestOrAwayFromZero)
        let limit = Self.power10(sig)
        if scaled >= limit {
            order += 1
            scaled = Self.scale(magnitude, by: sig - 1 - order).rounded(.toNearestOrAwayFromZero)
        }
        let d = Int64(min(scaled, limit - 1))
        self.init(digits: x < 0 ? -d : d, exponent: order - (sig - 1))
    }

    /// The nearest `Double` (exact when the value is representable).
    var doubleValue: Double { Self.scale(Double(digits), by: exponent) }

    /// The same value with trailing zero digits removed from the significand.
    var trimmed: ChartDecimal {
        guard digits != 0 else { return ChartDecimal(digits: 0, exponent: 0) }
        var d = digits, e = exponent
        while d % 10 == 0 { d /= 10; e += 1 }
        return ChartDecimal(digits: d, exponent: e)
    }

    /// The power of ten of the leading digit (1.25 → 0, 300 → 2, 0.004 → -3); zero gives 0.
    var order: Int {
        guard digits != 0 else { return 0 }
        return String(digits.magnitude).count - 1 + exponent
    }

    /// `floor(log10(x))` for finite `x > 0`, corrected for `log10` rounding near powers of ten.
    static func decimalOrder(of x: Double) -> Int {
        var e = Int(log10(x).rounded(.down))
        if x >= power10(e + 1) { e += 1 }
        if x < power10(e) { e -= 1 }
        return e
    }

    /// `10^n` as the correctly rounded `Double` (0 or +inf beyond the Double range).
    static func power10(_ n: Int) -> Double {
        if n > 308 { return .infinity }
        if n < -340 { return 0 }
        return Double("1e\(n)") ?? 0
    }

    /// `x × 10^n`, dividing for negative `n` so that exact decimal values stay correctly rounded.
    static func scale(_ x: Double, by n: Int) -> Double {
        if n > 300 { return x * power10(300) * power10(n - 300) }
        if n >= 0 { return x * power10(n) }
        let divisor = power10(-n)
        return divisor.isFinite ? x / divisor : x * power10(n)
    }
}
