import Foundation
@testable import Reporting

/// Realistic charts used by the tests and, when `QARCH_CHART_SAMPLES` names a folder, written
/// there as SVG files for a look in a browser (`scripts/check-svg.sh`).
enum ChartSamples {
    /// A Pareto picture: 40 design points (area vs energy, log–log) with a labeled front.
    static var pareto: ScatterChart {
        var all: [ChartPoint] = []
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {  // xorshift, for a fixed spread of points
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<40 {
            let area = 0.4 * pow(10, next() * 1.6)
            let energy = 3.0 / area * (1 + 2.5 * next()) * 40
            all.append(ChartPoint(x: area, y: energy))
        }
        let front = ParetoSketch.front(all)
        let names = ["bitmod-w4", "mixpe-w4a8", "mx-fp4", "mx-int8", "fp8-e4m3", "fp16-base", "bf16", "int4-g128", "nvfp4", "hif8"]
        return ScatterChart(
            title: "Design space: energy vs area (LLaMA-2-7B decode)", xLabel: "area (mm²)", yLabel: "energy per token (µJ)",
            xScale: .log10, yScale: .log10,
            series: [
                ScatterSeries(name: "all designs (\(all.count))", points: all),
                ScatterSeries(name: "Pareto front", points: front.enumerated().map { i, p in
                    ChartPoint(x: p.x, y: p.y, label: names[i % names.count], highlighted: true)
                }, connect: true, steps: true),
            ])
    }

    /// Numeric error vs bits per weight, points labeled with format names, log y axis.
    static var errorVsBits: ScatterChart {
        let formats: [(String, Double, Double)] = [
            ("int4", 4, 8.1e-2), ("e2m1", 4, 9.8e-2), ("mxfp4", 4.25, 5.2e-2), ("nvfp4", 4.5, 3.9e-2),
            ("mxfp6-e2m3", 6.25, 1.3e-2), ("mxfp6-e3m2", 6.25, 2.4e-2), ("int8", 8, 4.1e-3),
            ("e4m3", 8, 2.2e-2), ("mxfp8-e4m3", 8.25, 1.6e-2), ("hif8", 8, 1.4e-2), ("bf16", 16, 2.1e-3), ("fp16", 16, 2.6e-4),
        ]
        return ScatterChart(
            title: "Weight quantization error vs storage cost", xLabel: "bits per weight", yLabel: "relative Frobenius error",
            yScale: .log10,
            series: [
                ScatterSeries(name: "element formats", points: formats.filter { !$0.0.hasPrefix("mx") && !$0.0.hasPrefix("nv") }
                    .map { ChartPoint(x: $0.1, y: $0.2, label: $0.0, highlighted: true) }),
                ScatterSeries(name: "block formats (MX, NVFP4)", points: formats.filter { $0.0.hasPrefix("mx") || $0.0.hasPrefix("nv") }
                    .map { ChartPoint(x: $0.1, y: $0.2, label: $0.0, highlighted: true) }),
                ScatterSeries(name: "", points: [ChartPoint(x: 4, y: .nan), ChartPoint(x: 3, y: 0)]),
            ])
    }

    /// A linear scatter with large values (SI tick labels) and a straight connected series.
    static var linear: ScatterChart {
        ScatterChart(
            title: "Throughput vs array size", xLabel: "PEs", yLabel: "cycles",
            series: [
                ScatterSeries(name: "os", points: [64, 256, 1024, 4096].map { ChartPoint(x: $0, y: 2.6e6 / $0 * 90 + 12_000) }, connect: true),
                ScatterSeries(name: "ws", points: [64, 256, 1024, 4096].map { ChartPoint(x: $0, y: 2.1e6 / $0 * 80 + 30_000, highlighted: true) }, connect: true),
            ])
    }

    static var energyBars: BarChart {
        BarChart(title: "Energy per token by component", valueLabel: "energy (µJ)", bars: [
            Bar(label: "baseline-fp16", segments: [("MAC array", 182.4), ("SRAM", 61.0), ("DRAM", 140.2), ("control", 12.5)]),
            Bar(label: "mixpe-w4a8", segments: [("MAC array", 48.9), ("SRAM", 30.1), ("DRAM", 44.0), ("control", 9.1)]),
            Bar(label: "bitmod-w4 (bit-serial)", segments: [("MAC array", 39.3), ("SRAM", 33.8), ("DRAM", 43.7), ("control", 10.4), ("dequant", 6.2)]),
            Bar(label: "mx-fp4", segments: [("MAC array", 35.0), ("SRAM", 28.2), ("DRAM", 41.9), ("control", 8.8), ("dequant", 2.1)]),
        ])
    }

    static var areaShares: BarChart {
        var chart = energyBars
        chart.title = "Area breakdown (share of each design)"
        chart.valueLabel = "area (mm²)"
        chart.normalized = true
        return chart
    }

    /// Twenty series: the legend wraps over several rows.
    static var crowded: ScatterChart {
        ScatterChart(title: "Twenty sweeps", xLabel: "bits per weight", yLabel: "SQNR (dB)", series: (0..<20).map { i in
            let group: Int = 32 << (i % 4)
            let offset: Double = 0.5 * Double(i % 3)
            let points: [ChartPoint] = (1...4).map { (k: Int) -> ChartPoint in
                ChartPoint(x: Double(2 * k), y: Double(6 * k + i) - offset)
            }
            return ScatterSeries(name: "sweep \(i) (group \(group))", points: points, connect: true)
        })
    }

    /// Ten components (beyond the eight base colours) and long bar labels.
    static var manyComponents: BarChart {
        let names = ["MAC array", "accumulators", "SRAM weights", "SRAM activations", "DRAM", "NoC", "control",
                     "dequant", "scale units", "leakage"]
        return BarChart(title: "Ten components", valueLabel: "energy (nJ)", bars: (0..<6).map { b in
            Bar(label: b == 2 ? "a-very-long-design-name-that-will-not-fit-in-the-margin" : "design-\(b)",
                segments: names.enumerated().map { (i: Int, name: String) -> (component: String, value: Double) in
                    let units: Int = (i * 7 + b * 3) % 11 + 1
                    return (name, Double(units) * 1000)
                })
        })
    }

    /// Every sample with a file name.
    static var all: [(name: String, svg: String)] {
        [
            ("pareto.svg", pareto.svg()),
            ("error-vs-bits.svg", errorVsBits.svg()),
            ("linear.svg", linear.svg()),
            ("energy-bars.svg", energyBars.svg()),
            ("area-shares.svg", areaShares.svg()),
            ("empty-scatter.svg", ScatterChart(title: "Nothing yet", xLabel: "x", yLabel: "y").svg()),
            ("empty-bars.svg", BarChart(title: "Nothing yet", valueLabel: "energy (µJ)").svg()),
            ("crowded-legend.svg", crowded.svg()),
            ("many-components.svg", manyComponents.svg()),
            ("small.svg", errorVsBits.svg(width: 360, height: 240)),
            ("wide-log.svg", ScatterChart(title: "Wide log range", xLabel: "x", yLabel: "y", xScale: .log10, yScale: .log10, series: [
                ScatterSeries(name: "a", points: [ChartPoint(x: 1e-12, y: 1e-300), ChartPoint(x: 1e12, y: 1, label: "far")], connect: true),
            ]).svg()),
            ("single-point.svg", ScatterChart(title: "One point", xLabel: "x", yLabel: "y", xScale: .log10,
                                              series: [ScatterSeries(name: "only", points: [ChartPoint(x: 10, y: 3, label: "p")])]).svg()),
        ]
    }
}

/// The non-dominated points of a min–min problem, in increasing x (for the sample only).
enum ParetoSketch {
    static func front(_ points: [ChartPoint]) -> [ChartPoint] {
        let sorted = points.sorted { $0.x < $1.x || ($0.x == $1.x && $0.y < $1.y) }
        var out: [ChartPoint] = []
        var best = Double.infinity
        for p in sorted where p.y < best {
            out.append(p)
            best = p.y
        }
        return out
    }
}
