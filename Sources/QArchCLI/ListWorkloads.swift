import ArgumentParser
import ExactJSON
import QArchSupport
import Workloads

/// `qarch workloads list`: every built-in model with its shape, and the name syntax
/// `MODEL:PHASE[:M][:layer]` (`Workload.parseBuiltIn`).
///
/// JSON: `{syntax, phases: [{name, default_m}], models: [{name, hidden, ffn, layers, kv_width,
/// gated, layer_gemms}]}`; `layer_gemms` names one decoder layer's GEMMs, e.g. `q_proj`.
struct ListWorkloads: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the built-in models (hidden size, FFN, layers, K/V width) and the workload syntax.",
        discussion: """
            A built-in workload is MODEL:PHASE[:M][:layer]: PHASE is prefill (M tokens, default \
            256) or decode (M sequences, default 1); :layer gives one decoder layer's GEMMs instead \
            of the whole model's. Example: llama-2-7b:decode:1:layer. A model's own files are             workloads too: hf:PATH/config.json[:PHASE[:M]][:ctx=C][:layer] (a Hugging Face config)             and st:PATH/model.safetensors[:PHASE[:M]] (the 2-D weights of a safetensors header).
            """
    )

    @OptionGroup var report: ReportOptions

    func run() throws {
        let models = ModelConfig.all
        let phases: [(Phase, Int)] = [(.prefill, 256), (.decode, 1)]
        report.emit(json: {
            .object([
                ("syntax", .string(Workload.builtInSyntax)),
                ("phases", .array(phases.map { .object([("name", .string($0.0.rawValue)), ("default_m", .int($0.1))]) })),
                ("models", .array(models.map { m in
                    .object([("name", .string(m.name)), ("hidden", .int(m.hidden)), ("ffn", .int(m.ffn)),
                             ("layers", .int(m.layers)), ("kv_width", .int(m.kvWidth)), ("gated", .bool(m.gated)),
                             ("layer_gemms", .array(m.layerGEMMs(tokens: 1).map { .string($0.name) }))])
                })),
            ])
        }, text: {
            var table = TextTable(["model", "hidden", "ffn", "layers", "kv width", "gated FFN"],
                                  rightAligned: [false, true, true, true, true, false])
            for m in models {
                table.append([m.name, "\(m.hidden)", "\(m.ffn)", "\(m.layers)", "\(m.kvWidth)", m.gated ? "yes" : "no"])
            }
            return "workload names: \(Workload.builtInSyntax); phases prefill (M default 256), decode (M default 1); "
                + ":layer = one decoder layer\n" + table.render()
        })
    }
}
