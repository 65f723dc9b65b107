/// FP32 fused multiply-add `c + a·b`, rounded once to nearest-even, computed in FP64 without
/// the `fmaf` library call that `Float.addingProduct` costs on targets without an FMA unit.
///
/// The product of two FP32 values is exact in FP64 (24 + 24 ≤ 53 significant bits), so
/// `s = p + c` in FP64 is the exact sum rounded once. Rounding `s` again to FP32 gives the
/// correctly rounded result unless `s` is an FP32 rounding midpoint (the exact sum then may lie
/// on either side of it): between the exact sum and `s` there is no FP64 value, so no FP32
/// midpoint, and both round alike. The fast path is taken for `s` in FP32's normal range that
/// is not a midpoint (its low 29 FP64 significand bits are not 1000…0), and for `s == 0` (the
/// exact sum is then zero, with IEEE's sign rule in both); everything else (midpoints,
/// FP32 subnormals and overflow, ±∞, NaN) calls `addingProduct`.
///
/// ```swift
/// FP32FusedMultiplyAdd.fused(1 + 0x1p-23, 1 - 0x1p-23, -1)   // −0x1p-46, as Float(-0x1p-46)
/// ```
enum FP32FusedMultiplyAdd {
    @inline(__always)
    static func fused(_ a: Float, _ b: Float, _ c: Float) -> Float {
        let s = Double(a) * Double(b) + Double(c)
        let bits = s.bitPattern
        let field = (bits &>> 52) & 0x7FF
        // FP64 exponent field 897…1149: 2^−126 ≤ |s| < 2^127.
        if field &- 897 < 253 && bits & 0x1FFF_FFFF != 0x1000_0000 { return Float(s) }
        if s == 0 { return Float(s) }
        return c.addingProduct(a, b)
    }
}
