import NumberFormats

/// How the LUT Tensor Core accumulates looked-up entries.
public enum LUTAccumulation: String, Sendable, Codable, CaseIterable {
    /// FP16 adder with DesignWare `ieee_compliance = 0` semantics: round to nearest-even,
    /// denormal inputs and outputs flushed to zero (the default of ArithmeticUnits/README.md, "LUT Tensor Core").
    case fp16
    /// FP32 adder, IEEE round to nearest-even.
    case fp32
}
