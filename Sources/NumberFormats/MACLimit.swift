/// The most multiply-accumulates qarch evaluates in one GEMM, and in one workload: 2^62.
///
/// Shapes are checked against it where they enter (a workload, `qarch gemm`'s sizes, the
/// engines' plans), so every MAC count is exact in an `Int`. The counts derived from a shape
/// (cycles, bytes, accesses) are then computed exactly or refused where they would exceed
/// 2^63 − 1; nothing is wrapped or saturated. The margin of 2^62 below 2^63 keeps sums of
/// MAC counts and the 2·MACs of operation counts exact too.
///
/// ```swift
/// MACLimit.product([1 << 20, 1 << 20, 1 << 20])   // 1 << 60
/// MACLimit.product([1 << 21, 1 << 21, 1 << 21])   // nil: 2^63 > 2^62
/// MACLimit.excess("M·K·N", [1 << 21, 1 << 21, 1 << 21])
/// // "M·K·N = 2097152·2097152·2097152 MACs exceeds the limit 2^62 (= 4611686018427387904)"
/// ```
public enum MACLimit {
    /// 2^62 MACs.
    public static let value = 1 << 62

    /// The limit as message text: `2^62 (= 4611686018427387904)`.
    public static let text = "2^62 (= \(value))"

    /// The exact product of non-negative `factors` when it is at most `value`, else nil
    /// (nil too for a negative factor).
    public static func product(_ factors: [Int]) -> Int? {
        guard factors.allSatisfy({ $0 >= 0 }) else { return nil }
        if factors.contains(0) { return 0 }
        var p = 1
        for f in factors {
            let (r, overflow) = p.multipliedReportingOverflow(by: f)
            if overflow || r > value { return nil }
            p = r
        }
        return p
    }

    /// The one-line reason `factors` are refused, naming them: `names = f₁·f₂·… MACs exceeds
    /// the limit 2^62 (= …)`.
    public static func excess(_ names: String, _ factors: [Int]) -> String {
        "\(names) = \(factors.map(String.init).joined(separator: "·")) MACs exceeds the limit \(text)"
    }
}
