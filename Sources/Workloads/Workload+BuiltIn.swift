import ExactJSON

/// Built-in workload names: `MODEL:PHASE[:M][:layer]`.
///
/// MODEL is one of `ModelConfig.all`; PHASE is `prefill` or `decode`; M (tokens × batch) is
/// a positive integer, by default 256 for prefill and 1 for decode; `:layer` gives one decoder
/// layer's GEMMs instead of the whole model's. Names are case-insensitive.
///
/// ```swift
/// Workload.parseBuiltIn("llama-2-7b:decode:1:layer")   // .success: 7 GEMMs, M = 1
/// Workload.parseBuiltIn("llama2-7b:decode")             // .failure: unknown model 'llama2-7b' (did you mean 'llama-2-7b'?); models: …
/// Workload.parseBuiltIn("llama-2-7b:prefil")            // .failure: unknown phase 'prefil' (did you mean 'prefill'?); …
/// ```
extension Workload {
    /// The syntax, for messages and help: `MODEL:PHASE[:M][:layer]`.
    public static let builtInSyntax = "MODEL:PHASE[:M][:layer]"

    /// What is wrong with a built-in workload name.
    public struct BuiltInNameProblem: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// The workload a built-in name stands for, or what is wrong with the name.
    public static func parseBuiltIn(_ spec: String) -> Result<Workload, BuiltInNameProblem> {
        func problem(_ what: String) -> Result<Workload, BuiltInNameProblem> {
            .failure(BuiltInNameProblem(description: "\(what) (a built-in workload is \(builtInSyntax))"))
        }
        let parts = spec.lowercased().split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let models = ModelConfig.all.map(\.name), phases = Phase.allCases.map(\.rawValue)
        guard let first = parts.first, let model = ModelConfig.named(first) else {
            let name = parts.first ?? ""
            return problem("unknown model '\(name)'\(Suggestion.hint(for: name, in: models)); models: \(models.joined(separator: ", "))")
        }
        var rest = Array(parts.dropFirst())
        let layerOnly = rest.last == "layer"
        if layerOnly { rest.removeLast() }
        guard rest.count <= 2 else { return problem("expected at most 4 fields, found \(parts.count) in '\(spec)'") }
        var phase = Phase.decode
        if let word = rest.first {
            guard let p = Phase(rawValue: word) else {
                return problem("unknown phase '\(word)'\(Suggestion.hint(for: word, in: phases)); phases: \(phases.joined(separator: ", "))")
            }
            phase = p
        }
        var m = phase == .prefill ? 256 : 1
        if rest.count == 2 {
            guard let v = Int(rest[1]), v > 0 else {
                return problem("M (tokens × batch) must be a positive integer, found '\(rest[1])'")
            }
            m = v
        }
        let gemms = layerOnly ? model.layerGEMMs(tokens: m) : model.modelGEMMs(tokens: m)
        return .success(Workload(name: "\(model.name):\(phase.rawValue):\(m)\(layerOnly ? ":layer" : "")", gemms: gemms))
    }
}
