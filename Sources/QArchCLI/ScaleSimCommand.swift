import ArgumentParser
import Foundation
import QArchSupport
import Reporting
import TensorEngine
import Workloads

/// `qarch scalesim -c X.cfg -t T.csv [--out DIR] [--mode cycle|fast]`: run a SCALE-Sim v3
/// config and topology on our systolic engine in the `scalesim` timing convention.
///
/// Prints one line per layer (its GEMM, cycles, utilization and SRAM counts); with `--out`
/// also writes SCALE-Sim's COMPUTE_REPORT.csv, BANDWIDTH_REPORT.csv and
/// DETAILED_ACCESS_REPORT.csv (`ScaleSimReports`) into DIR, a report folder replaced as a
/// whole (`ReportFolder`). A bad config or topology is one line naming the file and the
/// section and key, or the row and column (exit 1).
struct ScaleSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scalesim",
        abstract: "Run a SCALE-Sim v3 config and topology; write SCALE-Sim's reports.",
        discussion: """
            Reads the .cfg as SCALE-Sim 3.0.0 does (unknown sections and keys are errors) and \
            the topology CSV in its convolution form (Layer name, IFMAP Height, IFMAP Width, \
            Filter Height, Filter Width, Channels, Num Filter, Strides) or its GEMM form \
            (Layer, M, N, K). Cycles, stalls, utilizations and SRAM read/write counts equal \
            SCALE-Sim's with InterfaceBandwidth = CALC; the DRAM columns and start/stop cycles \
            are QuantArch's ideal-memory values (README, "qarch scalesim").
            """
    )

    @Option(name: [.customShort("c"), .customLong("config")], help: "The SCALE-Sim config (.cfg).")
    var config: String

    @Option(name: [.customShort("t"), .customLong("topology")], help: "The SCALE-Sim topology (.csv).")
    var topology: String

    @Option(help: "Write COMPUTE_REPORT.csv, BANDWIDTH_REPORT.csv and DETAILED_ACCESS_REPORT.csv into this folder.")
    var out: String?

    @Option(help: "Simulation mode: cycle (stepped) or fast (closed form, identical counts).") var mode = "fast"

    func run() throws {
        guard let simulation = SimulationMode(rawValue: mode) else {
            throw CLIError.invalidInput("--mode: expected cycle or fast, found '\(mode)'")
        }
        if let out { try CLIError.writing { () throws(OutputProblem) in try ReportFolder.check(out, inputs: [config, topology]) } }
        let settings = try CLIError.reading { () throws(ScaleSimInputError) in
            try ScaleSimConfig.parse(try Self.text(config), file: config)
        }
        let layers = try CLIError.reading { () throws(ScaleSimInputError) in
            try ScaleSimTopology.parse(try Self.text(topology), file: topology)
        }
        var results: [ScaleSimLayerResult] = []
        for layer in layers {
            do {
                results.append(try ScaleSimLayerResult(layer, on: settings.array, mode: simulation))
            } catch {
                throw CLIError.file(topology, at: "layer '\(layer.name)'", error.description)
            }
        }
        let array = settings.array
        Console.out("SCALE-Sim run '\(settings.runName)': \(array.rows)×\(array.cols) \(array.dataflow.rawValue) array, "
                    + "\(layers.count) layer\(layers.count == 1 ? "" : "s"), scalesim timing convention")
        var table = TextTable(["layer", "M", "K", "N", "total cycles", "stall cycles", "overall util %",
                               "SRAM IFMAP reads", "SRAM filter reads", "SRAM OFMAP writes"],
                              rightAligned: [false] + Array(repeating: true, count: 9))
        for r in results {
            table.append([r.layer.name, String(r.layer.gemm.m), String(r.layer.gemm.k), String(r.layer.gemm.n),
                          String(r.counts.totalCycles), String(r.counts.stallCycles),
                          String(format: "%.2f", r.overallUtilPercent), String(r.ifmapSRAMReads),
                          String(r.filterSRAMReads), String(r.ofmapSRAMWrites)])
        }
        Console.out(table.render())
        if let out {
            let files = ScaleSimReports.files(results)
            try CLIError.writing { () throws(OutputProblem) in
                try ReportFolder.write(files, kind: "scalesim", to: out, inputs: [config, topology])
            }
            for file in files { Console.out("wrote \(out)/\(file.name)") }
        }
    }

    /// The UTF-8 text of `path`, or a one-line problem naming it.
    static func text(_ path: String) throws(ScaleSimInputError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isFolder: ObjCBool = false
            let reason = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
                ? (isFolder.boolValue ? "expected a file, found a folder" : "cannot read the file")
                : "no such file"
            throw ScaleSimInputError(file: path, place: "", message: reason)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScaleSimInputError(file: path, place: "", message: "expected UTF-8 text")
        }
        return text
    }
}
