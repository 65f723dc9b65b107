import NumberFormats

/// A floating-point format as the FP primitives implement it: sign, `e` exponent bits, `m`
/// fraction bits, bias 2^(e−1) − 1, subnormals, round to nearest even, and one of three sets
/// of specials (`Specials`): IEEE (Inf, NaN; overflow to Inf), E4M3's (no Inf,
/// NaN = S.1111.111, overflow saturates to the largest finite) or none (E2M1: every code a
/// number, overflow saturates). A NaN result is NumberFormats' canonical NaN (`nanCode`).
///
/// The reference is `FormatArithmetic` on the NumberFormats format of the same name, with
/// the overflow policy above (E5M2 is built with IEEE overflow to Inf; NumberFormats' OCP
/// default for it is saturation, so the reference passes `.infinity` explicitly).
///
/// ```swift
/// let f = FloatPrimitiveFormat.fp16
/// f.width          // 16
/// f.infinityField  // 0x7C00
/// f.maxFinite      // 0x7BFF
/// ```
public struct FloatPrimitiveFormat: Sendable {
    /// The special codes of a format.
    public enum Specials: String, Sendable {
        /// All-ones exponent: Inf (zero fraction) or NaN; overflow goes to Inf.
        case ieee
        /// No Inf; only S.1…1 is NaN; overflow saturates (OCP E4M3).
        case nanAllOnes
        /// No Inf, no NaN; overflow saturates (OCP E2M1).
        case none
    }

    public let name: String
    public let e: Int
    public let m: Int
    public let specials: Specials
    public let format: ElementFormat

    public static let fp16 = FloatPrimitiveFormat(name: "fp16", e: 5, m: 10, specials: .ieee, format: .fp16)
    public static let bf16 = FloatPrimitiveFormat(name: "bf16", e: 8, m: 7, specials: .ieee, format: .bf16)
    public static let fp32 = FloatPrimitiveFormat(name: "fp32", e: 8, m: 23, specials: .ieee, format: .fp32)
    public static let e5m2 = FloatPrimitiveFormat(name: "e5m2", e: 5, m: 2, specials: .ieee, format: .e5m2)
    public static let e4m3 = FloatPrimitiveFormat(name: "e4m3", e: 4, m: 3, specials: .nanAllOnes, format: .e4m3)
    public static let e2m1 = FloatPrimitiveFormat(name: "e2m1", e: 2, m: 1, specials: .none, format: .e2m1)
    public static let all = [fp16, bf16, fp32, e5m2, e4m3, e2m1]

    /// IEEE specials.
    public var ieee: Bool { specials == .ieee }

    public var width: Int { 1 + e + m }
    public var bias: Int { (1 << (e - 1)) - 1 }
    var signBit: UInt64 { UInt64(1) << UInt64(e + m) }
    /// All-ones exponent, zero fraction (IEEE +Inf).
    public var infinityField: UInt64 { ((UInt64(1) << UInt64(e)) - 1) << UInt64(m) }
    /// The largest finite magnitude's code.
    public var maxFinite: UInt64 {
        switch specials {
        case .ieee: return infinityField - 1
        case .nanAllOnes: return (UInt64(1) << UInt64(e + m)) - 2
        case .none: return (UInt64(1) << UInt64(e + m)) - 1
        }
    }
    /// The smallest {exponent, fraction} that overflows: Inf's code, the NaN code, or one past
    /// the largest code.
    public var overflowLimit: UInt64 {
        switch specials {
        case .ieee: return infinityField
        case .nanAllOnes: return (UInt64(1) << UInt64(e + m)) - 1
        case .none: return UInt64(1) << UInt64(e + m)
        }
    }
    /// The canonical NaN code.
    public var nan: UInt64 { UInt64(format.nanCode ?? 0) }
    public var overflow: OverflowPolicy { ieee ? .infinity : .saturate }

    /// The reference sum, `a + b` rounded once (RNE).
    public func add(_ a: UInt64, _ b: UInt64) -> UInt64 {
        UInt64(FormatArithmetic.add(format.decode(UInt32(a)), format.decode(UInt32(b)), to: format, rule: .nearestEven, overflow: overflow))
    }

    /// The reference product, `a · b` rounded once (RNE).
    public func mul(_ a: UInt64, _ b: UInt64) -> UInt64 {
        UInt64(FormatArithmetic.mul(format.decode(UInt32(a)), format.decode(UInt32(b)), to: format, rule: .nearestEven, overflow: overflow))
    }

    /// Corner-case magnitudes: zero, the smallest and largest subnormal, the smallest normal,
    /// one, one ulp above one, the largest finite, and (IEEE) Inf, the canonical NaN and a
    /// signalling-pattern NaN; (E4M3) the NaN.
    public var specialMagnitudes: [UInt64] {
        let minNormal = UInt64(1) << UInt64(m)
        let one = UInt64(bias) << UInt64(m)
        var list: [UInt64] = [0, 1, minNormal - 1, minNormal, minNormal + 1, one, one + 1, maxFinite, maxFinite - 1]
        switch specials {
        case .ieee: list += [infinityField, nan, infinityField | 1]
        case .nanAllOnes: list.append(nan)
        case .none: break
        }
        return list
    }

    /// Every pair of ± corner cases.
    public var specialPairs: [[UInt64]] {
        let signed = specialMagnitudes.flatMap { [$0, $0 | signBit] }
        return signed.flatMap { a in signed.map { b in [a, b] } }
    }

    /// A random code for checks: uniform codes, or codes with a narrow exponent field
    /// (subnormals, the bottom and top of the range), with the fraction's low bits often
    /// all zeros or all ones (round-to-even ties and carries).
    public func randomCode(_ rng: inout SplitMix64) -> UInt64 {
        let mask = (UInt64(1) << UInt64(width)) - 1
        let r = rng.next()
        var frac = rng.next() & ((UInt64(1) << UInt64(m)) - 1)
        switch (r >> 8) & 3 {
        case 0: frac &= ~((UInt64(1) << UInt64((r >> 16) % UInt64(m + 1))) - 1)
        case 1: frac |= (UInt64(1) << UInt64((r >> 16) % UInt64(m + 1))) - 1
        default: break
        }
        let top = UInt64((1 << e) - 1)
        let exponent: UInt64
        switch r & 7 {
        case 0: exponent = (r >> 24) % 3                         // subnormal, 1, 2
        case 1: exponent = top - (r >> 24) % 3                   // the top of the range
        case 2: exponent = UInt64(bias) + (r >> 24) % 5 - 2      // around one
        default: return rng.next() & mask
        }
        return ((r >> 40) & 1) << UInt64(e + m) | exponent << UInt64(m) | frac
    }

    /// A random pair for checks: independent codes, or (one in four) a second operand whose
    /// exponent is within ±3 of the first's, so additions cancel and carry.
    public func randomPair(_ rng: inout SplitMix64) -> [UInt64] {
        let a = randomCode(&rng)
        var b = randomCode(&rng)
        if rng.next() & 3 == 0 {
            let ea = Int((a >> UInt64(m)) & UInt64((1 << e) - 1))
            let eb = min(max(ea + Int(rng.next() % 7) - 3, 0), (1 << e) - 1)
            b = (b & ~(UInt64((1 << e) - 1) << UInt64(m))) | UInt64(eb) << UInt64(m)
        }
        return [a, b]
    }
}
