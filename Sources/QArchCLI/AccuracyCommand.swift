import ArgumentParser
import DesignModel
import Exploration
import ExactJSON
import Foundation
import Models
import QArchSupport

/// `qarch accuracy D.json… [--sentences FILE] [--limit N] [--attention fp32|unit] [--jobs N] [--json]`:
/// model-level accuracy of each design on all-MiniLM-L6-v2 (`ModelAccuracy`): cosine of each
/// sentence embedding to the exact one, Spearman of all pairwise similarities, and per
/// sentence µJ and latency from the cost model.
struct AccuracyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accuracy",
        abstract: "Run all-MiniLM-L6-v2 end to end through each design; compare with exact embeddings.",
        discussion: """
            The dense layers run through each design's bit-exact unit in its dataflow's \
            accumulation order; attention products, softmax, LayerNorm, GELU and pooling run \
            in float64 unless --attention unit (then Q·Kᵀ and P·V run through the unit too). \
            The reference is the same encoder with exact float64 GEMMs. Designs run in \
            parallel on --jobs threads; results do not depend on it. A progress bar is drawn \
            on stderr when it is a terminal.
            """
    )

    @Argument(help: "Design JSON files.") var designs: [String]
    @Option(help: "UTF-8 text, one sentence per line.") var sentences = AccuracyCommand.defaultSentences
    @Option(parsing: .unconditional, help: "Use only the first N sentences.") var limit: Int?
    @Option(help: "Attention products Q·Kᵀ and P·V: fp32 (float64, default) or unit.") var attention = "fp32"
    @Option(help: "A checkpoint directory or model.zip instead of the installed package.") var model: String?
    @OptionGroup var jobs: JobsOption
    @OptionGroup var report: ReportOptions

    /// The evaluation set shipped with the project (256 sentences).
    static let defaultSentences = "Data/sentences.txt"

    func validate() throws {
        if designs.isEmpty { throw ValidationError("give at least one design file") }
        if !["fp32", "unit"].contains(attention) { throw ValidationError("--attention: expected fp32 or unit, found '\(attention)'") }
    }

    func run() throws {
        if let limit, limit < 1 { throw CLIError.invalidInput("--limit: expected a positive number of sentences, found \(limit)") }
        let specs = try designs.map { try DesignFile.require($0, overrides: []) }
        let inputs = try ModelInputs(sentenceFile: sentences, model: model, limit: limit)
        let start = Date()
        let viaUnit = attention == "unit"
        let reference: [[Double]]
        do {
            reference = try ReferenceEmbeddings.compute(inputs.embedder, sentences: inputs.tokens, attentionThroughUnit: viaUnit, jobs: jobs.count)
        } catch {
            throw CLIError.invalidInput("reference: \(error)")
        }
        let progress = ProgressBar(enabled: isatty(STDERR_FILENO) != 0, label: "designs")
        let embedder = inputs.embedder, tokens = inputs.tokens
        let results = WorkQueue.map(count: specs.count, jobs: jobs.count, progress: { progress.update($0, of: specs.count) }) { i in
            do {
                return (try ModelAccuracy.measure(specs[i], embedder: embedder, sentences: tokens, reference: reference,
                                                  attentionThroughUnit: viaUnit), nil) as (ModelAccuracy?, String?)
            } catch {
                return (nil, "\(error)")
            }
        }
        progress.finish()
        var rows: [ModelAccuracy] = []
        for (i, r) in results.enumerated() {
            guard let a = r.0 else { throw CLIError.invalidInput("\(designs[i]): \(r.1 ?? "failed")") }
            rows.append(a)
        }
        let seconds = Date().timeIntervalSince(start)
        report.emit(json: {
            .object([("sentences", .int(inputs.sentences.count)), ("truncated", .int(inputs.truncated)),
                     ("max_tokens", .int(inputs.embedder.tokenizer.maxLength)), ("attention", .string(attention)),
                     ("designs", .array(rows.map(Self.json)))])
        }, text: {
            var t = TextTable(["design", "bits/weight", "cosine mean", "cosine min", "Spearman", "µJ/sentence", "latency/sentence (µs)"],
                              rightAligned: [false, true, true, true, true, true, true])
            for r in rows {
                t.append([r.design, String(format: "%.3g", r.bitsPerWeight), String(format: "%.6f", r.comparison.meanCosine),
                          String(format: "%.6f", r.comparison.minCosine), String(format: "%.6f", r.comparison.spearman),
                          String(format: "%.4g", r.energyPJPerSentence / 1e6), String(format: "%.4g", r.latencySPerSentence * 1e6)])
            }
            return t.render() + "\n" + "all-MiniLM-L6-v2 on \(inputs.summary); attention \(attention == "unit" ? "through the unit" : "in float64"); "
                + String(format: "%.1f s", seconds)
        })
    }

    static func json(_ r: ModelAccuracy) -> JSONValue {
        func num(_ x: Double) -> JSONValue { x.isFinite ? .number(x) : .null }
        return .object([("design", .string(r.design)), ("bits_per_weight", num(r.bitsPerWeight)),
                        ("cosine_mean", num(r.comparison.meanCosine)), ("cosine_min", num(r.comparison.minCosine)),
                        ("spearman", num(r.comparison.spearman)), ("cycles_per_sentence", num(r.cyclesPerSentence)),
                        ("latency_s_per_sentence", num(r.latencySPerSentence)),
                        ("energy_uj_per_sentence", num(r.energyPJPerSentence / 1e6))])
    }
}
