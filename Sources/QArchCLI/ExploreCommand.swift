import ArgumentParser
import Exploration
import Foundation
import Reporting
import Workloads

/// `qarch explore SPACE.json [--out DIR] [--jobs N] [--shard i/n] [--json]`: sweep a design
/// space, find the Pareto fronts and write the report (QArchCLI/README.md, "Commands").
///
/// Each point is priced by the cost model on every workload of the spec and its unit's
/// numeric error measured on a bit-exact GEMM tile; with `"error": {"metric": "model"}` each
/// distinct unit configuration also runs all-MiniLM-L6-v2 end to end (`ModelQualityCache`,
/// computed before the points, on --jobs threads). The report folder gets `summary.md`,
/// `results.csv`, `results.json`, SVG charts and the manifest `.qarch-report.json`; it must
/// be new, empty or a previous qarch report, which is replaced as a whole (`ReportFolder`),
/// and is checked before the sweep runs. Results are
/// identical for any `--jobs`; shards (`--shard 0/2`, `--shard 1/2`) merge with
/// `qarch report merge` into the unsharded report.
///
/// ```
/// qarch explore Designs/spaces/default.json --out Reports/default
/// ```
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Sweep a design space; write the Pareto fronts and report into a folder.",
        discussion: """
            The space is a sweep spec (see Designs/spaces/default.json): base designs with \
            axes (design JSON paths and their values), workloads, grid or random sampling, \
            constraints and objectives. A progress bar is drawn on stderr when it is a terminal.
            """
    )

    @Argument(help: "The sweep spec (JSON).")
    var space: String

    @Option(help: "The report folder: new, empty, or a previous qarch report, which is replaced as a whole (default: Reports/<spec name>).")
    var out: String?

    @OptionGroup var jobs: JobsOption

    @Option(parsing: .unconditional, help: """
        Evaluate only shard i of n (numbered from 0), e.g. 0/2; merge with 'qarch report merge'. \
        'auto' takes i and n from a Slurm array job, 'auto/n' takes i from a Slurm array or a \
        Kubernetes Indexed Job (JOB_COMPLETION_INDEX).
        """)
    var shard: String?

    @Option(help: "Refuse, before any work, a sweep of more points than this.")
    var maxPoints = SweepSpec.maxGridPoints

    @Flag(help: "Keep finished point ranges in a hidden folder beside --out and continue an interrupted sweep from them.")
    var resume = false

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if out?.isEmpty == true { throw CLIError.invalidInput("--out: expected a folder path, found an empty string") }
        if maxPoints < 1 { throw CLIError.invalidInput("--max-points: expected a count ≥ 1, found \(maxPoints)") }
        _ = try selectedShard()
    }

    /// The `--shard` this process evaluates (nil: all points), resolved in its environment.
    func selectedShard() throws -> SweepResult.Shard? {
        guard let shard else { return nil }
        do {
            return try ShardSelection.resolve(shard, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CLIError.invalidInput("--shard: \(error)")
        }
    }

    func run() throws {
        InterruptCleanup.install()
        let spec = try SweepSpecFile.require(space)
        let folder = out ?? "Reports/\(ReportFolder.component(spec.name))"
        let inputs = [space] + spec.designs.map { SweepSpec.designPath($0.file, spec: space) } + (spec.modelQuality.map { [$0.sentencePath] } ?? [])
        try CLIError.writing { () throws(OutputProblem) in try ReportFolder.check(folder, inputs: inputs) }
        if case .random(let asked, _) = spec.sampling, asked > spec.gridSize {
            Console.err("qarch: warning: \(space): sampling: \(asked) random points asked, but the grid holds \(spec.gridSize); "
                + "all \(spec.gridSize) are evaluated")
        }
        if let why = spec.pointLimitProblem(maxPoints) { throw CLIError.invalidInput("\(space): \(why)") }
        let shard = try selectedShard()
        let points = shard.map { spec.selectedPoints(shard: $0.index, of: $0.count) } ?? spec.selectedPoints()
        let progress = ProgressBar(enabled: isatty(STDERR_FILENO) != 0, label: "points")
        let start = Date()
        let model = try spec.modelQuality.map { settings in
            do {
                return try ModelQualityCache.load(settings, jobs: jobs.count)
            } catch {
                throw CLIError.invalidInput("\(space): error.metric: model quality needs the all-MiniLM-L6-v2 checkpoint and the sentences: \(error)")
            }
        }
        let evaluator = PointEvaluator(spec: spec, model: model)
        if let model {
            let designs = points.compactMap { try? evaluator.design(for: spec.point(at: $0)).get() }
            let bar = ProgressBar(enabled: isatty(STDERR_FILENO) != 0, label: "model runs")
            model.prepare(designs, jobs: jobs.count) { done, total in bar.update(done, of: total) }
            bar.finish()
        }
        if let why = evaluator.errors.unavailableData {
            Console.err("qarch: warning: \(space): error.data: MiniLM data requested but not available (\(why)); "
                + "numeric errors use seeded synthetic data")
        }
        let runner = SweepRunner(evaluator: evaluator, jobs: jobs.count)
        let checkpoint = resume ? SweepCheckpoint(report: folder, spec: spec, shard: shard) : nil
        let records = try checkpoint.map { c in
            try CLIError.writing { () throws(OutputProblem) in
                try c.run(points, runner: runner, errorSource: evaluator.errors.source, modelSource: model?.source) { done, total in progress.update(done, of: total) }
            }
        } ?? runner.run(points) { done, total in progress.update(done, of: total) }
        progress.finish()
        let result = SweepResult(spec: spec, shard: shard, records: records, errorSource: evaluator.errors.source,
                                 modelSource: model?.source)
        try CLIError.writing { () throws(OutputProblem) in try SweepReport.write(result, to: folder, inputs: inputs) }
        checkpoint?.remove()
        let seconds = Date().timeIntervalSince(start)
        report.emit(json: { ReportSummary.json(result, folder: folder) },
                    text: { ReportSummary.text(result, folder: folder) + String(format: " (%.2f s)", seconds) })
    }
}
