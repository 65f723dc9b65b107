/// A binary floating-point grid described by its field widths.
struct FloatGrid: Sendable, Hashable {
    let exponentBits: Int
    let mantissaBits: Int
    let bias: Int
    let specials: FloatSpecials
    /// No sign bit: the unsigned block scales UE4M3 and UE5M3 (E8M0 is unsigned by its `specials`).
    var unsigned = false

    var signed: Bool { specials != .e8m0 && !unsigned }
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
