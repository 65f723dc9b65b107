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
/// Every two-level format follows the same steps with its own element format, element
/// maximum E (6 for NVFP4, 7 for NVINT4, whose int4 codes are clamped to ±7) and block scale
/// (E4M3, or a UE4M3 / UE5M3 scale option, maximum S): s_tensor = RN_fp32(amax / (E · S)),
/// s_block = scale(amax_block / (E · s_tensor)); elements with an implicit 2^offset (MXINT8's
/// 2^-6) are rounded against s_block · s_tensor · 2^offset.
///
/// ```swift
/// NVFP4Quantizer.tensorScale(amax: 2688)    // 1.0
/// NVFP4Quantizer.tensorScale(amax: 0)       // 1.0 (zero tensor)
/// ```
public enum NVFP4Quantizer {
    /// 6 · 448: the largest E2M1 value times the largest E4M3 value.
    public static let tensorScaleDivisor = 2688.0

    /// s_tensor = RN_fp32(amax / 2688) (1 for amax = 0; at least 2^-149; FP32 max when the
    /// quotient overflows FP32); for another two-level `format`, amax / (E · S).
    public static func tensorScale(amax: Double, format: BlockFormat = .nvfp4) -> Double {
        guard amax.isFinite, amax > 0 else { return 1 }
        let divisor = format == .nvfp4 ? tensorScaleDivisor : format.elementMax * format.scaleFormat.maxFinite
        let s = ElementFormat.fp32.roundedQuotientValue(ExactQuotient(amax, over: divisor),
                                                        rule: .nearestEven, overflow: .saturate)
        return s == 0 ? 0x1p-149 : s
    }

    /// The tensor scale `quantize` uses for `values` under `options`.
    public static func tensorScale(for values: [Double], format: BlockFormat = .nvfp4,
                                   options: BlockQuantizationOptions = .standard) -> Double {
        if let t = options.tensorScale, t.isFinite, t > 0 {
            let f = ElementFormat.fp32.decode(ElementFormat.fp32.encode(t, rule: .nearestEven, overflow: .saturate))
            return f == 0 ? 0x1p-149 : f
        }
        var amax = 0.0
        for v in values where v.isFinite { amax = max(amax, abs(v)) }
        return tensorScale(amax: amax, format: format)
    }

    /// The E4M3 block scale code for a block whose finite amax is `amax`:
    /// E4M3(amax / (6 · s_tensor)), RNE, saturating (for another `format`, its scale of amax / (E · s_tensor)).
    public static func blockScaleCode(amax: Double, tensorScale: Double, format: BlockFormat = .nvfp4) -> UInt32 {
        format.scaleFormat.roundQuotient(ExactQuotient(amax, over: format.elementMax * tensorScale), rule: .nearestEven,
                                         overflow: .saturate)
    }

    /// The 15 E2M1 values in increasing order, for the RaZeR midpoint rule.
    static let e2m1Table = MidpointTable(.e2m1)

    /// Quantizes one block (at most 16 values) against the tensor scale `tensorScale`.
    ///
    /// `rng` supplies one draw per element when `options.rounding` is `.stochastic` (default
    /// order only) and is left untouched otherwise.
    public static func quantizeBlock<C: Collection>(_ block: C, tensorScale: Double, format: BlockFormat = .nvfp4,
                                                    options: BlockQuantizationOptions = .standard,
                                                    rng: inout SplitMix64) -> QuantizedBlock where C.Element == Double {
        let element = format.element, scaleFormat = format.scaleFormat
        let stochastic = options.rounding.isStochastic && !options.razerOrder
        var amax = 0.0
        var poisoned = false
        for v in block {
            if v.isFinite { amax = max(amax, abs(v)) } else { poisoned = true }
        }
        if poisoned {
            if stochastic { for _ in block { _ = rng.nextDraw() } }
            return QuantizedBlock(scaleCode: scaleFormat.nanCode ?? 0x7F, scale: .nan, codes: [UInt8](repeating: 0, count: block.count),
                                  values: [Double](repeating: .nan, count: block.count))
        }
        let scaleCode = blockScaleCode(amax: amax, tensorScale: tensorScale, format: format)
        let scale = scaleFormat.decode(scaleCode)
        let combined = scale * tensorScale   // exact: ≤ 4 × 24 significant bits
        let unit = combined * pow2(format.elementExponentOffset)
        // Signed integer elements are clamped symmetrically (int4: never −8).
        let clampedCode: UInt32? = element.kind == "integer" && element.isSigned ? UInt32(1) << UInt32(element.bits - 1) : nil
        let table = format == .nvfp4 ? e2m1Table : MidpointTable(element)
        let razerFactor = format.elementMax * pow2(-format.elementExponentOffset)
        var codes: [UInt8] = []
        codes.reserveCapacity(block.count)
        for v in block {
            let draw = stochastic ? rng.nextDraw() : 0
            var code: UInt32
            if options.razerOrder {
                code = amax == 0 ? element.zeroCode(negative: false)
                    : table.code(of: ExactQuotient(v, times: razerFactor, over: amax))
            } else if combined == 0 {
                code = element.zeroCode(negative: v.sign == .minus)
            } else {
                code = element.roundQuotient(ExactQuotient(v, over: unit), rule: options.rounding,
                                             overflow: options.overflow, draw: draw)
            }
            if code == clampedCode { code += 1 }
            codes.append(UInt8(truncatingIfNeeded: code))
        }
        let values = codes.map { element.decode(UInt32($0)) * unit }
        return QuantizedBlock(scaleCode: scaleCode, scale: scale, codes: codes, values: values)
    }
}
