/// Activation quantizers for A[M×K] (row-major, one row per token). Every quotient is rounded
/// once, exactly. Scales are FP32.
///
/// - `perTokenInt8`: per row, scale = RN_fp32(amax_row / 127) (amax over finite values);
///   q = clamp(RNE(a / scale), −127, 127). NaN → 0, ±∞ → ±127. An all-zero row has scale 0.
/// - `fp16`: pass-through, each value rounded to FP16 (RNE, overflow to ±∞); scale 1.
/// - `hif8`: per-tensor scale = RN_fp32(amax / 32768) so the largest magnitude maps onto
///   HiF8's largest finite value (2^15), or a caller-given scale (rounded to FP32);
///   codes = HiF8(a / scale) with TA (round half away), overflow to ±∞ (the defaults of NumberFormats/README.md, "HiFloat8").
///   A zero tensor gets scale 1. NaN → 0x80, ±∞ → 0x6F / 0xEF.
/// - `block`: each row is a `BlockFormat` vector along K (MXFP4, NVFP4, …); NVFP4's tensor
///   scale is taken over the whole A (unless `options.tensorScale` is set).
///
/// ```swift
/// let q = try ActivationQuantizer.perTokenInt8([1.0, -0.5, 2.54, 0], m: 2, k: 2)
/// q.scales[0] == Double(Float(1.0 / 127))   // amax 1 → 1/127 in FP32
/// q.code(row: 0, column: 0)                 // 127
/// q.code(row: 0, column: 1)                 // 0xC0: −0.5 / RN_fp32(1/127) = −63.50000024 → −64
/// try ActivationQuantizer.hif8([1, 2], m: 1, k: 2).scales   // [2/32768 = 2^-14]
/// ```
public enum ActivationQuantizer {
    /// Per-token symmetric INT8 (throws when `values.count != m·k` or a dimension is not positive).
    public static func perTokenInt8(_ values: [Double], m: Int, k: Int) throws(QuantizationError) -> QuantizedActivations {
        try QuantizationError.check(count: values.count, rows: m, columns: k)
        let int8 = ElementFormat.int(8), fp32 = ElementFormat.fp32
        var codes = [UInt16](repeating: 0, count: m * k)
        var scales = [Double](repeating: 0, count: m)
        var scaleCodes = [UInt32](repeating: 0, count: m)
        for r in 0..<m {
            var amax = 0.0
            for c in 0..<k where values[r * k + c].isFinite { amax = max(amax, abs(values[r * k + c])) }
            var scale = 0.0
            if amax > 0 {
                let (code, s) = WeightQuantizer.positiveScale(ExactQuotient(amax, over: 127), format: fp32)
                scaleCodes[r] = code
                scale = s
            }
            scales[r] = scale
            for c in 0..<k {
                let a = values[r * k + c]
                var q: Double
                if a.isNaN || scale == 0 {
                    q = a.isInfinite ? (a > 0 ? 127 : -127) : 0
                } else if a.isInfinite {
                    q = a > 0 ? 127 : -127
                } else {
                    q = ExactQuotient.nearestEvenInteger(a, over: scale)
                }
                q = min(max(q, -127), 127)
                codes[r * k + c] = int8Code(q)
            }
        }
        return QuantizedActivations(m: m, k: k, format: int8, codes: codes, scales: scales, scaleCodes: scaleCodes,
                                    scaleFormat: fp32, granularity: .perToken)
    }

    /// The int8 code of an integer `q` in −127…127: its 8-bit two's complement, what
    /// `ElementFormat.int(8).encode(q)` gives (e.g. −64 → 0xC0, 127 → 0x7F), without the
    /// general rounding path; anything else goes through `encode` (never traps).
    @inline(__always)
    static func int8Code(_ q: Double) -> UInt16 {
        if q >= -127, q <= 127, q == q.rounded(.towardZero) { return UInt16(UInt8(bitPattern: Int8(q))) }
        return UInt16(ElementFormat.int(8).encode(q))
    }

    /// FP16 pass-through: every value rounded to FP16 (RNE, IEEE overflow to ±∞), scale 1.
    public static func fp16(_ values: [Double], m: Int, k: Int) throws(QuantizationError) -> QuantizedActivations {
        try QuantizationError.check(count: values.count, rows: m, columns: k)
        let f = ElementFormat.fp16
        let codes = values.map { UInt16(f.encode($0, rule: .nearestEven, overflow: .infinity)) }
        return QuantizedActivations(m: m, k: k, format: f, codes: codes, scales: [1], scaleCodes: [0x3F80_0000],
                                    scaleFormat: .fp32, granularity: .perTensor)
    }

    /// HiF8 with one per-tensor scale; TA rounding.
    ///
    /// HiF8's precision is tapered: 3 mantissa bits for |exponent| ≤ 3, only 1 bit beyond 7.
    /// The default scale is therefore the power of two 2^e that puts the tensor's RMS at
    /// 2^0 (e = floor(log2 rms)), raised only as far as needed to keep amax below 2^15 so
    /// nothing overflows (e ≥ floor(log2 amax) − 14). A power of two keeps every quotient exact.
    public static func hif8(_ values: [Double], m: Int, k: Int, scale: Double? = nil) throws(QuantizationError) -> QuantizedActivations {
        try QuantizationError.check(count: values.count, rows: m, columns: k)
        let f = ElementFormat.hif8, fp32 = ElementFormat.fp32
        var scaleCode: UInt32
        if let s = scale, s.isFinite, s > 0 {
            scaleCode = fp32.encode(s, rule: .nearestEven, overflow: .saturate)
            if fp32.decode(scaleCode) == 0 { scaleCode = 1 }
        } else {
            var amax = 0.0, sumSquares = 0.0, finiteCount = 0
            for v in values where v.isFinite {
                amax = max(amax, abs(v))
                sumSquares += v * v
                finiteCount += 1
            }
            if amax > 0 {
                let rms = (sumSquares / Double(finiteCount)).squareRoot()
                let e = max(Int(rms.exponent), Int(amax.exponent) - 14)
                scaleCode = fp32.encode(Double(sign: .plus, exponent: min(max(e, -126), 127), significand: 1))
            } else {
                scaleCode = 0x3F80_0000
            }
        }
        let s = fp32.decode(scaleCode)
        let codes = values.map { v -> UInt16 in
            if !v.isFinite { return UInt16(f.encode(v)) }
            return UInt16(f.roundQuotient(ExactQuotient(v, over: s), rule: .nearestAway, overflow: .infinity))
        }
        return QuantizedActivations(m: m, k: k, format: f, codes: codes, scales: [s], scaleCodes: [scaleCode],
                                    scaleFormat: fp32, granularity: .perTensor)
    }

    /// Each row as a block-format vector along K (throws on a shape mismatch). Stochastic streams
    /// are per row: `options.seed + row`.
    public static func block(_ values: [Double], m: Int, k: Int, format: BlockFormat,
                             options: BlockQuantizationOptions = .standard) throws(QuantizationError) -> [QuantizedTensor] {
        try QuantizationError.check(count: values.count, rows: m, columns: k)
        var opts = options
        if format.scaling == .twoLevel { opts.tensorScale = NVFP4Quantizer.tensorScale(for: values, format: format, options: options) }
        return (0..<m).map { r in
            opts.seed = options.seed &+ UInt64(r)
            return format.quantize(Array(values[(r * k)..<((r + 1) * k)]), options: opts)
        }
    }
}
