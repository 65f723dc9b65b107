/// BitMoD mixed-datatype weight quantization (NumberFormats/README.md, "BitMoD datatypes"), following
/// the reference `quant_datatype` / `search_datatype` of `yc2367/BitMoD`
/// (`wiki_c4_ppl/quant_utils/quant_weight_double.py`), made exact.
///
/// For each column c (an output channel) and each group g along K, with amax_g = max |w| of
/// the group and M = max_g amax_g, every candidate datatype d (in list order) is tried:
/// 1. qmax_d = max |value| of d (real E2M1 / FP3 units: 6 for ER FP4, 8 for EA FP4, 4 and 6
///    for FP3 — the reference's ×2 units give the same mapping and dequantized weights).
/// 2. Each w maps to the listed value v_i with mid_{i−1} < w/scale_fp ≤ mid_i, where
///    scale_fp = amax_g / qmax_d is *not* rounded: the comparison w·qmax_d ≤ mid·amax_g is
///    exact, so an exact midpoint goes to the lower (more negative) value.
/// 3. Two-level scale: s_ch(d) = RN_fp16(M / (qmax_d · (2^scaleBits − 1))) per column and
///    datatype (the reference computes it per candidate), q_scale = clamp(RNE(scale_fp / s_ch),
///    0, 2^scaleBits − 1), both rounded once.
/// 4. Dequantized weight = v · s_ch · q_scale (exact in `Double`); the group's error is the
///    sum of squared errors Σ (v·s_ch·q_scale − w)², accumulated in `Double` in row order
///    (same group size for all candidates, so it orders like the MSE).
/// The group keeps the candidate with the smallest error; strict `<`, so the first wins ties.
/// An all-zero group gets zero codes, q_scale 0 and the first candidate.
///
/// Codes are the candidate lookup formats' codes: the −0 code (0b1000 / 0b100) is the
/// special value, and `datatypes` holds the candidate index (0 = er-pos, 1 = er-neg,
/// 2 = ea-pos, 3 = ea-neg for the default lists).
///
/// ```swift
/// let q = try BitMoDQuantizer.quantize(w, k: 256, n: 32)   // 4-bit, G = 128, 8-bit q_scale
/// q.datatypes[0]                       // chosen datatype of group 0, column 0
/// q.datatypeFormats[Int(q.datatypes[0])].name   // e.g. "bitmod-fp4-ea-neg"
/// // midpoint rule: 4.5 lies halfway between 4 and 5 in er-pos → 4 (the lower)
/// BitMoDQuantizer.code(for: 4.5, amax: 6, format: .bitmodFP4ErPos)   // code of 4.0 (0x6)
/// ```
public enum BitMoDQuantizer {
    /// The 4-bit candidates in selection order: er-pos, er-neg, ea-pos, ea-neg.
    public static let fp4Candidates: [ElementFormat] = [.bitmodFP4ErPos, .bitmodFP4ErNeg, .bitmodFP4EaPos, .bitmodFP4EaNeg]
    /// The 3-bit candidates in selection order: er-pos, er-neg, ea-pos, ea-neg.
    public static let fp3Candidates: [ElementFormat] = [.bitmodFP3ErPos, .bitmodFP3ErNeg, .bitmodFP3EaPos, .bitmodFP3EaNeg]

    /// The default candidates for 3- or 4-bit weights, or nil.
    public static func candidates(bits: Int) -> [ElementFormat]? {
        switch bits {
        case 3: return fp3Candidates
        case 4: return fp4Candidates
        default: return nil
        }
    }

    /// qmax of a datatype: the largest |value| it lists.
    public static func qmax(_ format: ElementFormat) -> Double { max(abs(format.minFinite), abs(format.maxFinite)) }

    /// The code `w` maps to under the midpoint rule, with scale_fp = amax / qmax(format)
    /// (ties to the lower value; the zero code when amax is 0).
    public static func code(for w: Double, amax: Double, format: ElementFormat) -> UInt8 {
        let table = MidpointTable(format)
        guard amax > 0 else { return UInt8(truncatingIfNeeded: format.zeroCode(negative: false)) }
        return UInt8(truncatingIfNeeded: table.code(of: ExactQuotient(w, times: qmax(format), over: amax)))
    }

    /// Quantizes B[K×N] (row-major) with per-group datatype selection.
    ///
    /// - Parameters:
    ///   - bits: 3 or 4 (selects the default candidate list when `candidates` is nil).
    ///   - candidates: lookup datatypes to choose from, in priority order (at most 256; all of
    ///     `bits` bits). One candidate gives plain single-datatype quantization.
    ///   - scaleBits: bits of the integer group scale q_scale (1…16, default 8).
    ///   - channelScaleFormat: format of s_ch (default FP16).
    public static func quantize(_ w: [Double], k: Int, n: Int, bits: Int = 4, groupSize: Int = 128,
                                scaleBits: Int = 8, candidates: [ElementFormat]? = nil,
                                channelScaleFormat: ElementFormat = .fp16) throws(QuantizationError) -> GroupQuantizedWeights {
        try QuantizationError.check(count: w.count, rows: k, columns: n, groupSize: groupSize)
        guard let formats = candidates ?? Self.candidates(bits: bits), !formats.isEmpty, formats.count <= 256 else {
            throw .unsupportedBits(bits)
        }
        guard (1...16).contains(scaleBits) else { throw .unsupportedBits(scaleBits) }
        for f in formats where f.kind != "lookup" || f.bits != bits { throw .unsupportedFormat(f.name) }
        try QuantizationError.checkFinite(w)

        let tables = formats.map(MidpointTable.init)
        let qmaxes = formats.map(qmax)
        let scaleFormat = ElementFormat.uint(scaleBits)
        let scaleLevels = Double((1 << scaleBits) - 1)
        let groups = (k + groupSize - 1) / groupSize
        let cands = formats.count
        var codes = [UInt8](repeating: 0, count: k * n)
        var scales = [Double](repeating: 0, count: groups * n)
        var scaleCodes = [UInt32](repeating: 0, count: groups * n)
        var datatypes = [UInt8](repeating: 0, count: groups * n)
        var channelScales = [Double](repeating: 0, count: n * cands)
        var amaxes = [Double](repeating: 0, count: groups)
        var trial = [UInt8](repeating: 0, count: groupSize)
        var best = [UInt8](repeating: 0, count: groupSize)

        for c in 0..<n {
            for g in 0..<groups {
                var a = 0.0
                for r in (g * groupSize)..<min((g + 1) * groupSize, k) { a = max(a, abs(w[r * n + c])) }
                amaxes[g] = a
            }
            let channelMax = amaxes.max() ?? 0
            for d in 0..<cands where channelMax > 0 {
                channelScales[c * cands + d] = WeightQuantizer.positiveScale(
                    ExactQuotient(channelMax, over: qmaxes[d] * scaleLevels), format: channelScaleFormat).1
            }
            for g in 0..<groups {
                let rows = (g * groupSize)..<min((g + 1) * groupSize, k)
                let amax = amaxes[g]
                guard amax > 0 else {
                    let zero = UInt8(truncatingIfNeeded: formats[0].zeroCode(negative: false))
                    for r in rows { codes[r * n + c] = zero }
                    continue
                }
                var bestError = Double.infinity
                var bestScale: UInt32 = 0
                var bestIndex = -1
                for d in 0..<cands {
                    let sch = channelScales[c * cands + d]
                    let qs = scaleFormat.roundQuotient(ExactQuotient(amax, over: qmaxes[d] * sch),
                                                       rule: .nearestEven, overflow: .saturate)
                    let effective = sch * Double(qs)
                    var error = 0.0
                    for (i, r) in rows.enumerated() {
                        let x = w[r * n + c]
                        let code = tables[d].code(of: ExactQuotient(x, times: qmaxes[d], over: amax))
                        trial[i] = UInt8(truncatingIfNeeded: code)
                        let e = formats[d].decode(code) * effective - x
                        error += e * e
                    }
                    if bestIndex < 0 || error < bestError {
                        bestError = error
                        bestScale = qs
                        bestIndex = d
                        swap(&trial, &best)
                    }
                }
                for (i, r) in rows.enumerated() { codes[r * n + c] = best[i] }
                scaleCodes[g * n + c] = bestScale
                datatypes[g * n + c] = UInt8(bestIndex)
                scales[g * n + c] = channelScales[c * cands + bestIndex] * Double(bestScale)
            }
        }
        return GroupQuantizedWeights(scheme: .bitmod(bits: bits), k: k, n: n, groupSize: groupSize, codes: codes,
                                     scales: scales, scaleCodes: scaleCodes, datatypes: datatypes,
                                     datatypeFormats: formats, channelScales: channelScales)
    }
}
