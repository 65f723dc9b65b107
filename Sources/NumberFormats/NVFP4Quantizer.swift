/// The NVFP4 conversion (NumberFormats/README.md, "NVFP4").
///
/// Per tensor: s_tensor = RN_fp32(amax_tensor / (6 · 448)) — the quotient is rounded once to
/// FP32 (RNE); amax is over the finite values. A zero tensor gets s_tensor = 1; a quotient that
/// rounds to 0 gets the smallest FP32 subnormal 2^-149. (RaZeR's max(amax_block/6)/448 is the
/// same quotient; its clamp at 1e−7 is not applied.) `options.tensorScale` overrides it.
///
/// Per block of 16, default order (NVIDIA; NumberFormats/README.md, "NVFP4"):
/// 1. s_block = E4M3(amax_block / (6 · s_tensor)), RNE, saturating at 448, rounded once.
/// 2. P_i = E2M1(V_i / (s_block · s_tensor)) with `options.rounding` (RNE) and
///    `options.overflow` (saturate), rounded once (s_block · s_tensor is exact in `Double`).
///    When s_block is 0 (a block far below the tensor's amax) the elements are ±0.
///
/// `razerOrder` (RaZeR / BitMoD reference): each P_i is the nearest of the 15 E2M1 values to
/// V_i / (amax_block / 6) — the unquantized scale — with exact midpoints going to the lower
/// (more negative) value; then s_block is quantized as in step 1.
///
/// Non-finite inputs: a block holding NaN or ±∞ gets the E4M3 NaN scale code 0x7F (the block
/// decodes to NaN, codes 0); they are left out of amax_tensor.
///
/// ```swift
/// NVFP4Quantizer.tensorScale(amax: 2688)    // 1.0
/// NVFP4Quantizer.tensorScale(amax: 0)       // 1.0 (zero tensor)
/// ```
public enum NVFP4Quantizer {
    /// 6 · 448: the largest E2M1 value times the largest E4M3 value.
    public static let tensorScaleDivisor = 2688.0

    /// s_tensor = RN_fp32(amax / 2688) (1 for amax = 0; at least 2^-149; FP32 max when the
    /// quotient overflows FP32).
    public static func tensorScale(amax: Double) -> Double {
        guard amax.isFinite, amax > 0 else { return 1 }
        let s = ElementFormat.fp32.roundedQuotientValue(ExactQuotient(amax, over: tensorScaleDivisor),
                                                        rule: .nearestEven, overflow: .saturate)
        return s == 0 ? 0x1p-149 : s
    }

    /// The tensor scale `quantize` uses for `values` under `options`.
    public static func tensorScale(for values: [Double], options: BlockQuantizationOptions = .standard) -> Double {
        if let t = options.tensorScale, t.isFinite, t > 0 {
            let f = ElementFormat.fp32.decode(ElementFormat.fp32.encode(t, rule: .nearestEven, overflow: .saturate))
            return f == 0 ? 0x1p-149 : f
        }
        var amax = 0.0
        for v in values where v.isFinite { amax = max(amax, abs(v)) }
        return tensorScale(amax: amax)
    }

    /// The E4M3 block scale code for a block whose finite amax is `amax`:
    /// E4M3(amax / (6 · s_tensor)), RNE, saturating.
    public static func blockScaleCode(amax: Double, tensorScale: Double) -> UInt32 {
        ElementFormat.e4m3.roundQuotient(ExactQuotient(amax, over: 6 * tensorScale), rule: .nearestEven,
                                         overflow: .saturate)
    }

    /// The 15 E2M1 values in increasing order, for the RaZeR midpoint rule.
    static let e2m1Table = MidpointTable(.e2m1)

    /// Quantizes one block (at most 16 values) against the tensor scale `tensorScale`.
    ///
    /// `rng` supplies one draw per element when `options.rounding` is `.stochastic` (default
    /// order only) and is left untouched otherwise.
    public static func quantizeBlock<C: Collection>(_ block: C, tensorScale: Double,
                                                    options: BlockQuantizationOptions = .standard,
                                                    rng: inout SplitMix64) -> QuantizedBlock where C.Element == Double {
        let e2m1 = ElementFormat.e2m1, e4m3 = ElementFormat.e4m3
        let stochastic = options.rounding.isStochastic && !options.razerOrder
        var amax = 0.0
        var poisoned = false
        for v in block {
            if v.isFinite { amax = max(amax, abs(v)) } else { poisoned = true }
        }
        if poisoned {
            if stochastic { for _ in block { _ = rng.nextDraw() } }
            return QuantizedBlock(scaleCode: 0x7F, scale: .nan, codes: [UInt8](repeating: 0, count: block.count),
                                  values: [Double](repeating: .nan, count: block.count))
        }
        let scaleCode = blockScaleCode(amax: amax, tensorScale: tensorScale)
        let scale = e4m3.decode(scaleCode)
        let combined = scale * tensorScale   // exact: 4 × 24 significant bits
        var codes: [UInt8] = []
        codes.reserveCapacity(block.count)
        for v in block {
            let draw = stochastic ? rng.nextDraw() : 0
            let code: UInt32
            if options.razerOrder {
                code = amax == 0 ? e2m1.zeroCode(negative: false)
                    : e2m1Table.code(of: ExactQuotient(v, times: 6, over: amax))
            } else if combined == 0 {
                code = e2m1.zeroCode(negative: v.sign == .minus)
            } else {
                code = e2m1.roundQuotient(ExactQuotient(v, over: combined), rule: options.rounding,
                                          overflow: options.overflow, draw: draw)
            }
            codes.append(UInt8(truncatingIfNeeded: code))
        }
        let values = codes.map { e2m1.decode(UInt32($0)) * combined }
        return QuantizedBlock(scaleCode: scaleCode, scale: scale, codes: codes, values: values)
    }
}
