/// Per-group weight quantizers for B[K×N] (row-major, groups of `groupSize` rows along K per
/// column; the last group may be partial). Every quotient is rounded once, exactly
/// (`ExactQuotient`), so results are bit-identical everywhere. Weights must be finite.
///
/// - `asymmetric` (uint b, zero point; GPTQ/AWQ-style, MixPE / LUT Tensor Core W4):
///   min and max of the group are first extended to include 0 (GPTQ's
///   `xmin = min(xmin, 0)`, `xmax = max(xmax, 0)`), so 0 is exactly representable and no code
///   saturates by construction; scale = RN_fp16((max − min) / (2^b − 1)) (the difference is
///   exact: the quotient of the exact sum is rounded once); z = clamp(RNE(−min / scale), 0, 2^b − 1);
///   q = clamp(RNE(w / scale) + z, 0, 2^b − 1). An all-zero group has scale 0, z = 0, q = 0.
/// - `symmetric` (int b): scale = RN_fp16(amax / qmax), qmax = 2^(b−1) − 1;
///   q = clamp(RNE(w / scale), −qmax, qmax) (the code −2^(b−1) is never produced).
/// - `ternary` (BitNet b1.58 absmean): γ = RN_fp16(max(mean|w|, 1e−5)) with the mean exact;
///   q = clamp(RNE(w / γ), −1, 1), codes as int2 (−1 = 0b11). Per tensor by default
///   (`groupSize: nil`, BitNet's granularity) or per group.
/// - `block` (MXFP4, NVFP4, any `BlockFormat`): each column is quantized along K in blocks of
///   the format (groupSize = blockSize); NVFP4's tensor scale is taken over the whole matrix;
///   stochastic rounding uses the stream `options.seed + column` for each column.
///
/// A scale that would round to 0 while the group is not all zero becomes the smallest
/// positive value of the scale format (2^-24 for FP16); one beyond the scale format's range
/// saturates (65504 for FP16). RNE = round half to even.
///
/// ```swift
/// // one column, one group of 4: min −1, max 2 → scale = 3/15 = 0.2 → FP16 0.199951171875
/// let q = try WeightQuantizer.asymmetric([-1, 0, 0.5, 2], k: 4, n: 1, bits: 4, groupSize: 4)
/// q.zeroPoints      // [5]            (RNE(1/0.19995…) = RNE(5.0012) = 5)
/// q.codes           // [0, 5, 8, 15]  (−5.0012→−5, 0, 2.5006→3, 10.0024→10; + 5)
/// ```
public enum WeightQuantizer {
    /// Asymmetric unsigned quantization with a zero point (bits 1…8, default uint4, G = 128).
    public static func asymmetric(_ w: [Double], k: Int, n: Int, bits: Int = 4, groupSize: Int = 128,
                                  scaleFormat: ElementFormat = .fp16) throws(QuantizationError) -> GroupQuantizedWeights {
        try QuantizationError.check(count: w.count, rows: k, columns: n, groupSize: groupSize)
        guard (1...8).contains(bits) else { throw .unsupportedBits(bits) }
        try QuantizationError.checkFinite(w)
        let levels = Double((1 << bits) - 1)
        let uintFormat = ElementFormat.uint(bits)
        var codes = [UInt8](repeating: 0, count: k * n)
        let groups = (k + groupSize - 1) / groupSize
        var scales = [Double](repeating: 0, count: groups * n)
        var scaleCodes = [UInt32](repeating: scaleFormat.zeroCode(negative: false), count: groups * n)
        var zeros = [UInt8](repeating: 0, count: groups * n)
        for g in 0..<groups {
            let rows = (g * groupSize)..<min((g + 1) * groupSize, k)
            for c in 0..<n {
                var lo = 0.0, hi = 0.0
                for r in rows {
                    lo = min(lo, w[r * n + c])
                    hi = max(hi, w[r * n + c])
                }
                guard hi > lo else { continue }   // all-zero group: scale 0, z 0, q 0
                let (sc, scale) = positiveScale(ExactQuotient(sum: [hi, -lo], over: levels), format: scaleFormat)
                let z = uintFormat.roundQuotient(ExactQuotient(-lo, over: scale), rule: .nearestEven, overflow: .saturate)
                scales[g * n + c] = scale
                scaleCodes[g * n + c] = sc
                zeros[g * n + c] = UInt8(z)
                for r in rows {
                    let q = ExactQuotient.nearestEvenInteger(w[r * n + c], over: scale) + Double(z)
                    codes[r * n + c] = UInt8(clamped(q, 0, levels))
                }
            }
        }
        return GroupQuantizedWeights(scheme: .asymmetric(bits: bits), k: k, n: n, groupSize: groupSize, codes: codes,
                                     scales: scales, scaleCodes: scaleCodes, zeroPoints: zeros)
    }

    /// Symmetric signed quantization (bits 2…8, e.g. int4 with q ∈ [−7, 7], int8 with [−127, 127]).
    public static func symmetric(_ w: [Double], k: Int, n: Int, bits: Int = 4, groupSize: Int = 128,
                                 scaleFormat: ElementFormat = .fp16) throws(QuantizationError) -> GroupQuantizedWeights {
        try QuantizationError.check(count: w.count, rows: k, columns: n, groupSize: groupSize)
        guard (2...8).contains(bits) else { throw .unsupportedBits(bits) }
        try QuantizationError.checkFinite(w)
        let qmax = Double((1 << (bits - 1)) - 1)
        var codes = [UInt8](repeating: 0, count: k * n)
        let groups = (k + groupSize - 1) / groupSize
        var scales = [Double](repeating: 0, count: groups * n)
        var scaleCodes = [UInt32](repeating: scaleFormat.zeroCode(negative: false), count: groups * n)
        // Row by row (B is row-major): each group's column maxima, then its scales, then its
        // codes; the same values as column by column (a maximum does not depend on order).
        var amax = [Double](repeating: 0, count: n)
        w.withUnsafeBufferPointer { wp in
            codes.withUnsafeMutableBufferPointer { cp in
                for g in 0..<groups {
                    let rows = (g * groupSize)..<min((g + 1) * groupSize, k)
                    for c in 0..<n { amax[c] = 0 }
                    for r in rows {
                        for c in 0..<n { amax[c] = max(amax[c], abs(wp[r * n + c])) }
                    }
                    for c in 0..<n where amax[c] > 0 {
                        let (sc, scale) = positiveScale(ExactQuotient(amax[c], over: qmax), format: scaleFormat)
                        scales[g * n + c] = scale
                        scaleCodes[g * n + c] = sc
                    }
                    for r in rows {
                        for c in 0..<n where amax[c] > 0 {
                            let q = ExactQuotient.nearestEvenInteger(wp[r * n + c], over: scales[g * n + c])
                            cp[r * n + c] = twosComplement(clamped(q, -qmax, qmax), bits: bits)
                        }
                    }
                }
            }
        }
        return GroupQuantizedWeights(scheme: .symmetric(bits: bits), k: k, n: n, groupSize: groupSize, codes: codes,
                                     scales: scales, scaleCodes: scaleCodes)
    }

    /// Ternary quantization with an absmean scale (BitNet b1.58); per tensor when `groupSize`
    /// is nil (then `groupSize == k` and every column carries the same scale).
    public static func ternary(_ w: [Double], k: Int, n: Int, groupSize: Int? = nil,
                               scaleFormat: ElementFormat = .fp16) throws(QuantizationError) -> GroupQuantizedWeights {
        try QuantizationError.check(count: w.count, rows: k, columns: n, groupSize: groupSize)
        try QuantizationError.checkFinite(w)
        let size = groupSize ?? k
        let groups = (k + size - 1) / size
        var codes = [UInt8](repeating: 0, count: k * n)
        var scales = [Double](repeating: 0, count: groups * n)
        var scaleCodes = [UInt32](repeating: 0, count: groups * n)
        func gamma(_ magnitudes: [Double]) -> (UInt32, Double) {
            let mean = ExactQuotient(sum: magnitudes, over: Double(magnitudes.count))
            let clamped = mean.compare(1e-5) < 0 ? ExactQuotient(1e-5, over: 1) : mean
            return positiveScale(clamped, format: scaleFormat)
        }
        let tensorGamma = groupSize == nil ? gamma(w.map { abs($0) }) : nil
        for g in 0..<groups {
            let rows = (g * size)..<min((g + 1) * size, k)
            for c in 0..<n {
                let (sc, scale) = tensorGamma ?? gamma(rows.map { abs(w[$0 * n + c]) })
                scales[g * n + c] = scale
                scaleCodes[g * n + c] = sc
                for r in rows {
                    let q = ExactQuotient.nearestEvenInteger(w[r * n + c], over: scale)
                    codes[r * n + c] = twosComplement(clamped(q, -1, 1), bits: 2)
                }
            }
        }
        return GroupQuantizedWeights(scheme: .ternary, k: k, n: n, groupSize: size, codes: codes,
                                     scales: scales, scaleCodes: scaleCodes)
    }

    /// Block-format quantization along K: each column is a vector of K values quantized in
    /// blocks of `format.blockSize`. NVFP4's tensor scale covers the whole matrix (unless
    /// `options.tensorScale` is given).
    public static func block(_ w: [Double], k: Int, n: Int, format: BlockFormat,
                             options: BlockQuantizationOptions = .standard) throws(QuantizationError) -> GroupQuantizedWeights {
        try QuantizationError.check(count: w.count, rows: k, columns: n)
        var opts = options
        if format.scaling == .twoLevel { opts.tensorScale = NVFP4Quantizer.tensorScale(for: w, format: format, options: options) }
        let groups = format.blockCount(elements: k)
        var codes = [UInt8](repeating: 0, count: k * n)
        var scales = [Double](repeating: 0, count: groups * n)
        var scaleCodes = [UInt32](repeating: 0, count: groups * n)
        var tensorScale = 1.0
        for c in 0..<n {
            // Stochastic streams are per column: seed + column index.
            opts.seed = options.seed &+ UInt64(c)
            let t = format.quantize((0..<k).map { w[$0 * n + c] }, options: opts)
            tensorScale = t.tensorScale
            for (g, b) in t.blocks.enumerated() {
                scaleCodes[g * n + c] = b.scaleCode
                scales[g * n + c] = b.scale * t.tensorScale
                for (i, code) in b.codes.enumerated() { codes[(g * format.blockSize + i) * n + c] = code }
            }
        }
        return GroupQuantizedWeights(scheme: .block(format), k: k, n: n, groupSize: format.blockSize, codes: codes,
                                     scales: scales, scaleCodes: scaleCodes, tensorScale: tensorScale)
    }

    /// The scale code and value of `q` rounded once (RNE, saturating) to `format`, never 0:
    /// a quotient below half the smallest subnormal takes the smallest positive value.
    static func positiveScale(_ q: ExactQuotient, format: ElementFormat) -> (UInt32, Double) {
        var code = format.roundQuotient(q, rule: .nearestEven, overflow: .saturate)
        if format.decode(code) == 0 { code = 1 }   // the smallest positive subnormal of a float format
        return (code, format.decode(code))
    }

    /// The integer `q` clamped to [lo, hi] (small integers); NaN → 0. Never traps.
    static func clamped(_ q: Double, _ lo: Double, _ hi: Double) -> Int {
        if q.isNaN { return 0 }
        return Int(Swift.min(Swift.max(q, lo), hi))
    }

    /// The `bits`-bit two's-complement code of the integer `q`.
    static func twosComplement(_ q: Int, bits: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: q & ((1 << bits) - 1))
    }
}
