/// One quantized block of a `QuantizedTensor`.
///
/// ```swift
/// let t = BlockFormat.mxfp4.quantize([6, 3, -1.5, 0.25])
/// let b = t.blocks[0]
/// b.scaleCode   // 127 (X = 2^0)
/// b.codes       // [0x7, 0x5, 0xB, 0x0]
/// b.values      // [6, 3, -1.5, 0]
/// ```
public struct QuantizedBlock: Sendable, Hashable {
    /// The block scale code: E8M0 for MX (0xFF = NaN), E4M3 for NVFP4 (0x7F = NaN).
    public let scaleCode: UInt32
    /// The decoded block scale: 2^(code−127) for MX, the E4M3 value for NVFP4 (without the
    /// tensor scale). NaN when the code is NaN.
    public let scale: Double
    /// Element codes of the block's element format (fewer than k in a partial last block).
    /// All zero when the scale is NaN.
    public let codes: [UInt8]
    /// The exact decoded values: element · scale (· tensor scale for NVFP4); all NaN when the
    /// scale is NaN.
    public let values: [Double]

    public init(scaleCode: UInt32, scale: Double, codes: [UInt8], values: [Double]) {
        self.scaleCode = scaleCode
        self.scale = scale
        self.codes = codes
        self.values = values
    }

    /// Whether the block scale is NaN (every element decodes to NaN).
    public var isNaN: Bool { scale.isNaN }

    /// Bit-pattern equality, so NaN values compare equal to themselves.
    public static func == (a: QuantizedBlock, b: QuantizedBlock) -> Bool {
        a.scaleCode == b.scaleCode && a.codes == b.codes && a.scale.bitPattern == b.scale.bitPattern
            && a.values.map(\.bitPattern) == b.values.map(\.bitPattern)
    }

    public func hash(into h: inout Hasher) {
        h.combine(scaleCode)
        h.combine(codes)
    }
}
