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

    @OptionGroup var report: ReportOptions

    /// The result names of the GEMM benchmark (not run with `--quick`) and of the explore benchmark.
    static let gemmNames = ["gemm.mixpe-w4a8-1024", "gemm.numpy-float64-1024", "gemm.ratio-mixpe-to-numpy"]
    static let exploreNames = ["explore.points", "explore.evaluations"]

    func validate() throws {
        guard seconds > 0 && seconds <= 3600 else {
            throw ValidationError("--seconds: expected a number of seconds more than 0 and at most 3600, found \(seconds)")
        }
    }

    func run() throws {
        let units = UnitBenchmarks.all(quick: quick)
        func selected(_ names: [String]) -> Bool { filter.map { f in names.contains { $0.contains(f) } } ?? true }
        let runGEMM = !quick && selected(Self.gemmNames), runExplore = selected(Self.exploreNames)
        if let filter, !runGEMM, !runExplore, !units.contains(where: { $0.name.contains(filter) }) {
            let names = units.map(\.name) + (quick ? [] : Self.gemmNames) + Self.exploreNames
            throw CLIError.usage("--filter: no benchmark name contains '\(filter)'; benchmarks\(quick ? " with --quick" : ""): "
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
            for r in results { table.append([r.name, r.unit, String(format: r.value < 10 ? "%.3f" : "%.1f", r.value)]) }
            return table.render()
        })
    }
}

extension BenchCommand {
    /// The default space of the explore benchmark: `Designs/spaces/default.json` in the
    /// working directory when it is there, else the one of the package qarch was built from.
    static func defaultSpace() -> String {
        let relative = "Designs/spaces/default.json"
        if FileManager.default.fileExists(atPath: relative) { return relative }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(relative).path
        return FileManager.default.fileExists(atPath: package) ? package : relative
    }
}

/// Unit-level MAC throughput benchmarks: every bench case of every unit kind
/// (`UnitRegistry`, `UnitKind.benchCases`), on seeded LLM-like data.
struct UnitBenchmarks {
    let name: String
    let run: (Double) throws -> Double

    func run(minimumSeconds: Double) throws -> Double { try run(minimumSeconds) }

    static func all(quick: Bool) -> [UnitBenchmarks] {
        let (m, k, n) = quick ? (8, 256, 8) : (64, 1024, 64)
        return UnitRegistry.kinds.flatMap { $0.benchCases }.map { c in
            let limit = c.maxRowsAndColumns ?? max(m, n)
            return make(c.unit, min(m, limit), k, min(n, limit))
        }
    }

    static func make<U: ArithmeticUnit>(_ unit: U, _ m: Int, _ k: Int, _ n: Int) -> UnitBenchmarks {
        UnitBenchmarks(name: "unit.\(unit.name)") { minimumSeconds in
            let (a, b) = benchmarkOperands(m: m, k: k, n: n, seed: 1)
            let operands = try unit.quantize(activations: a, weights: b)
            var best = 0.0, elapsed = 0.0, checksum: UInt32 = 0
            repeat {
                let start = DispatchTime.now().uptimeNanoseconds
                let r = unit.gemm(operands, order: .sequential)
                let dt = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
                checksum ^= r.bits[0]
                elapsed += dt
                best = max(best, Double(m * k * n) / max(dt, 1e-9))
            } while elapsed < minimumSeconds
            _ = checksum
            return best
        }
    }
}

/// The 1024³ GEMM benchmark of the engine issue: a bit-exact MixPE-W4A8 GEMM (quantized
/// operands prepared untimed) against numpy's float64 matmul of the same shape.
enum GEMMBenchmark {
    /// Best-of-3 wall time of the bit-exact GEMM.
    static func mixpeW4A8Seconds(size: Int) throws -> Double {
        let (a, b) = benchmarkOperands(m: size, k: size, n: size, seed: 7)
        let unit = MixPE(mode: .w4a8)
        let operands = try unit.quantize(activations: a, weights: b)
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = unit.gemm(operands, order: .sequential)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9)
        }
        return best
    }

    /// Best-of-3 numpy float64 matmul time, or nil when python3/numpy is unavailable.
    static func numpySeconds(size: Int) -> Double? {
        let script = """
            import time, numpy as np
            r = np.random.default_rng(0); a = r.standard_normal((\(size), \(size))); b = r.standard_normal((\(size), \(size)))
            best = 1e9
            for _ in range(3):
                t = time.perf_counter(); a @ b; best = min(best, time.perf_counter() - t)
            print(best)
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return nil }
        return Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
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
