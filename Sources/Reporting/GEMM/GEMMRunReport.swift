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
public struct GEMMRunReport {
    public let design: String
    public let unit: String
    public let gemm: GEMMReport
    public let convention: TimingConvention
    public let cost: DesignCost
    /// Wall seconds per phase (`qarch gemm --timings`); they vary from run to run, so they
    /// appear only when set.
    public var timings: [(name: String, seconds: Double)]?
    /// The process's peak resident memory in bytes, shown with the timings.
    public var peakMemoryBytes: Int?

    public init(design: String, unit: String, gemm: GEMMReport, convention: TimingConvention, cost: DesignCost) {
        self.design = design
        self.unit = unit
        self.gemm = gemm
        self.convention = convention
        self.cost = cost
    }

    /// `{design, unit, m, k, n, timing, cycles: {total, compute, stall}, utilization, actions,
    /// memory, energy_pj, area_um2, error: {max_abs, rel_fro, sqnr_db}}`, then, when set,
    /// `timings: {phase: seconds, …}` and `peak_memory_bytes`.
    public var json: JSONValue {
        var fields = fixedFields
        if let timings { fields.append(("timings", .object(timings.map { ($0.name, .number($0.seconds)) }))) }
        if let peakMemoryBytes { fields.append(("peak_memory_bytes", .int(peakMemoryBytes))) }
        return .object(fields)
    }

    /// The fields that depend only on the run's inputs.
    var fixedFields: [(String, JSONValue)] {
        let t = gemm.timing
        return [
            ("design", .string(design)), ("unit", .string(unit)),
            ("m", .int(gemm.dims.m)), ("k", .int(gemm.dims.k)), ("n", .int(gemm.dims.n)),
            ("timing", .string(convention.rawValue)),
            ("cycles", .object([("total", .int(t.totalCycles)), ("compute", .int(t.computeCycles)), ("stall", .int(t.stallCycles))])),
            ("utilization", .number(t.utilization)),
            ("actions", .object(gemm.output.actions.sorted.map { ($0.action.description, .int(Int(truncatingIfNeeded: $0.count))) })),
            ("memory", gemm.memory.map(Self.memoryJSON) ?? .null),
            ("energy_pj", .object(cost.energyPJ.map { ($0.key, .number($0.value)) })),
            ("area_um2", .object(cost.areaUm2.map { ($0.key, .number($0.value)) })),
            ("error", .object([("max_abs", .number(gemm.error.maxAbs)), ("rel_fro", .number(gemm.error.relativeFrobenius)),
                               ("sqnr_db", .number(gemm.error.sqnrDB))])),
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
        let t = gemm.timing
        var table = TextTable(["quantity", "value"], rightAligned: [false, true])
        table.append(["design", design])
        table.append(["unit", unit])
        table.append(["GEMM (M×K×N)", "\(gemm.dims.m)×\(gemm.dims.k)×\(gemm.dims.n)"])
        table.append(["cycles (\(convention.rawValue))", "\(t.totalCycles)"])
        table.append(["  compute / stall", "\(t.computeCycles) / \(t.stallCycles)"])
        table.append(["utilization", String(format: "%.3f", t.utilization)])
        if let mem = gemm.memory {
            table.append(["DRAM read / write bytes", "\(mem.dram.readBytes) / \(mem.dram.writeBytes)"])
            table.append(["SRAM read / write bytes", "\(mem.sramReadBytes) / \(mem.sramWriteBytes)"])
        }
        table.append(["energy (pJ, native timing)", String(format: "%.6g", cost.energy("total"))])
        table.append(["area (µm²)", String(format: "%.6g", cost.area("total"))])
        table.append(["error: max |Δ|", String(format: "%.4g", gemm.error.maxAbs)])
        table.append(["error: ‖Δ‖/‖C‖", String(format: "%.4g", gemm.error.relativeFrobenius)])
        table.append(["error: SQNR (dB)", String(format: "%.2f", gemm.error.sqnrDB)])
        for (action, count) in gemm.output.actions.sorted { table.append(["actions: \(action)", "\(count)"]) }
        for (name, seconds) in timings ?? [] { table.append(["time: \(name) (s)", String(format: "%.4f", seconds)]) }
        if let peakMemoryBytes { table.append(["peak memory (MiB)", String(format: "%.1f", Double(peakMemoryBytes) / 1_048_576)]) }
        return table.render()
    }
}
