/// Block dot products of two quantized vectors (NumberFormats/README.md, "Block dot products").
///
/// MX: Dot(A, B) = Σ_blocks X_A · X_B · Σ_i P_A,i · P_B,i.
/// 1. Per block, Σ_i P_A,i · P_B,i is formed exactly as an integer (elements as integer
///    multiples of their smallest subnormal: E2M1 in units of 1/2, so products in units of 1/4;
///    MXINT8 in units of 2^-6) and scaled by 2^(eA + eB − 254) exactly (`ExactBlockSum`).
/// 2. That exact block value is rounded once to FP32 (RNE; overflow → ±∞).
/// 3. The block values are accumulated in FP32 from +0, left to right, each addition rounded
///    to FP32 RNE (IEEE `Float` addition).
///
/// NVFP4: the same, with the exact block value Σ_i P_A,i · P_B,i · s_blockA · s_blockB (the
/// E4M3 scales are included exactly before the one FP32 rounding); after the last block the
/// FP32 sum is multiplied by RN_fp32(s_tensorA · s_tensorB), rounded to FP32.
///
/// A NaN block scale makes that block (and so the dot product) NaN; NaN or ±∞ elements follow
/// IEEE arithmetic on the block's products.
///
/// ```swift
/// let a = BlockFormat.mxfp4.quantize(x), b = BlockFormat.mxfp4.quantize(y)
/// BlockDot.dot(a, b)                                              // Float?
/// BlockDot.blockProduct(a.blocks[0], b.blocks[0], format: .mxfp4) // first block, rounded once
/// ```
public enum BlockDot {
    /// The exact value of one block pair's contribution (scales included; NVFP4 tensor scales
    /// excluded). Elements past the shorter block are ignored.
    public static func exactBlockSum(_ a: QuantizedBlock, _ b: QuantizedBlock, format: BlockFormat) -> ExactBlockSum {
        // Scales come from the codes (the hardware's view), not from the `scale` fields.
        let sa = format.scaleFormat.decode(a.scaleCode), sb = format.scaleFormat.decode(b.scaleCode)
        if sa.isNaN || sb.isNaN { return ExactBlockSum(high: 0, low: 0, exponent: 0, special: .nan) }
        let n = min(a.codes.count, b.codes.count)
        let elementCount = format.elementIntegers.count
        var finite = true
        for i in 0..<n {
            let ca = Int(a.codes[i]), cb = Int(b.codes[i])
            if ca >= elementCount || cb >= elementCount || !format.elementIsFinite[ca] || !format.elementIsFinite[cb] {
                finite = false
                break
            }
        }
        if !finite {
            // IEEE semantics on the decoded products: NaN, or ±∞ (∞ − ∞ = NaN); a code outside
            // the element format also gives NaN.
            var s = 0.0
            for i in 0..<n {
                s += format.element.decode(UInt32(a.codes[i])) * format.element.decode(UInt32(b.codes[i]))
            }
            return ExactBlockSum(high: 0, low: 0, exponent: 0, special: s.isFinite ? .nan : s)
        }
        var high: Int64 = 0
        var low: UInt64 = 0
        for i in 0..<n {
            let p = format.elementIntegers[Int(a.codes[i])].multipliedFullWidth(by: format.elementIntegers[Int(b.codes[i])])
            let (l, carry) = low.addingReportingOverflow(p.low)
            low = l
            high = high &+ p.high &+ (carry ? 1 : 0)
        }
        var exponent = 2 * format.elementUnitExponent
        switch format.scaling {
        case .sharedExponent:
            // E8M0: 2^(code − 127) (0xFF, the only NaN, was handled above).
            exponent += Int(a.scaleCode & 0xFF) - 127 + Int(b.scaleCode & 0xFF) - 127
        case .twoLevel where format.scaleFormat == .e4m3:
            // Every finite E4M3 value is an integer times 2^-9 (|integer| ≤ 229 376); the E2M1
            // element sum fits in 64 bits (|Σ| ≤ 144 per element pair).
            let ia = Int64(sa * 0x1p9), ib = Int64(sb * 0x1p9)
            let sum = Int64(bitPattern: low)
            let p = sum.multipliedFullWidth(by: ia * ib)
            high = p.high
            low = p.low
            exponent -= 18
        case .twoLevel:
            // UE4M3, UE5M3: each scale is an integer below 2^8 times 2^(e − 7) (4 significant
            // bits); the element sum (|Σ| < 2^20 for int4, E2M1, MXINT8 blocks) times both stays in 64 bits.
            func split(_ s: Double) -> (Int64, Int) {
                if s == 0 { return (0, 0) }
                let e = Int(s.exponent)
                return (Int64(s * pow2(7 - e)), e - 7)
            }
            let (ia, ea) = split(sa), (ib, eb) = split(sb)
            let sum = Int64(bitPattern: low)
            let p = sum.multipliedFullWidth(by: ia * ib)
            high = p.high
            low = p.low
            exponent += ea + eb
        }
        return ExactBlockSum(high: high, low: low, exponent: exponent)
    }

    /// One block pair's contribution rounded once to FP32 (RNE).
    public static func blockProduct(_ a: QuantizedBlock, _ b: QuantizedBlock, format: BlockFormat) -> Float {
        exactBlockSum(a, b, format: format).roundedToFloat()
    }

    /// The dot product of two vectors of the same block format and length, or nil when the
    /// formats, lengths or block counts differ.
    public static func dot(_ a: QuantizedTensor, _ b: QuantizedTensor) -> Float? {
        guard a.format == b.format, a.count == b.count, a.blocks.count == b.blocks.count else { return nil }
        var acc: Float = 0
        for (x, y) in zip(a.blocks, b.blocks) {
            acc += blockProduct(x, y, format: a.format)
        }
        if a.format.scaling == .twoLevel {
            acc *= Float(a.tensorScale) * Float(b.tensorScale)
        }
        return acc
    }
}
