/// A vector quantized into consecutive blocks of a `BlockFormat`.
///
/// ```swift
/// let t = BlockFormat.nvfp4.quantize(weights)   // weights.count == 40 → 3 blocks (16, 16, 8)
/// t.tensorScale                                  // FP32 s_tensor
/// t.values                                       // dequantized, exactly
/// t.dequantize() == t.values                     // decoding the codes again agrees
/// ```
public struct QuantizedTensor: Sendable, Hashable {
    /// The block format.
    public let format: BlockFormat
    /// The number of elements (the last block may be partial).
    public let count: Int
    /// NVFP4: the FP32 per-tensor scale s_tensor (as a `Double`, exactly). 1 for MX.
    public let tensorScale: Double
    /// The blocks, in order.
    public let blocks: [QuantizedBlock]

    public init(format: BlockFormat, count: Int, tensorScale: Double, blocks: [QuantizedBlock]) {
        self.format = format
        self.count = count
        self.tensorScale = tensorScale
        self.blocks = blocks
    }

    /// The dequantized values, exactly (NaN for elements of NaN-scaled blocks).
    public var values: [Double] { blocks.flatMap(\.values) }

    /// All element codes in order.
    public var codes: [UInt8] { blocks.flatMap(\.codes) }

    /// The block scale codes in order.
    public var scaleCodes: [UInt32] { blocks.map(\.scaleCode) }

    /// Decodes the codes again from scratch (scale codes, element codes, tensor scale); equal
    /// to `values`.
    public func dequantize() -> [Double] {
        blocks.flatMap { format.decodeBlock(scaleCode: $0.scaleCode, codes: $0.codes, tensorScale: tensorScale) }
    }

    public static func == (a: QuantizedTensor, b: QuantizedTensor) -> Bool {
        a.format == b.format && a.count == b.count && a.tensorScale.bitPattern == b.tensorScale.bitPattern
            && a.blocks == b.blocks
    }

    public func hash(into h: inout Hasher) {
        h.combine(format)
        h.combine(count)
        h.combine(blocks)
    }
}
