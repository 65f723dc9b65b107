/// Quantizing whole vectors into blocks, and decoding them back.
extension BlockFormat {
    /// Quantizes `values` into consecutive blocks of `blockSize` (the last block may be
    /// partial) with `MXQuantizer` or `NVFP4Quantizer`.
    ///
    /// ```swift
    /// let t = BlockFormat.mxfp4.quantize([0.3, 0.1, -0.05])
    /// t.blocks[0].scaleCode          // 123 (X = 2^-4)
    /// t.values                       // [0.25, 0.09375, -0.0625]  (4.8→4, 1.6→1.5, −0.8→−1)
    /// BlockFormat.mxfp4.quantize([2.5], options: .microxcaling).values   // [3.0]
    /// ```
    public func quantize(_ values: [Double], options: BlockQuantizationOptions = .standard) -> QuantizedTensor {
        var rng = SplitMix64(seed: options.seed)
        var blocks: [QuantizedBlock] = []
        blocks.reserveCapacity(blockCount(elements: values.count))
        let tensorScale = scaling == .twoLevel ? NVFP4Quantizer.tensorScale(for: values, format: self, options: options) : 1
        var start = 0
        while start < values.count {
            let end = min(start + blockSize, values.count)
            let slice = values[start..<end]
            switch scaling {
            case .sharedExponent:
                blocks.append(MXQuantizer.quantizeBlock(slice, format: self, options: options, rng: &rng))
            case .twoLevel:
                blocks.append(NVFP4Quantizer.quantizeBlock(slice, tensorScale: tensorScale, format: self, options: options, rng: &rng))
            }
            start = end
        }
        return QuantizedTensor(format: self, count: values.count, tensorScale: tensorScale, blocks: blocks)
    }

    /// The dequantized values of `tensor` (equal to `tensor.values`).
    public func dequantize(_ tensor: QuantizedTensor) -> [Double] { tensor.dequantize() }
}
