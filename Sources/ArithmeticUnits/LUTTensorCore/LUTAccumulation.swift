import NumberFormats

/// How the LUT Tensor Core accumulates looked-up entries.
public enum LUTAccumulation: String, Sendable, Codable, CaseIterable {
    /// FP16 adder with DesignWare `ieee_compliance = 0` semantics: round to nearest-even,
    /// denormal inputs and outputs flushed to zero (spec §5.2, §8.10(c) default).
    case fp16
    /// FP32 adder, IEEE round to nearest-even.
    case fp32
}
