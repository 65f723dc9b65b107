/// Quantizing a matrix row by row, so that blocks never span rows.
extension BlockFormat {
    /// Quantizes each row on its own with `quantize(_:options:)`: row r draws its stochastic
    /// rounding from seed `options.seed + r`, and NVFP4's FP32 per-tensor scale is computed
    /// once over all rows (unless `options.tensorScale` fixes it), as one tensor would be.
    ///
    /// ```swift
    /// let rows = BlockFormat.mxfp4.quantizeRows([[0.3, 0.1], [-0.05]])
    /// rows.count              // 2: one QuantizedTensor per row
    /// rows[1].values          // [-0.0625]
    /// ```
    public func quantizeRows(_ rows: [[Double]], options: BlockQuantizationOptions = .standard) -> [QuantizedTensor] {
        var rowOptions = options
        if scaling == .twoLevel, options.tensorScale == nil {
            rowOptions.tensorScale = NVFP4Quantizer.tensorScale(for: rows.flatMap { $0 }, format: self, options: options)
        }
        return rows.enumerated().map { r, row in
            rowOptions.seed = options.seed &+ UInt64(r)
            return quantize(row, options: rowOptions)
        }
    }
}
