import CMPFR

/// An element format as the MPFR reference defines it, from the specs alone.
///
/// The reference never asks NumberFormats for values or codes: it reads each format's
/// definition here (field widths, bias, special codes, value lists: the format sections of
/// NumberFormats/README.md and IEEE 754) and computes every value with MPFR. Only the name
/// is shared with `ElementFormat`.
///
/// ```swift
/// let f = ReferenceFormat.named("e4m3")!
/// f.values[0x7E]      // 448.0, computed with MPFR from the E4M3 fields
/// f.maxFinite         // 448.0
/// ```
public final class ReferenceFormat: Sendable {
    /// Which codes of a floating layout are special.
    enum Specials: Sendable {
        /// Exponent all ones: infinity (mantissa 0) or NaN.
        case ieee
        /// Only S.1…1.1…1 is NaN (OCP FP8 E4M3).
        case nanAllOnes
        /// Every code is finite (OCP FP4/FP6).
        case none
        /// No sign bit; only the all-ones code is NaN, no infinity (the UE4M3 and UE5M3 scales).
        case unsignedNaNAllOnes
    }

    /// How codes map to values.
    enum Layout: Sendable {
        /// Two's complement (signed) or plain binary integers.
        case integer(signed: Bool)
        /// Sign, exponent field, mantissa field with a bias; subnormals at exponent field 0.
        case float(exponentBits: Int, mantissaBits: Int, bias: Int, specials: Specials)
        /// OCP MX scale: 2^(code − 127), 0xFF = NaN.
        case e8m0
        /// HiFloat8 (NumberFormats/README.md, "HiFloat8").
        case hif8
        /// BitMoD FP4: E2M1 values, the −0 code 0b1000 holds `special` (NumberFormats/README.md, "BitMoD datatypes").
        case bitmodFP4(special: Double)
        /// BitMoD FP3: sign + 2-bit exponent {0, 1, 2, 4}, the −0 code 0b100 holds `special`.
        case bitmodFP3(special: Double)
        /// NF4: the 16 NormalFloat levels of QLoRA, code 0 = −1 … code 15 = 1 (NumberFormats/README.md, "NF4").
        case nf4
    }

    /// The format's name, as `ElementFormat.name` spells it.
    public let name: String
    /// Bits per code.
    public let bits: Int
    let layout: Layout
    /// The value of every code (NaN and ±∞ included), computed with MPFR; empty above 16 bits.
    public let values: [Double]
    /// The distinct finite values in increasing order (−0 and +0 counted once); ≤ 16 bits only.
    public let sortedValues: [Double]
    /// Code of each non-NaN value, keyed by the Double's bit pattern (so −0 and +0 differ).
    let codeByPattern: [UInt64: UInt32]
    /// The largest finite value.
    public let maxFinite: Double
    /// The smallest finite value (most negative; the least positive one for e8m0).
    public let minFinite: Double
    /// The canonical NaN code, if the format has NaN.
    public let nanCode: UInt32?
    /// The code of +∞ (−∞ is `infinityCode | signBit`), if the format has infinities.
    public let infinityCode: UInt32?
    /// The code of −0, if the format has one.
    public let negativeZeroCode: UInt32?
    /// The code of the largest and of the smallest finite value.
    let maxCode: UInt32, minCode: UInt32
    /// The first grid point past the largest finite magnitude, per sign (the grid is unbounded above).
    let beyondMax: Double, beyondMin: Double

    /// The reference definition of the format called `name`, or nil if there is none.
    public static func named(_ name: String) -> ReferenceFormat? { catalog[name] }

    /// Every defined format, by name.
    static let catalog: [String: ReferenceFormat] = {
        var names = (2...8).map { "int\($0)" } + (1...8).map { "uint\($0)" }
        names += ["e2m1", "e2m3", "e3m2", "e4m3", "e5m2", "e8m0", "hif8", "fp16", "bf16", "fp32"]
        names += ["e3m4", "nf4", "ue4m3", "ue5m3"]
        for bits in ["fp4", "fp3"] { for v in ["er-pos", "er-neg", "ea-pos", "ea-neg"] { names.append("bitmod-\(bits)-\(v)") } }
        var result: [String: ReferenceFormat] = [:]
        for n in names { if let f = ReferenceFormat(definitionOf: n) { result[n] = f } }
        return result
    }()

    /// The layout and width of a format name, read from the specs.
    static func definition(of name: String) -> (bits: Int, layout: Layout)? {
        switch name {
        case "e2m1": return (4, .float(exponentBits: 2, mantissaBits: 1, bias: 1, specials: .none))
        case "e2m3": return (6, .float(exponentBits: 2, mantissaBits: 3, bias: 1, specials: .none))
        case "e3m2": return (6, .float(exponentBits: 3, mantissaBits: 2, bias: 3, specials: .none))
        case "e4m3": return (8, .float(exponentBits: 4, mantissaBits: 3, bias: 7, specials: .nanAllOnes))
        case "e5m2": return (8, .float(exponentBits: 5, mantissaBits: 2, bias: 15, specials: .ieee))
        case "e3m4": return (8, .float(exponentBits: 3, mantissaBits: 4, bias: 3, specials: .ieee))
        case "ue4m3": return (7, .float(exponentBits: 4, mantissaBits: 3, bias: 7, specials: .unsignedNaNAllOnes))
        case "ue5m3": return (8, .float(exponentBits: 5, mantissaBits: 3, bias: 15, specials: .unsignedNaNAllOnes))
        case "nf4": return (4, .nf4)
        case "fp16": return (16, .float(exponentBits: 5, mantissaBits: 10, bias: 15, specials: .ieee))
        case "bf16": return (16, .float(exponentBits: 8, mantissaBits: 7, bias: 127, specials: .ieee))
        case "fp32": return (32, .float(exponentBits: 8, mantissaBits: 23, bias: 127, specials: .ieee))
        case "e8m0": return (8, .e8m0)
        case "hif8": return (8, .hif8)
        default: break
        }
        let bitmodSpecials: [String: (Double, Double)] = [  // (FP4, FP3) special value, real units
            "er-pos": (5, 3), "er-neg": (-5, -3), "ea-pos": (8, 6), "ea-neg": (-8, -6),
        ]
        if name.hasPrefix("bitmod-fp4-"), let s = bitmodSpecials[String(name.dropFirst(11))] {
            return (4, .bitmodFP4(special: s.0))
        }
        if name.hasPrefix("bitmod-fp3-"), let s = bitmodSpecials[String(name.dropFirst(11))] {
            return (3, .bitmodFP3(special: s.1))
        }
        if name.hasPrefix("uint"), let n = Int(name.dropFirst(4)), (1...16).contains(n) { return (n, .integer(signed: false)) }
        if name.hasPrefix("int"), let n = Int(name.dropFirst(3)), (2...16).contains(n) { return (n, .integer(signed: true)) }
        return nil
    }

    init?(definitionOf name: String) {
        guard let (bits, layout) = Self.definition(of: name) else { return nil }
        self.name = name
        self.bits = bits
        self.layout = layout
        let x = MPFRNumber(precision: 64)
        // Special codes, from the definitions. Lookup formats take their extremes from the value list.
        let signBit = UInt32(1) << UInt32(bits - 1)
        var maxCode: UInt32 = 0, minCode: UInt32 = 0
        switch layout {
        case .float(let e, let m, _, let specials):
            let expOnes = (UInt32(1) << UInt32(e)) - 1
            negativeZeroCode = specials == .unsignedNaNAllOnes ? nil : signBit
            switch specials {
            case .ieee:
                infinityCode = expOnes << UInt32(m)
                nanCode = expOnes << UInt32(m) | (UInt32(1) << UInt32(m - 1))  // quiet NaN, sign clear
                maxCode = (expOnes - 1) << UInt32(m) | ((UInt32(1) << UInt32(m)) - 1)
            case .nanAllOnes:
                infinityCode = nil
                nanCode = signBit - 1
                maxCode = signBit - 2
            case .none:
                infinityCode = nil
                nanCode = nil
                maxCode = signBit - 1
            case .unsignedNaNAllOnes:
                infinityCode = nil
                nanCode = (signBit << 1) - 1
                maxCode = (signBit << 1) - 2
            }
            minCode = maxCode | signBit
            if specials == .unsignedNaNAllOnes { minCode = 0 }
        case .integer(let signed):
            (infinityCode, nanCode, negativeZeroCode) = (nil, nil, nil)
            maxCode = signed ? signBit - 1 : (signBit << 1) - 1
            minCode = signed ? signBit : 0
        case .e8m0:
            (infinityCode, nanCode, negativeZeroCode) = (nil, 0xFF, nil)
            (maxCode, minCode) = (0xFE, 0x00)
        case .hif8:
            (infinityCode, nanCode, negativeZeroCode) = (0x6F, 0x80, nil)
            (maxCode, minCode) = (0x6E, 0xEE)
        case .bitmodFP4, .bitmodFP3, .nf4:
            (infinityCode, nanCode, negativeZeroCode) = (nil, nil, nil)
        }
        // Every value, computed with MPFR.
        var values: [Double] = []
        var codeByPattern: [UInt64: UInt32] = [:]
        if bits <= 16 {
            values.reserveCapacity(1 << bits)
            for c in 0..<(UInt32(1) << UInt32(bits)) {
                Self.decode(c, layout: layout, bits: bits, into: x)
                let v = x.double
                values.append(v)
                if !v.isNaN && codeByPattern[v.bitPattern] == nil { codeByPattern[v.bitPattern] = c }
            }
        }
        self.values = values
        self.codeByPattern = codeByPattern
        var sorted: [Double] = []
        for v in values where v.isFinite && !(v == 0 && v.sign == .minus) { sorted.append(v) }
        sorted.sort()
        var unique: [Double] = []
        for v in sorted where unique.last != v { unique.append(v) }
        sortedValues = unique

        if Self.isLookup(layout), let hi = unique.last, let lo = unique.first {
            maxCode = codeByPattern[hi.bitPattern] ?? 0
            minCode = codeByPattern[lo.bitPattern] ?? 0
        }
        self.maxCode = maxCode
        self.minCode = minCode
        Self.decode(maxCode, layout: layout, bits: bits, into: x)
        maxFinite = x.double
        Self.decode(minCode, layout: layout, bits: bits, into: x)
        minFinite = x.double
        // The grid continues past the largest finite magnitude by one quantum.
        let qMax = Self.quantumExponent(layout, binade: Int(maxFinite.exponent))
        beyondMax = maxFinite + Self.twoTo(qMax)
        if minFinite < 0 {
            let qMin = Self.quantumExponent(layout, binade: Int((-minFinite).exponent))
            beyondMin = -minFinite + Self.twoTo(qMin)
        } else {
            beyondMin = 0
        }
    }

    /// Whether the format has a value below zero.
    public var isSigned: Bool { minFinite < 0 }

    /// The binade of the first grid point past the range on the side of `negative`.
    func beyondBinade(negative: Bool) -> Int {
        let v = negative ? beyondMin : beyondMax
        return v > 0 ? Int(v.exponent) : Int.min
    }

    /// Mantissa width and bias of an IEEE-like layout (nil for others).
    var ieeeParameters: (mantissaBits: Int, bias: Int)? {
        if case .float(_, let m, let bias, _) = layout { return (m, bias) }
        return nil
    }

    /// Whether values are rounded to an explicit list rather than a grid.
    var isLookup: Bool { Self.isLookup(layout) }

    static func isLookup(_ layout: Layout) -> Bool {
        switch layout {
        case .bitmodFP3, .bitmodFP4, .nf4: return true
        default: return false
        }
    }

    /// The exponent of the grid quantum for magnitudes in [2^e, 2^(e+1)).
    static func quantumExponent(_ layout: Layout, binade e: Int) -> Int {
        switch layout {
        case .integer: return 0
        case .float(_, let m, let bias, _): return max(e, 1 - bias) - m
        case .e8m0: return max(e, -127)
        case .hif8:
            if e < -22 { return -22 }
            if e < -15 { return e }
            let mw = abs(e) <= 3 ? 3 : (abs(e) <= 7 ? 2 : 1)
            return e - mw
        case .bitmodFP4, .bitmodFP3, .nf4: return 0  // not a grid; unused
        }
    }

    /// The grid quantum exponent for magnitudes in [2^e, 2^(e+1)).
    func quantumExponent(binade e: Int) -> Int { Self.quantumExponent(layout, binade: e) }

    /// 2^e exactly, computed with MPFR.
    static func twoTo(_ e: Int) -> Double {
        let x = MPFRNumber(precision: 8)
        x.set(1, timesTwoTo: e)
        return x.double
    }
}
