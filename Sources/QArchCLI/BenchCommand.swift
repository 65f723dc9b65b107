import ArgumentParser
import ArithmeticUnits
import DesignModel
import Foundation
import NumberFormats
import QArchSupport

/// `qarch bench [--filter S] [--quick] [--json]`: measured throughput of the hot paths.
///
/// Each benchmark quantizes its operands once (untimed), then times the unit's bit-exact
/// GEMM, repeating until at least `--seconds` have passed, and reports the best rate.
/// Without `--quick` the cycle-stepped mode is timed against SCALE-Sim and whole value-run
/// processes against numpy (`EngineSpeedBenchmark`). `--scaling` instead times how the
/// engine's cost grows with size and writes the study (`ScalingBenchmark`).
/// JSON: `{benchmarks: [{name, unit, value}]}`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the throughput of the hot paths (use a release build)."
    )

    @Option(help: "Only run benchmarks whose name contains this text.")
    var filter: String?

    @Flag(help: "Small problem sizes and short timing (for smoke tests).")
    var quick = false

    @Option(parsing: .unconditional, help: "Minimum timed seconds per benchmark (more than 0, at most 3600).")
    var seconds = 0.3

    @Option(help: "The sweep spec timed by the explore benchmark (default: Designs/spaces/default.json in the working directory, else in the package).")
    var space: String?

    /// Worker threads of the explore benchmark.
    @OptionGroup var jobs: JobsOption

    @Flag(help: "Time SCALE-Sim live on the 1024³ cycle cases too (about five minutes each; otherwise their committed reference times).")
    var scalesimAll = false

    @Flag(help: "Instead of the benchmarks, time the fast, cycle-stepped and value paths over a range of sizes, fit their growth exponents and write a CSV and a log–log SVG chart into --out.")
    var scaling = false

    @Option(help: "The folder --scaling writes (default: Reports/bench).")
    var out = "Reports/bench"

    @OptionGroup var report: ReportOptions

    /// The result names of the GEMM benchmark (not run with `--quick`) and of the explore benchmark.
    static let gemmNames = ["gemm.mixpe-w4a8-1024", "gemm.numpy-float64-1024", "gemm.ratio-mixpe-to-numpy"]
    static let exploreNames = ["explore.points", "explore.evaluations"]
    /// The prefixes of the cycle-stepped and value-run benchmarks (not run with `--quick`).
    static let engineNames = ["cycle.", "value."]

    func validate() throws {
        guard seconds > 0 && seconds <= 3600 else {
            throw CLIError.invalidInput("--seconds: expected a number of seconds more than 0 and at most 3600, found \(seconds)")
        }
    }

    func run() throws {
        if scaling {
            let study = try ScalingBenchmark.run(quick: quick, out: out)
            report.emit(json: { study.json }, text: { study.text })
            return
        }
        let units = UnitBenchmarks.all(quick: quick)
        func selected(_ names: [String]) -> Bool { filter.map { f in names.contains { $0.contains(f) } } ?? true }
        let runGEMM = !quick && selected(Self.gemmNames), runExplore = selected(Self.exploreNames)
        // The cycle and value names depend on their cases: a filter selects them by their prefix.
        func selected(prefix: String) -> Bool { filter.map { prefix.contains($0) || $0.hasPrefix(prefix) } ?? true }
        let runCycle = !quick && selected(prefix: "cycle."), runValue = !quick && selected(prefix: "value.")
        if let filter, !runGEMM, !runExplore, !runCycle, !runValue, !units.contains(where: { $0.name.contains(filter) }) {
            let names = units.map(\.name) + (quick ? [] : Self.gemmNames + Self.engineNames.map { $0 + "*" }) + Self.exploreNames
            throw CLIError.invalidInput("--filter: no benchmark name contains '\(filter)'; benchmarks\(quick ? " with --quick" : ""): "
                + names.joined(separator: ", "))
        }
        var results: [(name: String, unit: String, value: Double)] = []
        for bench in units where filter.map({ bench.name.contains($0) }) ?? true {
            let rate = try bench.run(minimumSeconds: quick ? 0.01 : seconds)
            results.append((bench.name, "MMAC/s", rate / 1e6))
        }
        if runGEMM {
            let swiftSeconds = try GEMMBenchmark.mixpeW4A8Seconds(size: 1024)
            results.append(("gemm.mixpe-w4a8-1024", "s", swiftSeconds))
            if let numpy = GEMMBenchmark.numpySeconds(size: 1024) {
                results.append(("gemm.numpy-float64-1024", "s", numpy))
                results.append(("gemm.ratio-mixpe-to-numpy", "x", swiftSeconds / numpy))
            }
        }
        if runCycle { results += try EngineSpeedBenchmark.cycle(scaleSimAll: scalesimAll).filter { r in filter.map { r.name.contains($0) } ?? true } }
        if runValue { results += try EngineSpeedBenchmark.value().filter { r in filter.map { r.name.contains($0) } ?? true } }
        if runExplore {
            let rates = try ExploreBenchmark.run(space: space ?? Self.defaultSpace(), jobs: jobs.count,
                                                 minimumSeconds: quick ? 0.05 : max(seconds, 1))
            results.append(("explore.points", "points/s", rates.points))
            results.append(("explore.evaluations", "evaluations/s", rates.evaluations))
        }
        report.emit(json: {
            .object([("benchmarks", .array(results.map {
                .object([("name", .string($0.name)), ("unit", .string($0.unit)), ("value", .number($0.value))])
            }))])
        }, text: {
            var table = TextTable(["benchmark", "unit", "value"], rightAligned: [false, false, true])
            for r in results { table.append([r.name, r.unit, String(format: r.value < 0.01 ? "%.3g" : r.value < 10 ? "%.3f" : "%.1f", r.value)]) }
            return table.render()
        })
    }
}

extension BenchCommand {
    /// The default space of the explore benchmark: `Designs/spaces/default.json` in the
    /// working directory when it is there, else the one of the package qarch was built from.
    static func defaultSpace() -> String { packagePath("Designs/spaces/default.json") }

    /// `relative` in the working directory when it is there, else in the package qarch was
    /// built from (else `relative` itself).
    static func packagePath(_ relative: String) -> String {
        if FileManager.default.fileExists(atPath: relative) { return relative }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(relative).path
        return FileManager.default.fileExists(atPath: package) ? package : relative
    }
}

/// Seeded benchmark operands: A uniform in [−1, 1), B uniform in [−0.05, 0.05).
func benchmarkOperands(m: Int, k: Int, n: Int, seed: UInt64) -> (Matrix, Matrix) {
    var rng = SplitMix64(seed: seed)
    var a = Matrix(rows: m, cols: k), b = Matrix(rows: k, cols: n)
    for i in 0..<a.storage.count { a.storage[i] = rng.nextUnit() * 2 - 1 }
    for i in 0..<b.storage.count { b.storage[i] = (rng.nextUnit() * 2 - 1) * 0.05 }
    return (a, b)
}
