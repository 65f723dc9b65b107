/// A scalar number format: an encoding of codes (bit patterns) to exact real values.
///
/// Every value of every format QuantArch models is exactly representable as a `Double`,
/// so `decode` is exact. `encode` rounds any real (a `Double`, optionally extended by a
/// tail, see `encode(_:tail:rule:overflow:draw:)`) to a code under a rounding rule and an
/// overflow policy.
///
/// ```swift
/// let fp4 = ElementFormat.e2m1
/// fp4.decode(0x5)                          // 3.0
/// fp4.encode(2.5)                          // 0x4  (tie → even: 2.0)
/// fp4.encode(2.5, rule: .nearestAway)      // 0x5  (3.0)
/// fp4.encode(1e9)                          // 0x7  (saturates to 6.0)
/// ```
public struct ElementFormat: Sendable, Hashable, CustomStringConvertible {
    /// The canonical name, e.g. `e4m3`.
    public let name: String
    /// Bits per code.
    public let bits: Int
    /// One line describing the format.
    public let summary: String
    /// The rounding rule conversions use when none is given.
    public let defaultRounding: RoundingRule
    /// The overflow policy conversions use when none is given.
    public let defaultOverflow: OverflowPolicy
    let layout: FormatLayout
    /// Decoded value of every code, for formats of at most 16 bits (empty for fp32).
    let decodeTable: [Double]

    public var description: String { name }

    init(name: String, bits: Int, summary: String, layout: FormatLayout,
         defaultRounding: RoundingRule = .nearestEven, defaultOverflow: OverflowPolicy) {
        self.name = name
        self.bits = bits
        self.summary = summary
        self.layout = layout
        self.defaultRounding = defaultRounding
        self.defaultOverflow = defaultOverflow
        if bits <= 16 {
            var table = [Double](repeating: 0, count: 1 << bits)
            for c in 0..<(1 << bits) { table[c] = Self.decodeFromDefinition(UInt32(c), layout: layout, bits: bits) }
            decodeTable = table
        } else {
            decodeTable = []
        }
        let (lo, hi) = Self.finiteRange(layout: layout, bits: bits)
        minFinite = lo
        maxFinite = hi
    }

    public static func == (a: ElementFormat, b: ElementFormat) -> Bool { a.name == b.name }
    public func hash(into h: inout Hasher) { h.combine(name) }

    // MARK: Properties

    /// The number of codes, 2^bits.
    public var codeCount: Int { 1 << bits }
    /// Every code of the format, in increasing code order.
    public var allCodes: Range<UInt32> { 0..<UInt32(codeCount) }
    /// The largest finite value.
    public let maxFinite: Double
    /// The most negative finite value (the smallest value for unsigned formats).
    public let minFinite: Double

    /// Whether the format has an infinity.
    public var hasInfinity: Bool {
        switch layout {
        case .float(let g): return g.specials == .ieee
        case .hif8: return true
        default: return false
        }
    }
    /// Whether the format has a NaN.
    public var hasNaN: Bool { nanCode != nil }
    /// The canonical NaN code, if the format has one.
    public var nanCode: UInt32? {
        switch layout {
        case .float(let g):
            switch g.specials {
            case .ieee: return (UInt32(1) << UInt32(g.exponentBits + g.mantissaBits)) - (UInt32(1) << UInt32(g.mantissaBits)) | (UInt32(1) << UInt32(g.mantissaBits - 1))
            case .nanAllOnes: return (UInt32(1) << UInt32(g.signed ? bits - 1 : bits)) - 1
            case .none: return nil
            case .e8m0: return 0xFF
            }
        case .hif8: return 0x80
        case .integer, .lookup: return nil
        }
    }
    /// The code of +∞ (or of −∞ with `negative`), if the format has an infinity.
    public func infinityCode(negative: Bool) -> UInt32? {
        switch layout {
        case .float(let g) where g.specials == .ieee:
            let inf = (UInt32(1) << UInt32(g.exponentBits + g.mantissaBits)) - (UInt32(1) << UInt32(g.mantissaBits))
            return negative ? inf | (UInt32(1) << UInt32(bits - 1)) : inf
        case .hif8: return negative ? 0xEF : 0x6F
        default: return nil
        }
    }
    /// Whether the format encodes negative values.
    public var isSigned: Bool { minFinite < 0 }

    // MARK: Decode and classify

    /// The exact value of `code` (NaN for NaN codes, ±∞ for infinities).
    ///
    /// ```swift
    /// ElementFormat.hif8.decode(0x7E)   // 2^-15
    /// ```
    @inline(__always)
    public func decode(_ code: UInt32) -> Double {
        let c = code & UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(bits)) - 1)
        if bits <= 16 { return decodeTable[Int(c)] }
        return Double(Float(bitPattern: c))
    }

    /// The class of `code`: zero, subnormal, normal, inf or nan.
    public func classify(_ code: UInt32) -> ValueClass {
        let v = decode(code)
        if v.isNaN { return .nan }
        if v.isInfinite { return .infinity }
        if v == 0 { return .zero }
        switch layout {
        case .float(let g):
            return abs(v) < pow2(g.minNormalExponent) ? .subnormal : .normal
        case .hif8:
            return (code & 0x7F) < 0x08 ? .subnormal : .normal
        case .integer, .lookup:
            return .normal
        }
    }

    /// Whether `code` is the canonical code of its value (so `encode(decode(c)) == c`).
    /// False for NaN codes other than `nanCode` and for aliases such as an integer −0.
    public func isCanonical(_ code: UInt32) -> Bool {
        let v = decode(code)
        if v.isNaN { return code == nanCode }
        return encode(v, rule: .nearestEven, overflow: .infinity) == code
    }

    static func decodeFromDefinition(_ code: UInt32, layout: FormatLayout, bits: Int) -> Double {
        switch layout {
        case .integer(let signed):
            if signed && code >= (UInt32(1) << UInt32(bits - 1)) { return Double(Int(code) - (1 << bits)) }
            return Double(code)
        case .lookup(let table):
            return table.valueByCode[Int(code)]
        case .hif8:
            return decodeHiF8(code)
        case .float(let g):
            let m = Int(code) & ((1 << g.mantissaBits) - 1)
            let e = (Int(code) >> g.mantissaBits) & ((1 << g.exponentBits) - 1)
            let negative = g.signed && (Int(code) >> (bits - 1)) & 1 == 1
            let allOnes = (1 << g.exponentBits) - 1
            var magnitude: Double
            switch g.specials {
            case .e8m0:
                if e == allOnes { return .nan }
                return pow2(e - g.bias)
            case .ieee where e == allOnes:
                magnitude = m == 0 ? .infinity : .nan
            case .nanAllOnes where e == allOnes && m == (1 << g.mantissaBits) - 1:
                magnitude = .nan
            default:
                if e == 0 {
                    magnitude = Double(m) * pow2(1 - g.bias - g.mantissaBits)
                } else {
                    magnitude = Double((1 << g.mantissaBits) + m) * pow2(e - g.bias - g.mantissaBits)
                }
            }
            if magnitude.isNaN { return .nan }
            return negative ? -magnitude : magnitude
        }
    }

    /// HiF8 decode following NumberFormats/README.md, "HiFloat8".
    static func decodeHiF8(_ code: UInt32) -> Double {
        let c = Int(code & 0xFF)
        if c == 0x00 { return 0 }
        if c == 0x80 { return .nan }
        if c == 0x6F { return .infinity }
        if c == 0xEF { return -.infinity }
        let negative = c & 0x80 != 0
        let body = c & 0x7F
        let d: Int, mw: Int
        switch body {
        case 0x60...0x7F: (d, mw) = (4, 1)
        case 0x40...0x5F: (d, mw) = (3, 2)
        case 0x20...0x3F: (d, mw) = (2, 3)
        case 0x10...0x1F: (d, mw) = (1, 3)
        case 0x08...0x0F: (d, mw) = (0, 3)
        default:
            // Denormal: 2^(M − 23), M = 1…7.
            let v = pow2(body - 23)
            return negative ? -v : v
        }
        let mantissa = body & ((1 << mw) - 1)
        let emField = (body >> mw) & ((1 << d) - 1)
        var exponent = 0
        if d > 0 {
            let expNegative = (emField >> (d - 1)) & 1 == 1
            let magnitude = (1 << (d - 1)) + (emField & ((1 << (d - 1)) - 1))
            exponent = expNegative ? -magnitude : magnitude
        }
        let v = Double((1 << mw) + mantissa) * pow2(exponent - mw)
        return negative ? -v : v
    }

    static func finiteRange(layout: FormatLayout, bits: Int) -> (Double, Double) {
        switch layout {
        case .integer(let signed):
            return signed ? (-Double(1 << (bits - 1)), Double((1 << (bits - 1)) - 1)) : (0, Double((1 << bits) - 1))
        case .float(let g):
            if g.specials == .e8m0 { return (pow2(g.minNormalExponent), g.maxFinite) }
            return g.unsigned ? (0, g.maxFinite) : (-g.maxFinite, g.maxFinite)
        case .hif8:
            return (-32768, 32768)
        case .lookup(let t):
            return (t.sortedValues.first!, t.sortedValues.last!)
        }
    }
}
