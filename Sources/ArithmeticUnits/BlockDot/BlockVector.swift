import NumberFormats

/// A block-format vector in the form the dot unit consumes: element integers in units of
/// the format's smallest element step, one exact scale per block, and the tensor scale.
public struct BlockVector: Sendable {
    /// Element values / 2^unitExponent, exact integers (empty when `isWide`).
    public let integers: [Int32]
    /// Per-block scale values (MX: 2^(e−127), NVFP4: the E4M3 block scale); NaN for a NaN scale.
    public let blockScales: [Double]
    /// The FP32 tensor scale (NVFP4), 1 otherwise.
    public let tensorScale: Double
    public let blockSize: Int
    /// True when element integers reach 2^23 or more (MXFP8-E5M2), so an exact block sum
    /// does not fit a Double; such vectors keep their blocks for the exact wide path.
    public let isWide: Bool
    /// The quantized tensor, kept for the wide path.
    public let tensor: QuantizedTensor

    /// Convert a quantized tensor.
    public init(_ t: QuantizedTensor) {
        let f = t.format
        let unit = BlockVector.unitExponent(f)
        let limit = 0x1p23
        let widest = f.elementMax * Double(sign: .plus, exponent: -unit, significand: 1)
        isWide = widest >= limit
        tensor = t
        var ints = [Int32](repeating: 0, count: isWide ? 0 : t.count)
        if !isWide {
            var i = 0
            for b in t.blocks {
                for code in b.codes where i < t.count {
                    let v = f.element.decode(UInt32(code)) * Double(sign: .plus, exponent: f.elementExponentOffset - unit, significand: 1)
                    ints[i] = v.isFinite && abs(v) < limit ? Int32(v) : 0
                    i += 1
                }
            }
        }
        integers = ints
        blockScales = t.blocks.map(\.scale)
        tensorScale = f.scaling == .twoLevel ? t.tensorScale : 1
        blockSize = f.blockSize
    }

    /// The exponent of the smallest positive element value of `format`.
    public static func unitExponent(_ f: BlockFormat) -> Int {
        var smallest = Int.max
        for c in f.element.allCodes {
            let v = f.element.decode(c)
            if v.isFinite && v != 0 { smallest = min(smallest, twoAdicExponent(v)) }
        }
        return smallest + f.elementExponentOffset
    }

    static func twoAdicExponent(_ v: Double) -> Int {
        let m = abs(v)
        return Int(m.exponent) - Int(m.significandWidth)
    }
}
