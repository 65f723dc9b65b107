import ExactJSON

/// Workloads from model files: `hf:PATH[:PHASE[:M]][:ctx=C][:layer]` (a Hugging Face
/// `config.json`, `HFModelConfig`) and `st:PATH[:PHASE[:M]]` (the 2-D weights of a
/// `.safetensors` header, `SafetensorsHeader`). Workloads/README.md, "Models from Hugging
/// Face configs".
///
/// PHASE and M as for built-in names (prefill: M tokens, default 256; decode: M sequences,
/// default 1; the default phase is decode, prefill for encoders); `ctx=C` (decode only, default 256) is the number of keys each decoded token
/// attends over. For ViT, M is the number of images (default 1). PATH may not contain `:`.
///
/// ```swift
/// Workload.parseModelFile("hf:llama/config.json:decode:8:ctx=4096")   // .success: q_proj … lm_head, M = 8
/// Workload.parseModelFile("llama-2-7b:decode")                         // nil: not a model file
/// Workload.parseModelFile("hf:vit.json:decode")                        // .failure: vit is an encoder …
/// ```
extension Workload {
    /// The syntax, for messages and help.
    public static let modelFileSyntax = "hf:PATH/config.json[:PHASE[:M]][:ctx=C][:layer] or st:PATH/model.safetensors[:PHASE[:M]]"

    /// The default number of keys of a decoded token (`ctx=C`).
    public static let defaultDecodeContext = 256

    /// The workload of an `hf:` or `st:` spec, or nil when `spec` starts with neither.
    /// `resolvePath` maps the PATH written in the spec to the file to open (e.g. against a
    /// sweep spec's folder); the workload keeps the name as written.
    public static func parseModelFile(_ spec: String, resolvePath: (String) -> String = { $0 })
        -> Result<Workload, WorkloadError>? {
        let kind = spec.prefix(3).lowercased()
        guard kind == "hf:" || kind == "st:" else { return nil }
        func problem(_ what: String) -> Result<Workload, WorkloadError> {
            .failure(.invalid(path: "workload '\(spec)'", field: "syntax", message: "\(what) (expected \(modelFileSyntax))"))
        }
        var fields = spec.dropFirst(3).split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let path = fields.first, !path.isEmpty else { return problem("expected a file path after '\(kind)'") }
        fields.removeFirst()
        let layerOnly = kind == "hf:" && fields.last?.lowercased() == "layer"
        if layerOnly { fields.removeLast() }
        var context: Int?
        if kind == "hf:", let last = fields.last, last.lowercased().hasPrefix("ctx=") {
            guard let c = Int(last.dropFirst(4)), c > 0 else {
                return problem("ctx (keys per decoded token) must be a positive integer, found '\(last.dropFirst(4))'")
            }
            context = c
            fields.removeLast()
        }
        guard fields.count <= 2 else { return problem("unexpected field '\(fields[2])'") }
        var phase: Phase?
        if let word = fields.first {
            let phases = Phase.allCases.map(\.rawValue)
            guard let p = Phase(rawValue: word.lowercased()) else {
                return problem("unknown phase '\(word)'\(Suggestion.hint(for: word.lowercased(), in: phases)); phases: \(phases.joined(separator: ", "))")
            }
            phase = p
        }
        if context != nil && phase == .prefill { return problem("ctx=C applies to the decode phase only") }
        var m: Int?
        if fields.count == 2 {
            guard let v = Int(fields[1]), v > 0 else { return problem("M must be a positive integer, found '\(fields[1])'") }
            m = v
        }
        let file = resolvePath(path)
        do throws(WorkloadError) {
            if kind == "st:" {
                let phase = phase ?? .decode
                let tokens = m ?? (phase == .prefill ? 256 : 1)
                let header = try SafetensorsHeader(contentsOf: file)
                let gemms = header.gemms(m: tokens)
                if gemms.isEmpty { throw .invalid(path: file, field: "header", message: "expected at least one 2-D tensor, found none") }
                return .success(Workload(name: "st:\(path):\(phase.rawValue):\(tokens)", gemms: gemms))
            }
            let config = try HFModelConfig(contentsOf: file)
            let phase = phase ?? (config.isEncoder ? .prefill : .decode)
            if config.isEncoder && phase == .decode {
                return problem("\(config.modelType) is an encoder: only the prefill phase applies")
            }
            let tokens = m ?? (config.imageTokens != nil || phase == .decode ? 1 : 256)
            let ctx = context ?? defaultDecodeContext
            let gemms = config.gemms(phase: phase, m: tokens, context: ctx, layerOnly: layerOnly)
            let name = "hf:\(path):\(phase.rawValue):\(tokens)" + (phase == .decode ? ":ctx=\(ctx)" : "") + (layerOnly ? ":layer" : "")
            return .success(Workload(name: name, gemms: gemms))
        } catch {
            return .failure(error)
        }
    }
}
