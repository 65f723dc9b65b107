import NumberFormats

extension FloatMAC {
    /// The element format of one step's operands: HiF8 for `hif8`, FP16 otherwise (for
    /// `dequantFP16` the weight is the dequantized FP16 value, `dequantizedWeight`).
    public var operandFormat: ElementFormat { kind == .hif8 ? .hif8 : .fp16 }

    /// One MAC step of the FP32 accumulator, as `FP32AccumulationKernel` adds a product:
    /// `acc + a·b`, the product exact in FP32 and the sum rounded once (nearest-even).
    ///
    /// ```swift
    /// FloatMAC(kind: .hif8).step(accumulator: 1, activation: 0x08, weight: 0x09)   // 2.125 (1 + 1·1.125)
    /// ```
    public func step(accumulator: Float, activation: UInt32, weight: UInt32) -> Float {
        accumulator + Float(operandFormat.decode(activation)) * Float(operandFormat.decode(weight))
    }

    /// The `dequantFP16` weight: the FP16 code of RN_fp16(s·(q − z)), as `quantize` forms it.
    ///
    /// ```swift
    /// FloatMAC.dequantizedWeight(code: 9, zeroPoint: 8, scale: 0.5)   // 0x3800 (0.5)
    /// ```
    public static func dequantizedWeight(code: Int, zeroPoint: Int, scale: Double) -> UInt32 {
        FormatArithmetic.mul(scale, Double(code - zeroPoint), to: .fp16, rule: .nearestEven, overflow: .infinity)
    }
}
