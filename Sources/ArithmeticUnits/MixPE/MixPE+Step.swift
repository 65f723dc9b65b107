import NumberFormats

extension MixPE {
    /// One W4A8 PE step: the products of `weights` (uint4 codes) and `activations` (int8),
    /// each formed by `ShiftAddMultiplier`, added one after the other to `partialSum` in
    /// the group accumulator (wrap or saturate after every addition), as
    /// `GroupedIntegerKernel` sums a group in k order.
    ///
    /// ```swift
    /// MixPE(mode: .w4a8).step(partialSum: Int64(Int32.max), weights: [1], activations: [1])   // -2147483648 (wrap)
    /// ```
    public func step(partialSum: Int64, weights: [UInt8], activations: [Int8]) -> Int64 {
        var acc = accumulator.reduce(partialSum)
        for (w, a) in zip(weights, activations) {
            acc = accumulator.add(acc, Int64(ShiftAddMultiplier.multiply(activation: a, weight: w & 0xF).product))
        }
        return acc
    }

    /// One W4A16 PE step: `partialSum + a·q` in FP32 for each lane in order (the product of
    /// an FP16 value and a 4-bit integer is exact in FP32; each sum rounded to nearest-even).
    public func step(partialSum: Float, weights: [UInt8], activations: [Float]) -> Float {
        var acc = partialSum
        for (w, a) in zip(weights, activations) { acc = acc + a * Float(w & 0xF) }
        return acc
    }

    /// The W4A8 dequantization of one group, once per (row, column, group), as
    /// `GroupedIntegerKernel` applies it: `d = acc − reduce(z·A)` in the accumulator register,
    /// then `y + s·float(d)` in FP32. (`y` is finally multiplied by the activation scale,
    /// once per output.)
    ///
    /// ```swift
    /// MixPE(mode: .w4a8).epilogue(y: 0, groupSum: 100, activationSum: 10, zeroPoint: 8, scale: 0.5)   // 10 (0.5·(100 − 80))
    /// ```
    public func epilogue(y: Float, groupSum: Int64, activationSum: Int64, zeroPoint: Int32, scale: Float) -> Float {
        let correction = accumulator.reduce(Int64(zeroPoint) &* accumulator.reduce(activationSum))
        let d = accumulator.add(accumulator.reduce(groupSum), -correction)
        return y + scale * Float(d)
    }

    /// The W4A16 dequantization of one group, as `MixPEKernel.w4a16` applies it, in FP32:
    /// `d = acc − float(z)·A`, then `y + s·d`.
    public func epilogue(y: Float, groupSum: Float, activationSum: Float, zeroPoint: Int32, scale: Float) -> Float {
        let d = groupSum - Float(zeroPoint) * activationSum
        return y + scale * d
    }
}
