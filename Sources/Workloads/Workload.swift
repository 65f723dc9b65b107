import NumberFormats

/// A named list of GEMMs to evaluate a design on.
///
/// Built-in names are `MODEL:PHASE:M` or `MODEL:PHASE` (prefill defaults to 256 tokens, decode
/// to batch 1), optionally `…:layer` for one decoder layer instead of the whole model.
///
/// ```swift
/// let w = Workload.builtIn("llama-2-7b:decode:1:layer")!
/// w.gemms.count   // 7
/// w.macs          // 202_375_168
/// ```
///
/// Evaluating a workload needs positive dimensions, non-negative counts and at most 2^62
/// MACs in all (`MACLimit`; `validated(as:)` names what is wrong).
public struct Workload: Sendable, Hashable, Codable {
    public var name: String
    public var gemms: [GEMMShape]

    public init(name: String, gemms: [GEMMShape]) {
        self.name = name
        self.gemms = gemms
    }

    /// Total MACs, Σ count·M·K·N, exactly; nil when a GEMM or the total exceeds 2^62
    /// (`MACLimit`) or a field is negative.
    public var macs: Int? {
        var total = 0
        for g in gemms {
            guard let macs = g.macs else { return nil }
            let (sum, overflow) = total.addingReportingOverflow(macs)
            if overflow || sum > MACLimit.value { return nil }
            total = sum
        }
        return total
    }

    /// Parse a built-in workload name, or nil when it is not one (`parseBuiltIn` says why).
    public static func builtIn(_ spec: String) -> Workload? { try? parseBuiltIn(spec).get() }
}
