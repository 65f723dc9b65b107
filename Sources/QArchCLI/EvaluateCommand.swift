import ArgumentParser
import CostModel
import DesignModel
import ExactJSON
import Foundation
import QArchSupport
import Reporting
import Workloads

/// `qarch evaluate D.json… [--workload W] [--set p=v]… [--library L] [--json]`: the cost of each
/// design on a workload (QArchCLI/README.md, "Commands"). `--library` prices every design on
/// one footing (`synthesized`, `horowitz` or `paper`), as `--set cost.library=L` after the other
/// overrides would.
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
/// qarch evaluate Designs/mixpe-w4a8.json --library paper
/// ```
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Energy, area, latency and throughput of designs on a workload.",
        discussion: """
            Energy: PE energy per action priced on the design's cost.library footing \
            (synthesized by default, or horowitz), or per cycle from the published PE figure \
            (paper: unit.paper_pe, cost_overrides.pe), SRAM \
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

    @Option(help: "Price every design on this cost footing: synthesized (the default), horowitz or paper (overrides cost.library).")
    var library: String?

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
        if let l = library, CostFooting(rawValue: l) == nil {
            throw CLIError.invalidInput("--library: expected one of \(CostFooting.allCases.map(\.rawValue).joined(separator: ", ")), found '\(l)'")
        }
    }

    func run() throws {
        let w = try loadWorkload()
        let edits = try DesignFile.overrides(overrides)
            + (library.map { [DesignOverride(path: JSONPath([.key("cost"), .key("library")]), value: .string($0))] } ?? [])
        let loaded = try designs.map { try DesignFile.requireEchoing($0, overrides: edits) }
        let specs = loaded.map(\.design)
        // `--library` is not a `--set`: only the user's own overrides are echoed.
        let echoes = loaded.map { Array($0.changes.prefix(overrides.count)) }
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
            ("cost_library", .string(c.footing)),
            ("pe_components_pj", .object(c.peComponentsPJ.map { ($0.key, .number($0.value)) })),
            ("sources", .object(c.sources.map { ($0.key, .string($0.value)) })),
        ])
    }

    static func text(_ costs: [DesignCost], workload: Workload) -> String {
        var table = TextTable(["design", "library", "area mm²", "energy µJ", "cycles", "latency µs", "TOPS", "TOPS/W", "TOPS/mm²"],
                              rightAligned: [false, false, true, true, true, true, true, true, true])
        func g(_ x: Double) -> String { String(format: "%.4g", x) }
        for c in costs {
            table.append([c.name, c.footing, g(c.area("total") / 1e6), g(c.energy("total") / 1e6), String(c.cycles),
                          g(c.latencyS * 1e6), g(c.tops), g(c.topsPerW), g(c.topsPerMM2)])
        }
        return "workload \(workload.name): \(workload.gemms.count) GEMM shapes, \(workload.macs.map(String.init) ?? "more than 2^62") MACs\n" + table.render()
    }
}
