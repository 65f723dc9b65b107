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

    /// Parse a built-in workload name, or nil when it is not one.
    public static func builtIn(_ spec: String) -> Workload? {
        let parts = spec.lowercased().split(separator: ":").map(String.init)
        guard let first = parts.first, let model = ModelConfig.named(first) else { return nil }
        var rest = Array(parts.dropFirst())
        let layerOnly = rest.last == "layer"
        if layerOnly { rest.removeLast() }
        let phase = rest.first.flatMap(Phase.init(rawValue:)) ?? .decode
        if !rest.isEmpty && Phase(rawValue: rest[0]) == nil { return nil }
        let m: Int
        if rest.count >= 2 {
            guard let v = Int(rest[1]), v > 0 else { return nil }
            m = v
        } else {
            m = phase == .prefill ? 256 : 1
        }
        if rest.count > 2 { return nil }
        let gemms = layerOnly ? model.layerGEMMs(tokens: m) : model.modelGEMMs(tokens: m)
        return Workload(name: "\(model.name):\(phase.rawValue):\(m)\(layerOnly ? ":layer" : "")", gemms: gemms)
    }
}
