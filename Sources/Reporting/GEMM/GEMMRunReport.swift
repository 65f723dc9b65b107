import CostModel
import ExactJSON
import Foundation
import QArchSupport
import TensorEngine

/// What `qarch gemm` reports of one GEMM run: the engine's cycles, memory traffic and action
/// counts, the cost model's energy and area for the shape, and the numeric error, as JSON
/// (`json`) or as a two-column table (`text`).
///
/// ```swift
/// let r = GEMMRunReport(design: "int8-systolic", unit: "int8-mac", gemm: run, convention: .native, cost: cost)
/// r.json.render()   // {"design": "int8-systolic", "unit": "int8-mac", "m": 8, …, "error": {…}}
/// r.text            // quantity / value table: design, unit, GEMM (M×K×N), cycles, …
/// ```
///
/// A counts-only run (`qarch gemm --counts-only`, from a `GEMMSchedule`) has no values:
/// `actions` and `error` are null.
public struct GEMMRunReport {
    public let design: String
    public let unit: String
    public let dims: GEMMDims
    public let timing: TimingCounts
    public let memory: MemoryTraffic?
    /// The unit's action counts and the numeric error; nil for a counts-only run.
    public let values: (actions: [(action: String, count: Int)], error: ErrorMetrics)?
    public let convention: TimingConvention
    public let cost: DesignCost
    /// Wall seconds per phase (`qarch gemm --timings`); they vary from run to run, so they
    /// appear only when set.
    public var timings: [(name: String, seconds: Double)]?
    /// The process's peak resident memory in bytes, shown with the timings.
    public var peakMemoryBytes: Int?
    /// How a value run held its operands, when the caller says (`qarch gemm`).
    public var valueMemory: ValueMemory?

    /// A value run's operand memory: streamed in panels (`StreamedValueRun`) or whole
    /// (`ValueRunMemory`), the panel shape (the whole operands' rows and columns when not
    /// streamed) and the estimated bytes.
    public struct ValueMemory: Sendable, Equatable {
        public var streamed: Bool
        public var panelRows: Int, panelCols: Int
        public var estimateBytes: Int

        public init(streamed: Bool, panelRows: Int, panelCols: Int, estimateBytes: Int) {
            self.streamed = streamed
            self.panelRows = panelRows
            self.panelCols = panelCols
            self.estimateBytes = estimateBytes
        }
    }

    public init(design: String, unit: String, gemm: GEMMReport, convention: TimingConvention, cost: DesignCost) {
        self.design = design
        self.unit = unit
        dims = gemm.dims
        timing = gemm.timing
        memory = gemm.memory
        values = (gemm.output.actions.sorted.map { ($0.action.description, Int(truncatingIfNeeded: $0.count)) }, gemm.error)
        self.convention = convention
        self.cost = cost
    }

    /// The report of a counts-only run: cycles, traffic, energy and area, no values.
    public init(design: String, unit: String, dims: GEMMDims, schedule: GEMMSchedule, convention: TimingConvention,
                cost: DesignCost) {
        self.design = design
        self.unit = unit
        self.dims = dims
        timing = schedule.timing
        memory = schedule.memory
        values = nil
        self.convention = convention
        self.cost = cost
    }

    /// `{design, unit, m, k, n, timing, cycles: {total, compute, stall}, utilization, actions,
    /// memory, energy_pj, area_um2, error: {max_abs, rel_fro, sqnr_db}}`, then, when set,
    /// `value_memory: {streamed, panel_rows, panel_cols, estimate_bytes}`, `timings: {phase:
    /// seconds, …}` and `peak_memory_bytes`.
    public var json: JSONValue {
        var fields = fixedFields
        if let v = valueMemory {
            fields.append(("value_memory", .object([("streamed", .bool(v.streamed)), ("panel_rows", .int(v.panelRows)),
                                                    ("panel_cols", .int(v.panelCols)), ("estimate_bytes", .int(v.estimateBytes))])))
        }
        if let timings { fields.append(("timings", .object(timings.map { ($0.name, .number($0.seconds)) }))) }
        if let peakMemoryBytes { fields.append(("peak_memory_bytes", .int(peakMemoryBytes))) }
        return .object(fields)
    }

    /// The fields that depend only on the run's inputs.
    var fixedFields: [(String, JSONValue)] {
        let t = timing
        return [
            ("design", .string(design)), ("unit", .string(unit)),
            ("m", .int(dims.m)), ("k", .int(dims.k)), ("n", .int(dims.n)),
            ("timing", .string(convention.rawValue)),
            ("cycles", .object([("total", .int(t.totalCycles)), ("compute", .int(t.computeCycles)), ("stall", .int(t.stallCycles))])),
            ("utilization", .number(t.utilization)),
            ("actions", values.map { v in
                .object(v.actions.map { ($0.action, .int($0.count)) })
            } ?? .null),
            ("memory", memory.map(Self.memoryJSON) ?? .null),
            ("energy_pj", .object(cost.energyPJ.map { ($0.key, .number($0.value)) })),
            ("area_um2", .object(cost.areaUm2.map { ($0.key, .number($0.value)) })),
            ("error", values.map { v in
                .object([("max_abs", .number(v.error.maxAbs)), ("rel_fro", .number(v.error.relativeFrobenius)),
                         ("sqnr_db", .number(v.error.sqnrDB))])
            } ?? .null),
        ]
    }

    /// Per-operand SRAM and DRAM bytes of the buffer model, and the dequantization traffic.
    static func memoryJSON(_ m: MemoryTraffic) -> JSONValue {
        func operand(_ o: OperandTraffic) -> JSONValue {
            .object([("sram_read", .int(o.sramReadBytes)), ("sram_write", .int(o.sramWriteBytes)),
                     ("dram_read", .int(o.dramReadBytes)), ("dram_write", .int(o.dramWriteBytes)), ("resident", .bool(o.resident))])
        }
        return .object([("a", operand(m.a)), ("b", operand(m.b)), ("c", operand(m.c)),
                        ("dequant_bytes", .object([("read", .int(m.dequant.readBytes)), ("write", .int(m.dequant.writeBytes))])),
                        ("sram_stall_cycles", .int(m.sramStallCycles))])
    }

    /// The quantity / value table.
    public var text: String {
        let t = timing
        var table = TextTable(["quantity", "value"], rightAligned: [false, true])
        table.append(["design", design])
        table.append(["unit", unit])
        table.append(["GEMM (M×K×N)", "\(dims.m)×\(dims.k)×\(dims.n)"])
        table.append(["cycles (\(convention.rawValue))", "\(t.totalCycles)"])
        table.append(["  compute / stall", "\(t.computeCycles) / \(t.stallCycles)"])
        table.append(["utilization", String(format: "%.3f", t.utilization)])
        if let mem = memory {
            table.append(["DRAM read / write bytes", "\(mem.dram.readBytes) / \(mem.dram.writeBytes)"])
            table.append(["SRAM read / write bytes", "\(mem.sramReadBytes) / \(mem.sramWriteBytes)"])
        }
        table.append(["energy (pJ, native timing)", String(format: "%.6g", cost.energy("total"))])
        table.append(["area (µm²)", String(format: "%.6g", cost.area("total"))])
        if let (actions, error) = values {
            table.append(["error: max |Δ|", String(format: "%.4g", error.maxAbs)])
            table.append(["error: ‖Δ‖/‖C‖", String(format: "%.4g", error.relativeFrobenius)])
            table.append(["error: SQNR (dB)", String(format: "%.2f", error.sqnrDB)])
            for (action, count) in actions { table.append(["actions: \(action)", "\(count)"]) }
        } else {
            table.append(["values", "not computed (--counts-only)"])
        }
        for (name, seconds) in timings ?? [] { table.append(["time: \(name) (s)", String(format: "%.4f", seconds)]) }
        if let v = valueMemory {
            let how = v.streamed ? "streamed, panels \(v.panelRows) rows / \(v.panelCols) columns" : "whole operands"
            table.append(["value memory", "\(how), about \(String(format: "%.1f", Double(v.estimateBytes) / 1_048_576)) MiB"])
        }
        if let peakMemoryBytes { table.append(["peak memory (MiB)", String(format: "%.1f", Double(peakMemoryBytes) / 1_048_576)]) }
        return table.render()
    }
}
