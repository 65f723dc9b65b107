/// How the code points of an element format map to values. Internal: the public face is
/// `ElementFormat`.
enum FormatLayout: Sendable, Hashable {
    /// Two's complement (signed) or plain binary (unsigned) integers.
    case integer(signed: Bool)
    /// A binary floating-point grid: IEEE-like minifloats, fp16/bf16/fp32 and e8m0.
    case float(FloatGrid)
    /// HiFloat8's tapered layout (numeric-units.md §2.2).
    case hif8
    /// An explicit table of values indexed by code (the BitMoD datatypes).
    case lookup(LookupTable)
}

/// Which special values a floating grid reserves.
enum FloatSpecials: Sendable, Hashable {
    /// The all-ones exponent field holds Inf (mantissa 0) and NaN (otherwise).
    case ieee
    /// Only S.1…1.1…1 is NaN (OCP FP8 E4M3); no infinity.
    case nanAllOnes
    /// No Inf and no NaN (E2M1, E2M3, E3M2).
    case none
    /// E8M0: unsigned, no zero, no subnormals, 0xFF is NaN.
    case e8m0
}

/// A binary floating-point grid described by its field widths.
struct FloatGrid: Sendable, Hashable {
    let exponentBits: Int
    let mantissaBits: Int
    let bias: Int
    let specials: FloatSpecials

    var signed: Bool { specials != .e8m0 }
    var totalBits: Int { (signed ? 1 : 0) + exponentBits + mantissaBits }
    /// The exponent of the smallest normal value.
    var minNormalExponent: Int { specials == .e8m0 ? -bias : 1 - bias }
    /// The largest finite value.
    var maxFinite: Double {
        let allOnes = (1 << exponentBits) - 1
        switch specials {
        case .ieee:
            return (2 - pow2(-mantissaBits)) * pow2(allOnes - 1 - bias)
        case .nanAllOnes:
            return (2 - pow2(1 - mantissaBits)) * pow2(allOnes - bias)
        case .none:
            return (2 - pow2(-mantissaBits)) * pow2(allOnes - bias)
        case .e8m0:
            return pow2(allOnes - 1 - bias)
        }
    }
    /// The exponent of the quantum (ulp) for a magnitude whose binade exponent is `e`.
    @inline(__always) func quantumExponent(binade e: Int) -> Int {
        max(e, minNormalExponent) - mantissaBits
    }
}

/// A sorted table of the finite values of a lookup format, with the code of each.
struct LookupTable: Sendable, Hashable {
    /// Value per code; `nil` where a code is unused.
    let valueByCode: [Double]
    /// Distinct finite values in increasing order, and a code for each.
    let sortedValues: [Double]
    let sortedCodes: [UInt32]

    init(valueByCode: [Double]) {
        self.valueByCode = valueByCode
        var pairs: [(Double, UInt32)] = []
        for (code, v) in valueByCode.enumerated() where !pairs.contains(where: { $0.0 == v }) {
            // The first code wins for a repeated value (so +0 beats a −0 alias).
            pairs.append((v, UInt32(code)))
        }
        pairs.sort { $0.0 < $1.0 }
        sortedValues = pairs.map(\.0)
        sortedCodes = pairs.map(\.1)
    }
}

/// 2^e as a Double, exact for −1074 ≤ e ≤ 1023.
@inline(__always) func pow2(_ e: Int) -> Double {
    if e >= -1022 { return Double(sign: .plus, exponentBitPattern: UInt(e + 1023), significandBitPattern: 0) }
    return Double(sign: .plus, exponentBitPattern: 0, significandBitPattern: UInt64(1) << UInt64(e + 1074))
}

/// The number of trailing zero bits of a finite Double's value in binary, used to decide
/// which of two tied neighbours is "even". Zero counts as infinitely even.
@inline(__always) func twoAdicValuation(_ v: Double) -> Int {
    if v == 0 { return Int.max }
    let sig = v.significandBitPattern | (v.exponentBitPattern == 0 ? 0 : (UInt64(1) << 52))
    let exp = v.exponentBitPattern == 0 ? -1074 : Int(v.exponentBitPattern) - 1075
    return exp + sig.trailingZeroBitCount
}
