/// The named element formats of NumberFormats/README.md, "Format names".
///
/// ```swift
/// let f = ElementFormat.named("fp4")      // e2m1 (alias)
/// ElementFormat.all.map(\.name)           // ["int2", …, "bitmod-fp3-ea-neg"]
/// ```
extension ElementFormat {
    public static let e2m1 = minifloat("e2m1", e: 2, m: 1, bias: 1, specials: .none, overflow: .saturate,
                                       "FP4 E2M1 (OCP MX): max 6, no Inf/NaN, saturating")
    public static let e2m3 = minifloat("e2m3", e: 2, m: 3, bias: 1, specials: .none, overflow: .saturate,
                                       "FP6 E2M3 (OCP MX): max 7.5, no Inf/NaN, saturating")
    public static let e3m2 = minifloat("e3m2", e: 3, m: 2, bias: 3, specials: .none, overflow: .saturate,
                                       "FP6 E3M2 (OCP MX): max 28, no Inf/NaN, saturating")
    public static let e4m3 = minifloat("e4m3", e: 4, m: 3, bias: 7, specials: .nanAllOnes, overflow: .saturate,
                                       "FP8 E4M3 (OCP): max 448, NaN = S.1111.111, no Inf, saturating")
    public static let e5m2 = minifloat("e5m2", e: 5, m: 2, bias: 15, specials: .ieee, overflow: .saturate,
                                       "FP8 E5M2 (OCP): max 57344, IEEE Inf/NaN, saturating")
    public static let e3m4 = minifloat("e3m4", e: 3, m: 4, bias: 3, specials: .ieee, overflow: .saturate,
                                       "FP8 E3M4 (ml_dtypes float8_e3m4): max 15.5, IEEE Inf/NaN, saturating")
    /// UE4M3: NVFP4's E4M3 block scale without its sign bit (always 0 there): 7 bits, bias 7,
    /// 2^-9…448, NaN = 1111.111, no Inf. A block format stores it in one byte.
    public static let ue4m3 = unsignedMinifloat("ue4m3", e: 4, m: 3, bias: 7,
                                                "UE4M3 block scale: unsigned E4M3, 2^-9…448, NaN = 1111.111, no Inf")
    /// UE5M3: an unsigned 8-bit scale with E4M3's conventions and a 5-bit exponent: bias 15,
    /// 2^-17…114688, NaN = 11111.111, no Inf.
    public static let ue5m3 = unsignedMinifloat("ue5m3", e: 5, m: 3, bias: 15,
                                                "UE5M3 block scale: unsigned, 5-bit exponent, 2^-17…114688, NaN = 0xFF, no Inf")
    /// NF4 (QLoRA, Dettmers et al. 2023): the 16 NormalFloat levels in [−1, 1], codes in increasing
    /// order as bitsandbytes stores them (0x0 = −1, 0x7 = 0, 0xF = 1); each level is the float32
    /// constant of bitsandbytes' table.
    public static let nf4 = ElementFormat(
        name: "nf4", bits: 4, summary: "NF4 (QLoRA NormalFloat): 16 levels in [−1, 1] for N(0, 1) weights, 0x7 = 0",
        layout: .lookup(LookupTable(valueByCode: nf4Levels.map { Double($0) })), defaultOverflow: .saturate)
    /// The 16 NF4 levels as float32, code order.
    static let nf4Levels: [Float] = [
        -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635,
        -0.18477343022823334, -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725,
        0.24611230194568634, 0.33791524171829224, 0.44070982933044434, 0.5626170039176941,
        0.7229568362236023, 1.0,
    ]
    public static let e8m0 = ElementFormat(
        name: "e8m0", bits: 8, summary: "E8M0 (OCP MX scale): 2^-127…2^127, unsigned, no zero, 0xFF = NaN",
        layout: .float(FloatGrid(exponentBits: 8, mantissaBits: 0, bias: 127, specials: .e8m0)),
        defaultOverflow: .infinity)
    public static let hif8 = ElementFormat(
        name: "hif8", bits: 8,
        summary: "HiFloat8 (Ascend): tapered dot-coded exponent, 2^-22…2^15, one zero, NaN 0x80, Inf 0x6F/0xEF",
        layout: .hif8, defaultRounding: .nearestAway, defaultOverflow: .infinity)
    public static let fp16 = minifloat("fp16", e: 5, m: 10, bias: 15, specials: .ieee, overflow: .infinity,
                                       "IEEE 754 binary16")
    public static let bf16 = minifloat("bf16", e: 8, m: 7, bias: 127, specials: .ieee, overflow: .infinity,
                                       "bfloat16: fp32 exponent, 7-bit mantissa")
    public static let fp32 = minifloat("fp32", e: 8, m: 23, bias: 127, specials: .ieee, overflow: .infinity,
                                       "IEEE 754 binary32")

    /// A signed two's-complement integer format of `bits` bits.
    public static func int(_ bits: Int) -> ElementFormat {
        ElementFormat(name: "int\(bits)", bits: bits,
                      summary: "signed \(bits)-bit two's complement integer, \(-(1 << (bits - 1)))…\((1 << (bits - 1)) - 1)",
                      layout: .integer(signed: true), defaultOverflow: .saturate)
    }

    /// An unsigned integer format of `bits` bits.
    public static func uint(_ bits: Int) -> ElementFormat {
        ElementFormat(name: "uint\(bits)", bits: bits, summary: "unsigned \(bits)-bit integer, 0…\((1 << bits) - 1)",
                      layout: .integer(signed: false), defaultOverflow: .saturate)
    }

    /// The BitMoD 4-bit datatypes (NumberFormats/README.md, "BitMoD datatypes"), in real E2M1 units: the E2M1
    /// values, with the redundant −0 code (0b1000) carrying the special value.
    public static let bitmodFP4ErPos = bitmodFP4("er-pos", special: 5, "extra resolution +5")
    public static let bitmodFP4ErNeg = bitmodFP4("er-neg", special: -5, "extra resolution −5")
    public static let bitmodFP4EaPos = bitmodFP4("ea-pos", special: 8, "extra asymmetry +8")
    public static let bitmodFP4EaNeg = bitmodFP4("ea-neg", special: -8, "extra asymmetry −8")
    /// The BitMoD 3-bit datatypes: FP3 {0, ±1, ±2, ±4} with the −0 code (0b100) carrying
    /// the special value.
    public static let bitmodFP3ErPos = bitmodFP3("er-pos", special: 3, "extra resolution +3")
    public static let bitmodFP3ErNeg = bitmodFP3("er-neg", special: -3, "extra resolution −3")
    public static let bitmodFP3EaPos = bitmodFP3("ea-pos", special: 6, "extra asymmetry +6")
    public static let bitmodFP3EaNeg = bitmodFP3("ea-neg", special: -6, "extra asymmetry −6")

    /// Every element format, in the order `qarch formats list` prints them.
    public static let all: [ElementFormat] =
        (2...8).map(int) + (1...8).map(uint) + [e2m1, e2m3, e3m2, e4m3, e5m2, e8m0, hif8, fp16, bf16, fp32]
        + [bitmodFP4ErPos, bitmodFP4ErNeg, bitmodFP4EaPos, bitmodFP4EaNeg,
           bitmodFP3ErPos, bitmodFP3ErNeg, bitmodFP3EaPos, bitmodFP3EaNeg]
        + [e3m4, nf4, ue4m3, ue5m3]

    /// Alternative names accepted on input.
    public static let aliases: [String: String] = ["fp4": "e2m1", "fp8-e4m3": "e4m3", "fp8-e5m2": "e5m2",
                                                   "half": "fp16", "float": "fp32"]

    private static let byName: [String: ElementFormat] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The format called `name` (or one of its aliases), or nil.
    public static func named(_ name: String) -> ElementFormat? {
        let key = name.lowercased()
        return byName[aliases[key] ?? key]
    }

    static func minifloat(_ name: String, e: Int, m: Int, bias: Int, specials: FloatSpecials,
                          overflow: OverflowPolicy, _ summary: String) -> ElementFormat {
        ElementFormat(name: name, bits: 1 + e + m, summary: summary,
                      layout: .float(FloatGrid(exponentBits: e, mantissaBits: m, bias: bias, specials: specials)),
                      defaultOverflow: overflow)
    }

    static func unsignedMinifloat(_ name: String, e: Int, m: Int, bias: Int, _ summary: String) -> ElementFormat {
        ElementFormat(name: name, bits: e + m, summary: summary,
                      layout: .float(FloatGrid(exponentBits: e, mantissaBits: m, bias: bias, specials: .nanAllOnes, unsigned: true)),
                      defaultOverflow: .saturate)
    }

    static func bitmodFP4(_ variant: String, special: Double, _ what: String) -> ElementFormat {
        var values = (0..<16).map { decodeFromDefinition(UInt32($0), layout: e2m1.layout, bits: 4) }
        values[0b1000] = special
        return ElementFormat(name: "bitmod-fp4-\(variant)", bits: 4,
                             summary: "BitMoD FP4 \(what): E2M1 with −0 code = \(special)",
                             layout: .lookup(LookupTable(valueByCode: values)), defaultOverflow: .saturate)
    }

    static func bitmodFP3(_ variant: String, special: Double, _ what: String) -> ElementFormat {
        var values: [Double] = (0..<8).map { code in
            let magnitude: Double = (code & 3) == 0 ? 0 : Double(1 << ((code & 3) - 1))
            return code & 4 != 0 ? -magnitude : magnitude
        }
        values[0b100] = special
        return ElementFormat(name: "bitmod-fp3-\(variant)", bits: 3,
                             summary: "BitMoD FP3 \(what): {0, ±1, ±2, ±4} with −0 code = \(special)",
                             layout: .lookup(LookupTable(valueByCode: values)), defaultOverflow: .saturate)
    }

    /// The format family, as `qarch formats list` reports it.
    public var kind: String {
        switch layout {
        case .integer: return "integer"
        case .float(let g): return g.specials == .e8m0 || g.unsigned ? "scale" : "float"
        case .hif8: return "tapered-float"
        case .lookup: return "lookup"
        }
    }
}
