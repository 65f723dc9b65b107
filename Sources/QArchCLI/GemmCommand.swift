import ArgumentParser
import ArithmeticUnits
import CostModel
import DesignModel
import Foundation
import NumberFormats
import Reporting
import TensorEngine
import Workloads

/// `qarch gemm --design D.json --m M --k K --n N [--a A.npy] [--b B.npy] [--seed S]
/// [--timing native|scalesim] [--mode cycle|fast] [--out C.npy] [--set p=v]… [--timings] [--json]`:
/// run one GEMM through the design's unit on its array.
///
/// `--timings` adds where the wall time went (`timings`: start-up, operands, schedule,
/// quantize, values, reference, error, cost, output, total) and the peak resident memory;
/// they vary from run to run, so they are left out unless asked for.
///
/// Without `--a`/`--b` the operands are seeded LLM-like synthetic data (`SyntheticData`),
/// held whole. With a file the run is streamed (`GEMMExecution.runStreamed`): a row panel of
/// A and a column panel of B at a time, so memory is O(panels + C) (`value_memory` in the
/// report says which, with the panel shape and the estimate); the output is the same. A unit
/// with tensor-wide scales (NVFP4, HiF8) holds its operands whole.
/// Energy and area come from the cost model (`CostEvaluator`) for this GEMM's shape on the
/// design, in the native timing convention.
struct GemmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gemm",
        abstract: "Run one GEMM through a design's bit-exact unit and cycle-level engine.",
        discussion: """
            C[M×N] = A[M×K]·B[K×N], A the activations and B the weights. Values are computed \
            bit-exactly in the accumulation order of the array's dataflow; cycles come from \
            the systolic engine with DRAM stalls; the error is measured against the float64 \
            GEMM of the unquantized inputs. The memory section counts SRAM and DRAM bytes per \
            operand with the design's buffers (re-fetches when a buffer is too small); the DRAM \
            stall cycles assume each element is fetched once.
            """
    )

    @Option(help: "The design JSON file.")
    var design: String

    @Option(parsing: .unconditional, help: "Rows of A and C (tokens × batch).") var m: Int?
    @Option(parsing: .unconditional, help: "The reduction dimension.") var k: Int?
    @Option(parsing: .unconditional, help: "Columns of B and C.") var n: Int?

    @Option(help: "Activations A as a 2-D float32/float64 C-order .npy file.") var a: String?
    @Option(help: "Weights B as a 2-D float32/float64 C-order .npy file.") var b: String?

    @Option(parsing: .unconditional, help: "Seed of the synthetic operands.", transform: NumberOption.seed) var seed: UInt64 = 1

    @Option(help: "Timing convention: native or scalesim.") var timing = "native"
    @Option(help: "Simulation mode: cycle (stepped) or fast (closed form, identical counts).") var mode = "fast"

    @Option(help: "Write C (the decoded outputs) to this .npy file (replaced atomically; not a directory).") var out: String?

    @Option(help: "Refuse a GEMM whose values would need more than this many GiB (A, B, C and working copies).")
    var maxMemory = ValueRunMemory.defaultLimitGiB

    @Option(help: "Operand memory (MiB) of a streamed run's two panels; larger panels quantize A and B fewer times.")
    var panelMemory = Double(StreamedValueRun.defaultBudgetBytes >> 20)

    @Option(name: .customLong("set"), help: "Override a design field: path=value (repeatable).")
    var overrides: [String] = []

    @Flag(help: "Count cycles, memory traffic, energy and area without computing values (no actions, no error); --a/--b files are only checked, a tile at a time, so they need not fit in memory.")
    var countsOnly = false

    @Flag(help: "Add the wall seconds of each phase and the peak memory to the report (they vary from run to run).")
    var timings = false

    @OptionGroup var report: ReportOptions

    func run() throws {
        let timer: PhaseTimer? = timings ? PhaseTimer() : nil
        let started = timer?.now
        if let timer, let startUp = ProcessResources.secondsSinceStart() { timer.add("start_up", seconds: startUp) }
        func phase<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            guard let timer else { return try body() }
            return try timer.measure(name, body)
        }
        guard let convention = TimingConvention(rawValue: timing) else {
            throw CLIError.invalidInput("--timing: expected native or scalesim, found '\(timing)'")
        }
        guard let simulation = SimulationMode(rawValue: mode) else {
            throw CLIError.invalidInput("--mode: expected cycle or fast, found '\(mode)'")
        }
        guard panelMemory >= 1, panelMemory <= 0x1p40 else {
            throw CLIError.invalidInput("--panel-memory: expected 1 to 2^40 MiB, found \(panelMemory)")
        }
        let edits = try DesignFile.overrides(overrides)
        let (spec, echo) = try DesignFile.requireEchoing(design, overrides: edits)
        func emit(_ result: GEMMRunReport) {
            report.emit(json: { OverrideEcho.adding(echo, to: result.json) },
                        text: { OverrideEcho.lines(echo).map { "\(design): \($0)\n" }.joined() + result.text })
        }
        let unit = spec.makeUnit()
        if countsOnly {
            guard out == nil else { throw CLIError.usage("--out needs values; it cannot be given with --counts-only") }
            let (_, _, dims) = try phase("operands") { try operandFiles() }
            try Self.checkShape(m: dims.m, k: dims.k, n: dims.n)
            let schedule: GEMMSchedule
            do {
                schedule = try phase("schedule") {
                    try GEMMExecution.schedule(dims, unit: unit.timing, engine: spec.engineConfig(), convention: convention,
                                               mode: simulation, dram: spec.dramConfig(), memory: spec.bufferModel())
                }
            } catch {
                throw CLIError.invalidInput("\(error)")
            }
            var result = GEMMRunReport(design: spec.name, unit: unit.name, dims: dims, schedule: schedule,
                                       convention: convention, cost: try cost(spec, dims, phase))
            if let timer, let started { addTimings(&result, timer, started) }
            emit(result)
            return
        }
        let gemm: GEMMReport
        let valueMemory: GEMMRunReport.ValueMemory
        do {
            if (a != nil || b != nil) && unit.quantizesPanelsLocally {
                // Files are streamed: a row panel of A and a column panel of B at a time.
                let (fileA, fileB, dims) = try phase("operands") { try operandFiles() }
                let panels = StreamedValueRun(dims, budgetBytes: Int(panelMemory * 1_048_576))
                try Self.checkStreamedSize(panels, syntheticA: fileA == nil, syntheticB: fileB == nil, maxMemoryGiB: maxMemory)
                let sourceA: any OperandPanels = fileA ?? phase("operands") { SyntheticData.activations(m: dims.m, k: dims.k, seed: seed) }
                let sourceB: any OperandPanels = fileB ?? phase("operands") { SyntheticData.weights(k: dims.k, n: dims.n, seed: seed &+ 1) }
                valueMemory = .init(streamed: true, panelRows: panels.rows, panelCols: panels.cols,
                                    estimateBytes: (try? panels.estimateBytes()) ?? Int.max)
                gemm = try GEMMExecution.runStreamed(unit: unit, activations: sourceA, weights: sourceB, panels: panels,
                                                     engine: spec.engineConfig(), convention: convention, mode: simulation,
                                                     dram: spec.dramConfig(), memory: spec.bufferModel(), timer: timer)
            } else {
                let (activations, weights) = try phase("operands") { try operands() }
                valueMemory = .init(streamed: false, panelRows: activations.rows, panelCols: weights.cols,
                                    estimateBytes: (try? ValueRunMemory.bytes(GEMMDims(m: activations.rows, k: activations.cols,
                                                                                       n: weights.cols))) ?? Int.max)
                gemm = try GEMMExecution.run(unit: unit, activations: activations, weights: weights,
                                             engine: spec.engineConfig(), convention: convention, mode: simulation,
                                             dram: spec.dramConfig(), memory: spec.bufferModel(), timer: timer)
            }
        } catch let error as CLIError {
            throw error
        } catch let error as QuantizationError {
            throw CLIError.invalidInput("operands: \(error)")
        } catch {
            throw CLIError.invalidInput("\(error)")
        }
        if let path = out {
            try phase("output") {
                try CLIError.reading { () throws(WorkloadError) in
                    try NpyFile.write(gemm.output.values, to: path, float32: gemm.output.outputFormat == .fp32)
                }
            }
            let dtype = gemm.output.outputFormat == .fp32 ? "float32" : "float64"
            Console.err("qarch: wrote \(path): C, \(gemm.dims.m)×\(gemm.dims.n) \(dtype)")
        }
        var result = GEMMRunReport(design: spec.name, unit: unit.name, gemm: gemm, convention: convention,
                                   cost: try cost(spec, gemm.dims, phase))
        result.valueMemory = valueMemory
        if let timer, let started { addTimings(&result, timer, started) }
        emit(result)
    }

    /// The cost model's energy and area of this GEMM's shape on the design (timed as `cost`).
    func cost(_ spec: Design, _ dims: GEMMDims, _ phase: (String, () throws -> DesignCost) throws -> DesignCost) throws -> DesignCost {
        do {
            return try phase("cost") {
                try CostEvaluator().evaluate(spec, on: Workload(name: "gemm", gemms: [
                    GEMMShape(name: "gemm", m: dims.m, k: dims.k, n: dims.n)]))
            }
        } catch {
            throw CLIError.invalidInput("\(design): cost: \(error)")
        }
    }

    /// The phases, their total up to the report itself (start-up included when /proc tells
    /// it) and the peak memory.
    func addTimings(_ result: inout GEMMRunReport, _ timer: PhaseTimer, _ started: ContinuousClock.Instant) {
        let startUp = timer.phases.first { $0.name == "start_up" }?.seconds ?? 0
        result.timings = timer.phases + [("total", startUp + timer.seconds(since: started))]
        result.peakMemoryBytes = ProcessResources.peakResidentBytes()
    }

    /// A and B from files or seeded synthetic data, with every shape checked.
    func operands() throws -> (Matrix, Matrix) {
        let (fileA, fileB, dims) = try operandFiles()
        try Self.checkSize(m: dims.m, k: dims.k, n: dims.n, maxMemoryGiB: maxMemory)
        let matA = fileA?.matrix() ?? SyntheticData.activations(m: dims.m, k: dims.k, seed: seed)
        let matB = fileB?.matrix() ?? SyntheticData.weights(k: dims.k, n: dims.n, seed: seed &+ 1)
        return (matA, matB)
    }

    /// The `--a`/`--b` files, memory-mapped (`NpyMapping`), their shapes checked and their
    /// values checked finite tile by tile, and the GEMM's dimensions.
    func operandFiles() throws -> (a: NpyMapping?, b: NpyMapping?, dims: GEMMDims) {
        for (name, value) in [("m", m), ("k", k), ("n", n)] {
            if let v = value, v <= 0 { throw CLIError.invalidInput("--\(name): expected a positive dimension, found \(v)") }
        }
        let fileA = try a.map { path in try CLIError.reading { () throws(WorkloadError) in try NpyMapping(path: path) } }
        let fileB = try b.map { path in try CLIError.reading { () throws(WorkloadError) in try NpyMapping(path: path) } }
        for (file, path) in [(fileA, a), (fileB, b)] {
            if let f = file, let p = path {
                guard f.shape.count == 2 else {
                    throw CLIError.file(p, at: "header.shape", "expected 2 dimensions, found \(f.shape.count)")
                }
                guard f.shape.allSatisfy({ $0 > 0 }) else {
                    throw CLIError.file(p, at: "header.shape", "expected non-zero dimensions, found \(f.shape)")
                }
                // A NaN or infinity would make the error metrics meaningless (NaN in A once scored a perfect 0).
                if let i = f.firstNonFinite() {
                    throw CLIError.file(p, at: "[\(i / f.shape[1]), \(i % f.shape[1])]",
                                        "expected a finite number, found \(f.element(i))")
                }
            }
        }
        guard let mm = m ?? fileA?.shape[0], let kk = k ?? fileA?.shape[1] ?? fileB?.shape[0],
              let nn = n ?? fileB?.shape[1] else {
            throw CLIError.usage("give --m, --k and --n, or --a/--b files that fix them")
        }
        if let f = fileA, let p = a, f.shape != [mm, kk] {
            throw CLIError.file(p, at: "header.shape", "expected (M, K) = (\(mm), \(kk)), found (\(f.shape[0]), \(f.shape[1]))")
        }
        if let f = fileB, let p = b, f.shape != [kk, nn] {
            throw CLIError.file(p, at: "header.shape", "expected (K, N) = (\(kk), \(nn)), found (\(f.shape[0]), \(f.shape[1]))")
        }
        return (fileA, fileB, GEMMDims(m: mm, k: kk, n: nn))
    }
}
