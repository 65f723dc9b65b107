/// A block (microscaling) format: vectors are cut into blocks of `blockSize` elements, and
/// the elements of a block share one scale (NumberFormats/README.md, "MX block formats", "NVFP4").
///
/// - MX (OCP Microscaling v1.0): one E8M0 scale X = 2^shared_exp per 32 elements, and
///   v_i = X · P_i. MXINT8 elements are int8 codes with an implicit factor 2^-6 (two's
///   complement fixed point 1.6, −2 … 1.984375).
/// - NVFP4: E2M1 elements, one E4M3 scale per 16 elements and one FP32 scale per tensor:
///   v_i = s_tensor · s_block · P_i.
///
/// ```swift
/// let f = BlockFormat.named("mxfp4")!   // E2M1 elements, k = 32, E8M0 scale
/// f.bitsPerElement                       // 4.25
/// BlockFormat.nvfp4.bitsPerElement       // 4.5 (the per-tensor FP32 scale is not counted)
/// BlockFormat.all.map(\.name)            // ["mxfp4", "mxfp6-e2m3", …, "nvfp4"]
/// ```
public struct BlockFormat: Sendable, Hashable, CustomStringConvertible {
    /// How a block's elements are scaled.
    public enum Scaling: String, Sendable, Hashable {
        /// One E8M0 power-of-two scale per block (OCP MX).
        case sharedExponent = "shared-exponent"
        /// One E4M3 scale per block times one FP32 scale per tensor (NVFP4).
        case twoLevel = "two-level"
    }

    /// The canonical name, e.g. `mxfp8-e4m3`.
    public let name: String
    /// One line describing the format.
    public let summary: String
    /// The element format (codes are this format's codes).
    public let element: ElementFormat
    /// Elements per block (k).
    public let blockSize: Int
    /// The per-block scale format: `e8m0` for MX, `e4m3` for NVFP4.
    public let scaleFormat: ElementFormat
    /// The scaling scheme.
    public let scaling: Scaling
    /// MX only: the element emax in shared_exp = floor(log2 amax) − emax
    /// (e2m1 2, e2m3 2, e3m2 4, e4m3 8, e5m2 15, MXINT8 0). 0 for NVFP4.
    public let elementEmax: Int
    /// Element values are `element.decode(code) · 2^elementExponentOffset` (−6 for MXINT8).
    public let elementExponentOffset: Int
    /// The largest element magnitude quantization produces, after the implicit factor:
    /// 6, 7.5, 28, 448, 57344, and 127/64 for MXINT8 (symmetric clamp, see `MXQuantizer`).
    public let elementMax: Double

    /// Each element code's value as an integer multiple of 2^`elementUnitExponent` (0 for
    /// non-finite codes), for exact block dot products.
    let elementIntegers: [Int64]
    /// Whether each element code decodes to a finite value.
    let elementIsFinite: [Bool]
    /// The exponent of the element integer unit: the value of the smallest subnormal
    /// (e2m1 2^-1, e2m3 2^-3, e3m2 2^-4, e4m3 2^-9, e5m2 2^-16, MXINT8 2^-6).
    let elementUnitExponent: Int

    public var description: String { name }

    /// Bits of storage per element: element bits + scale bits / block size (a scale is stored
    /// in one byte, so the 7-bit UE4M3 counts 8).
    public var bitsPerElement: Double { Double(element.bits) + Double(max(scaleFormat.bits, 8)) / Double(blockSize) }

    init(name: String, element: ElementFormat, blockSize: Int, scaleFormat: ElementFormat, scaling: Scaling,
         elementEmax: Int, elementExponentOffset: Int = 0, elementMax: Double? = nil, summary: String) {
        self.name = name
        self.summary = summary
        self.element = element
        self.blockSize = blockSize
        self.scaleFormat = scaleFormat
        self.scaling = scaling
        self.elementEmax = elementEmax
        self.elementExponentOffset = elementExponentOffset
        self.elementMax = elementMax ?? element.maxFinite * pow2(elementExponentOffset)
        // Integer formats count in units of 1; float formats in units of their smallest subnormal.
        let isInteger = element.kind == "integer"
        let unitExponent = isInteger ? 0 : Int(element.decode(1).exponent)
        elementUnitExponent = unitExponent + elementExponentOffset
        var integers = [Int64](repeating: 0, count: element.codeCount)
        var finite = [Bool](repeating: false, count: element.codeCount)
        for c in element.allCodes {
            let v = element.decode(c)
            guard v.isFinite else { continue }
            finite[Int(c)] = true
            integers[Int(c)] = Int64(v * pow2(-unitExponent))
        }
        elementIntegers = integers
        elementIsFinite = finite
    }

    public static func == (a: BlockFormat, b: BlockFormat) -> Bool { a.name == b.name }
    public func hash(into h: inout Hasher) { h.combine(name) }

    // MARK: Catalog

    /// MXFP4: E2M1 elements, k = 32, E8M0 scale (4.25 bits/element).
    public static let mxfp4 = mx("mxfp4", .e2m1, emax: 2, "OCP MXFP4: E2M1 elements, 32 per E8M0 scale")
    /// MXFP6 with E2M3 elements.
    public static let mxfp6E2M3 = mx("mxfp6-e2m3", .e2m3, emax: 2, "OCP MXFP6: E2M3 elements, 32 per E8M0 scale")
    /// MXFP6 with E3M2 elements.
    public static let mxfp6E3M2 = mx("mxfp6-e3m2", .e3m2, emax: 4, "OCP MXFP6: E3M2 elements, 32 per E8M0 scale")
    /// MXFP8 with E4M3 elements.
    public static let mxfp8E4M3 = mx("mxfp8-e4m3", .e4m3, emax: 8, "OCP MXFP8: E4M3 elements, 32 per E8M0 scale")
    /// MXFP8 with E5M2 elements.
    public static let mxfp8E5M2 = mx("mxfp8-e5m2", .e5m2, emax: 15, "OCP MXFP8: E5M2 elements, 32 per E8M0 scale")
    /// MXINT8: int8 elements with an implicit 2^-6 (fixed point 1.6), emax 0, k = 32.
    public static let mxint8 = BlockFormat(
        name: "mxint8", element: .int(8), blockSize: 32, scaleFormat: .e8m0, scaling: .sharedExponent,
        elementEmax: 0, elementExponentOffset: -6, elementMax: 127.0 / 64.0,
        summary: "OCP MXINT8: int8 elements × 2^-6 (fixed point 1.6), 32 per E8M0 scale")
    /// MXINT4: int4 elements with an implicit 2^-2 (fixed point 1.2, −2 … 1.75), emax 0, k = 32,
    /// clamped symmetrically to ±7/4 (microxcaling's `int4`).
    public static let mxint4 = BlockFormat(
        name: "mxint4", element: .int(4), blockSize: 32, scaleFormat: .e8m0, scaling: .sharedExponent,
        elementEmax: 0, elementExponentOffset: -2, elementMax: 7.0 / 4.0,
        summary: "MX INT4: int4 elements × 2^-2 (fixed point 1.2), 32 per E8M0 scale")
    /// NVINT4: NVFP4's scaling (E4M3 per 16 elements, FP32 per tensor) with int4 elements,
    /// clamped symmetrically to ±7.
    public static let nvint4 = BlockFormat(
        name: "nvint4", element: .int(4), blockSize: 16, scaleFormat: .e4m3, scaling: .twoLevel, elementEmax: 0,
        elementMax: 7, summary: "NVINT4: int4 elements (±7), 16 per E4M3 scale, one FP32 scale per tensor")
    /// NVFP4: E2M1 elements, k = 16, E4M3 block scale, FP32 tensor scale (4.5 bits/element).
    public static let nvfp4 = BlockFormat(
        name: "nvfp4", element: .e2m1, blockSize: 16, scaleFormat: .e4m3, scaling: .twoLevel, elementEmax: 0,
        summary: "NVIDIA NVFP4: E2M1 elements, 16 per E4M3 scale, one FP32 scale per tensor")

    /// Every block format, in the order `qarch formats list` prints them.
    public static let all: [BlockFormat] = [mxfp4, mxfp6E2M3, mxfp6E3M2, mxfp8E4M3, mxfp8E5M2, mxint8, nvfp4, mxint4, nvint4]

    /// The unsigned block scales any block format can take instead of its own (`withScale`).
    public static let scaleOptions: [ElementFormat] = [.ue4m3, .ue5m3]

    /// The block format called `name` (case-insensitive), or nil. `BASE-ue4m3` and
    /// `BASE-ue5m3` are BASE with that block scale (`withScale`).
    ///
    /// ```swift
    /// BlockFormat.named("nvfp4-ue5m3")?.scaleFormat.name   // "ue5m3"
    /// BlockFormat.named("mxfp4-ue4m3")?.scaling            // .twoLevel
    /// ```
    public static func named(_ name: String) -> BlockFormat? {
        let key = name.lowercased()
        if let f = all.first(where: { $0.name == key }) { return f }
        for scale in scaleOptions where key.hasSuffix("-" + scale.name) {
            let base = String(key.dropLast(scale.name.count + 1))
            return all.first { $0.name == base }?.withScale(scale)
        }
        return nil
    }

    /// This format with `scale` (UE4M3 or UE5M3) as its block scale, named `NAME-SCALE`.
    /// A non-power-of-two scale needs NVFP4's two levels: s_tensor = RN_fp32(amax_tensor /
    /// (elementMax · max scale)), s_block = SCALE(amax_block / (elementMax · s_tensor)), and the
    /// elements rounded against s_block · s_tensor (`NVFP4Quantizer`).
    ///
    /// ```swift
    /// BlockFormat.mxfp4.withScale(.ue5m3).name           // "mxfp4-ue5m3"
    /// BlockFormat.nvfp4.withScale(.ue4m3).bitsPerElement  // 4.5
    /// ```
    public func withScale(_ scale: ElementFormat) -> BlockFormat {
        BlockFormat(name: "\(name)-\(scale.name)", element: element, blockSize: blockSize, scaleFormat: scale, scaling: .twoLevel,
                    elementEmax: 0, elementExponentOffset: elementExponentOffset, elementMax: elementMax,
                    summary: "\(name) with a \(scale.name.uppercased()) block scale and an FP32 scale per tensor")
    }

    static func mx(_ name: String, _ element: ElementFormat, emax: Int, _ summary: String) -> BlockFormat {
        BlockFormat(name: name, element: element, blockSize: 32, scaleFormat: .e8m0, scaling: .sharedExponent,
                    elementEmax: emax, summary: summary)
    }

    // MARK: Decoding

    /// The number of blocks a vector of `count` elements occupies (the last may be partial).
    public func blockCount(elements count: Int) -> Int { count <= 0 ? 0 : (count + blockSize - 1) / blockSize }

    /// The exact value of one element: `element(code) · 2^offset · scale · tensorScale`.
    /// A NaN scale makes every element NaN.
    ///
    /// ```swift
    /// BlockFormat.mxfp4.value(code: 0x5, scaleCode: 126)                 // 3 · 2^-1 = 1.5
    /// BlockFormat.nvfp4.value(code: 0x7, scaleCode: 0x38, tensorScale: 0.5) // 6 · 1 · 0.5 = 3
    /// ```
    public func value(code: UInt8, scaleCode: UInt32, tensorScale: Double = 1) -> Double {
        let scale = scaleFormat.decode(scaleCode)
        if scale.isNaN { return .nan }
        return element.decode(UInt32(code)) * pow2(elementExponentOffset) * scale * tensorScale
    }

    /// The exact values of a block's element codes (see `value(code:scaleCode:tensorScale:)`).
    public func decodeBlock(scaleCode: UInt32, codes: [UInt8], tensorScale: Double = 1) -> [Double] {
        codes.map { value(code: $0, scaleCode: scaleCode, tensorScale: tensorScale) }
    }
}
