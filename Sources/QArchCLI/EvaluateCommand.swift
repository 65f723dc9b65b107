import ArgumentParser
import CostModel
import DesignModel
import ExactJSON
import Foundation
import QArchSupport
import Reporting
import Workloads

/// `qarch evaluate D.json… [--workload W] [--set p=v]… [--json]`: the cost of each design on
/// a workload (QArchCLI/README.md, "Commands").
///
/// The workload is a built-in name (`llama-2-7b:decode:1:layer`, the default), a model file
/// (`hf:PATH/config.json…`, `st:PATH/model.safetensors…`, `Workload.parseModelFile`) or a JSON file
/// `{"name": …, "gemms": [{"name", "m", "k", "n", "count"}]}` (`WorkloadFile`). Values are never computed:
/// cycles and traffic come from the closed-form engine paths and energy from the cost
/// model's component library (`CostEvaluator`).
///
/// ```
/// qarch evaluate Designs/bitmod-w4.json Designs/fp16-systolic.json --json
/// [{"name": "bitmod-w4", "area_um2": {"total": …}, "energy_pj": {"total": …}, "cycles": …, …}, …]
/// ```
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Energy, area, latency and throughput of designs on a workload.",
        discussion: """
            Energy: PE energy per cycle (paper PEs and cost overrides) or per action, SRAM \
            accesses from the buffer model priced by the CACTI fit, DRAM bits at the design's \
            pJ/bit, and leakage over the latency. TOPS counts a MAC as two operations.
            """
    )

    @Argument(help: "Design JSON files.")
    var designs: [String]

    @Option(help: "A built-in workload MODEL:PHASE[:M][:layer] (see 'qarch workloads list'), a model's own file (hf:PATH/config.json[:PHASE[:M]][:ctx=C][:layer], st:PATH/model.safetensors[:PHASE[:M]]) or a workload JSON file.")
    var workload = "llama-2-7b:decode:1:layer"

    @Option(name: .customLong("set"), help: "Override a design field: path=value (repeatable, applies to every design).")
    var overrides: [String] = []

    @Option(parsing: .unconditional, help: "Exponent of the node ratio for dynamic energy when a table value is scaled to the design's node (C ∝ feature size: 1).")
    var energyExponent = 1.0

    @Option(parsing: .unconditional, help: "Exponent of the node ratio for area when a table value is scaled to the design's node (feature size squared: 2).")
    var areaExponent = 2.0

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if designs.isEmpty { throw ValidationError("expected at least one design file") }
        if !energyExponent.isFinite || !areaExponent.isFinite {
            throw CLIError.invalidInput("--energy-exponent, --area-exponent: expected finite numbers")
        }
    }

    func run() throws {
        let w = try loadWorkload()
        let edits = try DesignFile.overrides(overrides)
        let loaded = try designs.map { try DesignFile.requireEchoing($0, overrides: edits) }
        let specs = loaded.map(\.design), echoes = loaded.map(\.changes)
        let evaluator = CostEvaluator(scaling: TechnologyScaling(energyExponent: energyExponent, areaExponent: areaExponent))
        var costs: [DesignCost] = []
        for (file, spec) in zip(designs, specs) {
            do {
                costs.append(try evaluator.evaluate(spec, on: w))
            } catch {
                throw CLIError.invalidInput("\(file): \(error)")
            }
        }
        report.emit(json: { .array(zip(costs, echoes).map { OverrideEcho.adding($1, to: Self.json($0)) }) },
                    text: {
                        let set = zip(designs, echoes).flatMap { file, changes in OverrideEcho.lines(changes).map { "\(file): \($0)\n" } }
                        return set.joined() + Self.text(costs, workload: w)
                    })
    }

    func loadWorkload() throws -> Workload {
        if let fromModel = Workload.parseModelFile(workload) {
            return try CLIError.reading { () throws(WorkloadError) in try fromModel.get().validated(as: "workload \(workload)") }
        }
        let builtIn = Workload.parseBuiltIn(workload)
        if case .success(let w) = builtIn {
            return try CLIError.reading { () throws(WorkloadError) in try w.validated(as: "workload \(w.name)") }
        }
        let data: Data
        do { data = try InputFile.readJSON(workload) } catch {
            guard error.found == "no such file" else {
                throw CLIError.invalidInput(error.describe(expected: "a readable workload file"))
            }
            // Neither a file nor a built-in name: a name that looks like a path is a missing
            // file; anything else gets what is wrong with it as a built-in name.
            if case .failure(let problem) = builtIn, !workload.hasSuffix(".json"), !workload.contains("/") {
                throw CLIError.invalidInput("--workload '\(workload)': \(problem); or give a workload JSON file (see 'qarch workloads list')")
            }
            throw CLIError.invalidInput(error.describe(expected: "a workload file"))
        }
        let w = try WorkloadFile.require(data, file: workload)
        return try CLIError.reading { () throws(WorkloadError) in try w.validated(as: workload) }
    }

    static func json(_ c: DesignCost) -> JSONValue {
        .object([
            ("name", .string(c.name)),
            ("workload", .string(c.workload)),
            ("area_um2", .object(c.areaUm2.map { ($0.key, .number($0.value)) })),
            ("energy_pj", .object(c.energyPJ.map { ($0.key, .number($0.value)) })),
            ("cycles", .int(c.cycles)),
            ("latency_s", .number(c.latencyS)),
            ("macs", .int(c.macs)),
            ("tops", .number(c.tops)),
            ("tops_per_w", .number(c.topsPerW)),
            ("tops_per_mm2", .number(c.topsPerMM2)),
            ("pe_components_pj", .object(c.peComponentsPJ.map { ($0.key, .number($0.value)) })),
            ("sources", .object(c.sources.map { ($0.key, .string($0.value)) })),
        ])
    }

    static func text(_ costs: [DesignCost], workload: Workload) -> String {
        var table = TextTable(["design", "area mm²", "energy µJ", "cycles", "latency µs", "TOPS", "TOPS/W", "TOPS/mm²"],
                              rightAligned: [false, true, true, true, true, true, true, true])
        func g(_ x: Double) -> String { String(format: "%.4g", x) }
        for c in costs {
            table.append([c.name, g(c.area("total") / 1e6), g(c.energy("total") / 1e6), String(c.cycles),
                          g(c.latencyS * 1e6), g(c.tops), g(c.topsPerW), g(c.topsPerMM2)])
        }
        return "workload \(workload.name): \(workload.gemms.count) GEMM shapes, \(workload.macs.map(String.init) ?? "more than 2^62") MACs\n" + table.render()
    }
}
