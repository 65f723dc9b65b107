import DesignModel
import ExactJSON
import Foundation
import NumberFormats
import QArchSupport
import Reporting
import TensorEngine
import Workloads

/// `qarch bench --scaling`: how the cost of the engine's paths grows with the problem.
///
/// - **fast**: the closed-form counts (`GEMMExecution.schedule`, `.fast`) of an N³ GEMM on
///   a 32×32 weight-stationary array, N = 128 … 4096;
/// - **cycle**: the cycle-stepped engine (`.cycle`, `scalesim` convention) on the same;
/// - **value**: a bit-exact MixPE-W4A8 value run (`GEMMExecution.run` on the design's
///   array: quantization, values, float64 reference and error; operands made untimed),
///   N = 128 … 2048;
/// - **array**: the cycle-stepped engine on a 1024³ GEMM over arrays 8² … 256².
///
/// Each point is the best of repeated runs filling at least 0.2 s (one run when a run takes
/// longer). The growth exponent is the least-squares slope of log(seconds) against
/// log(MACs) (the size sweeps) and against log(cycles) (the cycle-stepped points). Writes
/// `scaling.csv`, `scaling-size.svg` (seconds vs MACs) and `scaling-array.svg` (seconds vs
/// cycles) into the report folder `out`. `quick` uses small sizes (for tests).
struct ScalingBenchmark {
    struct Point {
        let path: String, dims: GEMMDims, rows: Int, cols: Int, cycles: Int, seconds: Double
        var macs: Int { dims.m * dims.k * dims.n }
    }

    let out: String
    let points: [Point]
    /// (path, against "macs" or "cycles", exponent).
    let exponents: [(path: String, against: String, exponent: Double)]

    static func run(quick: Bool, out: String) throws -> ScalingBenchmark {
        try CLIError.writing { () throws(OutputProblem) in try ReportFolder.check(out, inputs: []) }
        let sizes = quick ? [32, 64, 128] : [128, 256, 512, 1024, 2048, 4096]
        let valueSizes = quick ? [32, 64] : [128, 256, 512, 1024, 2048]
        let arrays = quick ? [4, 8, 16] : [8, 16, 32, 64, 128, 256]
        let arrayGEMM = quick ? 128 : 1024
        let spec = try DesignFile.require(BenchCommand.packagePath("Designs/mixpe-w4a8.json"), overrides: [])
        let unit = spec.makeUnit()
        let ws32 = ArrayConfig(rows: 32, cols: 32, dataflow: .ws)
        var points: [Point] = []

        func schedule(_ dims: GEMMDims, _ array: ArrayConfig, _ mode: SimulationMode) throws -> (cycles: Int, seconds: Double) {
            var cycles = 0
            let seconds = try bestSeconds {
                cycles = try GEMMExecution.schedule(dims, unit: unit.timing, engine: .systolic(array),
                                                    convention: .scalesim, mode: mode).timing.totalCycles
            }
            return (cycles, seconds)
        }
        for size in sizes {
            let dims = GEMMDims(m: size, k: size, n: size)
            for (path, mode) in [("fast", SimulationMode.fast), ("cycle", .cycle)] {
                let r = try schedule(dims, ws32, mode)
                points.append(Point(path: path, dims: dims, rows: 32, cols: 32, cycles: r.cycles, seconds: r.seconds))
            }
        }
        for size in valueSizes {
            let a = SyntheticData.activations(m: size, k: size, seed: 1), b = SyntheticData.weights(k: size, n: size, seed: 2)
            var cycles = 0
            let seconds = try bestSeconds {
                cycles = try GEMMExecution.run(unit: unit, activations: a, weights: b, engine: spec.engineConfig(),
                                               convention: .native).timing.totalCycles
            }
            var rows = 0, cols = 0
            if case .systolic(let array) = spec.engineConfig() { (rows, cols) = (array.rows, array.cols) }
            points.append(Point(path: "value", dims: GEMMDims(m: size, k: size, n: size), rows: rows, cols: cols,
                                cycles: cycles, seconds: seconds))
        }
        let arrayDims = GEMMDims(m: arrayGEMM, k: arrayGEMM, n: arrayGEMM)
        for side in arrays {
            let r = try schedule(arrayDims, ArrayConfig(rows: side, cols: side, dataflow: .ws), .cycle)
            points.append(Point(path: "array", dims: arrayDims, rows: side, cols: side, cycles: r.cycles, seconds: r.seconds))
        }

        func fit(_ path: [String], _ x: (Point) -> Double) -> Double {
            slope(points.filter { path.contains($0.path) }.map { (log(x($0)), log($0.seconds)) })
        }
        let exponents = [
            ("fast", "macs", fit(["fast"]) { Double($0.macs) }),
            ("cycle", "macs", fit(["cycle"]) { Double($0.macs) }),
            ("value", "macs", fit(["value"]) { Double($0.macs) }),
            ("cycle", "cycles", fit(["cycle"]) { Double($0.cycles) }),
            ("array", "cycles", fit(["array"]) { Double($0.cycles) }),
        ]
        let study = ScalingBenchmark(out: out, points: points, exponents: exponents)
        try CLIError.writing { () throws(OutputProblem) in
            try ReportFolder.write([("scaling.csv", study.csv), ("scaling-size.svg", study.sizeChart.svg()),
                                    ("scaling-array.svg", study.arrayChart.svg())],
                                   kind: "bench-scaling", to: out, inputs: [])
        }
        return study
    }

    /// The best wall time of `body`, repeated until at least 0.2 s have passed (at least once).
    static func bestSeconds(_ body: () throws -> Void) throws -> Double {
        var best = Double.infinity, total = 0.0
        repeat {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            let dt = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
            best = min(best, dt)
            total += dt
        } while total < 0.2
        return max(best, 1e-9)
    }

    /// The least-squares slope of y against x (0 for fewer than two distinct x).
    ///
    /// ```swift
    /// ScalingBenchmark.slope([(0, 1), (1, 3), (2, 5)])   // 2
    /// ```
    static func slope(_ xy: [(Double, Double)]) -> Double {
        let n = Double(xy.count)
        guard xy.count >= 2 else { return 0 }
        let mx = xy.map(\.0).reduce(0, +) / n, my = xy.map(\.1).reduce(0, +) / n
        let sxx = xy.map { ($0.0 - mx) * ($0.0 - mx) }.reduce(0, +)
        let sxy = xy.map { ($0.0 - mx) * ($0.1 - my) }.reduce(0, +)
        return sxx > 0 ? sxy / sxx : 0
    }

    var csv: String {
        var table = CSVTable(["path", "m", "k", "n", "array_rows", "array_cols", "macs", "cycles", "seconds"])
        for p in points {
            table.rows.append([p.path, "\(p.dims.m)", "\(p.dims.k)", "\(p.dims.n)", "\(p.rows)", "\(p.cols)",
                               "\(p.macs)", "\(p.cycles)", String(format: "%.6g", p.seconds)])
        }
        return table.render()
    }

    /// Seconds against MACs, one connected series per size sweep.
    var sizeChart: ScatterChart {
        var chart = ScatterChart(title: "Cost growth with GEMM size (N³)", xLabel: "MACs", yLabel: "seconds",
                                 xScale: .log10, yScale: .log10)
        for (path, name) in [("fast", "fast (closed form), 32×32 ws"), ("cycle", "cycle-stepped, 32×32 ws"),
                             ("value", "value run, MixPE-W4A8")] {
            let e = exponent(path, "macs").map { String(format: " (slope %.2f)", $0) } ?? ""
            chart.series.append(ScatterSeries(name: name + e, points: points.filter { $0.path == path }.map {
                ChartPoint(x: Double($0.macs), y: $0.seconds, label: "\($0.dims.m)³")
            }, connect: true))
        }
        return chart
    }

    /// Seconds against cycles of the cycle-stepped engine over array sizes.
    var arrayChart: ScatterChart {
        var chart = ScatterChart(title: "Cycle-stepped cost over array sizes", xLabel: "cycles", yLabel: "seconds",
                                 xScale: .log10, yScale: .log10)
        let gemm = points.first { $0.path == "array" }.map { "\($0.dims.m)³" } ?? ""
        let e = exponent("array", "cycles").map { String(format: " (slope %.2f)", $0) } ?? ""
        chart.series = [ScatterSeries(name: "cycle-stepped, \(gemm) ws" + e, points: points.filter { $0.path == "array" }.map {
            ChartPoint(x: Double($0.cycles), y: $0.seconds, label: "\($0.rows)²")
        }, connect: true)]
        return chart
    }

    func exponent(_ path: String, _ against: String) -> Double? {
        exponents.first { $0.path == path && $0.against == against }?.exponent
    }

    /// `{out, files, points, exponents: [{path, against, exponent}]}`.
    var json: JSONValue {
        .object([
            ("out", .string(out)),
            ("files", .array(["scaling.csv", "scaling-size.svg", "scaling-array.svg"].map { .string($0) })),
            ("points", .int(points.count)),
            ("exponents", .array(exponents.map {
                .object([("path", .string($0.path)), ("against", .string($0.against)), ("exponent", .number($0.exponent))])
            })),
        ])
    }

    var text: String {
        var table = TextTable(["path", "against", "exponent"], rightAligned: [false, false, true])
        for e in exponents { table.append([e.path, e.against, String(format: "%.3f", e.exponent)]) }
        return "wrote \(out): scaling.csv, scaling-size.svg, scaling-array.svg (\(points.count) points)\n" + table.render()
    }
}
