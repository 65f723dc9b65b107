import NumberFormats

/// How the BitMoD PE computes (ArithmeticUnits/README.md, "BitMoD PE").
public enum BitMoDMode: String, Sendable, Codable, CaseIterable {
    /// Exact dequantized math: w = value·q_scale·s_ch, each product fused into an FP32
    /// accumulator (one rounding per step), K in order.
    case functional
    /// The RTL's truncating datapath (`BitMoDRTLDatapath`), then FP32 across groups.
    case rtl
}
