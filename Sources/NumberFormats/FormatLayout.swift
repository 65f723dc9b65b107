/// How the code points of an element format map to values. Internal: the public face is
/// `ElementFormat`.
enum FormatLayout: Sendable, Hashable {
    /// Two's complement (signed) or plain binary (unsigned) integers.
    case integer(signed: Bool)
    /// A binary floating-point grid: IEEE-like minifloats, fp16/bf16/fp32 and e8m0.
    case float(FloatGrid)
    /// HiFloat8's tapered layout (NumberFormats/README.md, "HiFloat8").
    case hif8
    /// An explicit table of values indexed by code (the BitMoD datatypes).
    case lookup(LookupTable)
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
