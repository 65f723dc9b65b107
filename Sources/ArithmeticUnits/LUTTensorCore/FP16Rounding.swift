/// Round-to-nearest-even from FP32 to FP16 in integer arithmetic, giving the FP16 value as a
/// signed count of 2^−24 (the smallest FP16 subnormal), which every finite FP16 value is.
///
/// It equals `Float16(x)` (IEEE RNE, overflow to ±∞) for every finite `x`, without the
/// software conversion call that `Float16` costs on targets without F16C; the LUT Tensor
/// Core's fast kernel builds its tables with it (`LUTFastKernel`).
///
/// ```swift
/// FP16Rounding.units(1.0)            // 16_777_216 (2^24)
/// FP16Rounding.units(1 + 0x1p-11)    // 16_777_216 (tie to even)
/// FP16Rounding.units(65520)          // nil (rounds to +∞)
/// ```
enum FP16Rounding {
    /// FP16's largest finite value, 65504, in units of 2^−24.
    static let maxUnits: Int64 = 2047 << 29

    /// The FP16 rounding of `x` in units of 2^−24, or nil when it is ±∞ or NaN.
    @inline(__always)
    static func units(_ x: Float) -> Int64? {
        let bits = x.bitPattern
        let field = Int((bits >> 23) & 0xFF)
        if field > 142 { return nil }                   // |x| ≥ 2^16 (or ±∞, NaN): beyond FP16
        // |x| = significand · 2^(field − 150) (subnormals: field 1 without the hidden bit)
        //     = significand · 2^(field − 126) units.
        let significand = Int64(bits & 0x7F_FFFF) | (field == 0 ? 0 : 0x80_0000)
        let e = max(field, 1)
        // FP16 keeps 11 significant bits above 2^−14 (= 2^10 units, float field 113), else
        // whole units: the result is a multiple of 2^u units, the significand drops `drop` bits.
        let u = max(e - 113, 0)
        let drop = min(u - (e - 126), 40)              // ≥ 25 drops the whole significand
        let mask: Int64 = (1 << drop) - 1
        let kept = significand >> drop
        let remainder = significand & mask
        let half: Int64 = drop == 0 ? 0 : 1 << (drop - 1)
        let roundUp: Int64 = remainder > half || (remainder == half && half != 0 && kept & 1 == 1) ? 1 : 0
        let magnitude = (kept + roundUp) << u
        if magnitude > maxUnits { return nil }
        return bits >> 31 == 1 ? -magnitude : magnitude
    }
}
