import ArithmeticUnits
import DesignModel
import NumberFormats
import TensorEngine
import Workloads

/// Estimates energy, area, cycles and throughput of a design on a workload without
/// computing values (timing and traffic come from the closed-form engine paths).
///
/// Per GEMM shape (× its count):
/// - **cycles**: systolic arrays as `GEMMExecution` times them (K in dot-product steps of the
///   unit, II cycles per step, the design's DRAM stalls, `native` convention) plus the SRAM
///   bank-bandwidth stalls of the buffer model; tensor cores by `TensorCoreTiming`.
/// - **PE energy** (the accounting rule, by how the PE is priced on the design's footing,
///   `cost.library` — `PECost`):
///   - *per PE-cycle* — on the `paper` footing only: paper PEs (`unit.paper_pe`: BitMoD, FP16 MAC, FP16×INT8, MixPE rows) and every
///     `cost_overrides.pe` energy: dynamic = **all** PEs of the array (tensor cores: all
///     m·n·k lanes) × **compute cycles** × E_dyn, idle PEs of partial folds included and
///     DRAM/SRAM stall cycles excluded (every PE clocks while the array computes, as both
///     artifacts charge it); leakage = all PEs × **all cycles** (stalls included) × E_leak
///     (E_leak > 0 only for the MixPE rows, whose leakage the artifact publishes);
///   - *per MAC* — every unit on the `synthesized` (default) and `horowitz` footings:
///     MACs performed × Σ (actions per MAC × pJ per action of the footing's table), with the
///     actions per MAC of the unit's own algorithm (`ActionProfile`); no idle or leakage energy.
///   A design on `paper` without a published PE energy is refused (`FootingError`).
/// - **SRAM**: per memory, (read words × read pJ + write words × write pJ) per access of
///   its width (`SRAMModel` fit unless the design gives pJ or a cost override); systolic
///   traffic from `BufferedTraffic` (capacity-aware, dequant epilogue reads on B, sums and
///   accumulators on C); tensor cores: the engine's element traffic × operand widths.
///   An operand without a memory (e.g. BitMoD's outputs) is charged nothing on chip.
///   Tensor cores: A and B are written once into their buffers as they arrive from DRAM.
/// - **SRAM leakage**: Σ memories' leakage power × latency.
/// - **DRAM**: read bits × read pJ/bit + write bits × write pJ/bit.
/// - **Memories and DRAM** are priced the same on every footing.
/// - **Area**: PEs × PE area (paper footing: override → paper PE; else Σ instances × component area, with
///   ⌈r⌉ instances of a component used r ≥ ½ times per PE-cycle and a time-shared r
///   below) + Σ memory areas.
///
/// MACs and cycles are exact integers. A workload must have positive shapes and at most
/// 2^62 MACs (`Workload.validated(as:)`); a cycle, byte or access count beyond 2^63 − 1,
/// or an energy, area or latency that is not finite, is refused (`CostEvaluationError`).
///
/// ```swift
/// let cost = try CostEvaluator().evaluate(design, on: Workload.builtIn("llama-2-7b:decode:1:layer")!)
/// cost.energy("dram"); cost.cycles
/// ```
public struct CostEvaluator: Sendable {
    public var scaling: TechnologyScaling
    public init(scaling: TechnologyScaling = TechnologyScaling()) { self.scaling = scaling }

    /// The traffic and timing of one GEMM run (not yet multiplied by its count).
    struct RunCounts {
        var cycles = 0, computeCycles = 0, peCount = 0
        var reads: [MemorySpec.Operand: Int] = [:], writes: [MemorySpec.Operand: Int] = [:]
        var dramReadBytes = 0, dramWriteBytes = 0
    }

    public func evaluate(_ design: Design, on workload: Workload) throws -> DesignCost {
        try evaluate(design, on: [workload])[0]
    }

    /// The cost on each workload; the PE and memory tables are resolved once for all.
    public func evaluate(_ design: Design, on workloads: [Workload]) throws -> [DesignCost] {
        let library = CostLibrary(design: design, scaling: scaling)
        let pe = try PECost(design: design, library: library)
        let setup = RunSetup(design)
        return try workloads.map { try evaluate(design, on: $0, library: library, pe: pe, setup: setup) }
    }

    func evaluate(_ design: Design, on workload: Workload, library: CostLibrary, pe: PECost, setup: RunSetup) throws -> DesignCost {
        let f = design.technology.frequencyMHz
        let macs = try workload.totalMACs(as: "workload \(workload.name)")
        var cycles = 0, peCompute = 0.0, peTotal = 0.0, maxPE = 0
        var reads: [MemorySpec.Operand: Double] = [:], writes: [MemorySpec.Operand: Double] = [:]
        var dramRead = 0.0, dramWrite = 0.0
        var seen: [(dims: GEMMDims, counts: RunCounts)] = []   // layers repeat shapes (Q, K, V, O)
        func refuse(_ message: String) -> CostEvaluationError { CostEvaluationError(workload: workload.name, message: message) }
        for (i, g) in workload.gemms.enumerated() where g.count > 0 {
            let dims = GEMMDims(m: g.m, k: g.k, n: g.n)
            let r: RunCounts
            do {
                if let hit = seen.first(where: { $0.dims == dims }) {
                    r = hit.counts
                } else {
                    r = try run(setup, dims)
                    seen.append((dims, r))
                }
                cycles = try Checked.add(cycles, Checked.mul(r.cycles, g.count, "cycles"), "cycles")
            } catch let error as TensorEngineError {
                throw refuse("gemms[\(i)] (\(g.name)): \(error)")
            }
            let c = Double(g.count)
            peCompute += Double(r.peCount) * Double(r.computeCycles) * c
            peTotal += Double(r.peCount) * Double(r.cycles) * c
            maxPE = max(maxPE, r.peCount)
            for (o, v) in r.reads { reads[o, default: 0] += Double(v) * c }
            for (o, v) in r.writes { writes[o, default: 0] += Double(v) * c }
            dramRead += Double(r.dramReadBytes) * c
            dramWrite += Double(r.dramWriteBytes) * c
        }
        let latency = f > 0 ? Double(cycles) / (f * 1e6) : 0
        let peDynamic = pe.dynamicPJPerCycle.map { $0 * peCompute } ?? Double(macs) * pe.actionPJPerMACTotal
        let peLeak = pe.leakagePJPerCycle * peTotal
        var energy: [(key: String, value: Double)] = [("pe_dynamic", peDynamic), ("pe_leakage", peLeak)]
        var area: [(key: String, value: Double)] = [("pe_array", Double(maxPE) * pe.areaUm2)]
        var sramLeak = 0.0
        for m in design.memories {
            let fit = library.sram.memory(kb: Double(m.sizeKiB), banks: m.banks, widthBits: m.widthBits, process: library.process)
            let o = design.costOverrides[m.name]
            let readPJ: Double, writePJ: Double
            if let e = o?.energyPJ {
                readPJ = e; writePJ = e
            } else {
                if case .picojoules(let x) = m.readPJ { readPJ = x } else { readPJ = fit.readPJ }
                if case .picojoules(let x) = m.writePJ { writePJ = x } else { writePJ = fit.writePJ }
            }
            energy.append((m.name, (reads[m.operand] ?? 0) * readPJ + (writes[m.operand] ?? 0) * writePJ))
            area.append((m.name, o?.areaUm2 ?? fit.areaUm2))
            sramLeak += fit.leakageMW * latency * 1e9
        }
        energy.append(("sram_leakage", sramLeak))
        let dramO = design.costOverrides["dram"]?.energyPJ
        energy.append(("dram", dramRead * 8 * (dramO ?? design.dram.readPJPerBit) + dramWrite * 8 * (dramO ?? design.dram.writePJPerBit)))
        energy.insert(("total", energy.reduce(0) { $0 + $1.value }), at: 0)
        area.insert(("total", area.reduce(0) { $0 + $1.value }), at: 0)
        for (what, values) in [("energy_pj", energy), ("area_um2", area), ("latency_s", [("total", latency)])] {
            if let bad = values.first(where: { !$0.value.isFinite }) {
                throw refuse("\(what).\(bad.key): expected a finite value, found \(bad.value)")
            }
        }
        var cost = DesignCost(name: design.name, workload: workload.name, macs: macs, cycles: cycles,
                              latencyS: latency, energyPJ: energy, areaUm2: area,
                              sources: [("pe_energy", pe.energySource), ("pe_area", pe.areaSource)])
        cost.peComponentsPJ = pe.componentShares.map { ($0.name, $0.fraction * peDynamic) }
        cost.footing = library.footing.rawValue
        return cost
    }

    /// What every GEMM of one design's evaluation shares: the unit's timing, the engine,
    /// DRAM and buffer models and the memory word widths (resolved once per evaluation).
    struct RunSetup {
        let timing: UnitTiming
        let dram: DRAMConfig
        let engine: EngineConfig
        let memory: BufferModel
        let widthOf: [MemorySpec.Operand: Int]

        init(_ design: Design) {
            timing = design.makeUnit().timing
            dram = design.dramConfig()
            engine = design.engineConfig()
            memory = design.bufferModel()
            widthOf = Dictionary(design.memories.map { ($0.operand, max($0.widthBits, 1)) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// Timing and traffic of one GEMM on the design's engine (no values).
    func run(_ design: Design, _ dims: GEMMDims) throws -> RunCounts { try run(RunSetup(design), dims) }

    func run(_ setup: RunSetup, _ dims: GEMMDims) throws -> RunCounts {
        typealias C = Checked
        let dims = try dims.validated()
        let t = setup.timing, dram = setup.dram, widthOf = setup.widthOf
        func words(_ bytes: Int, _ o: MemorySpec.Operand) throws(TensorEngineError) -> Int {
            guard let w = widthOf[o] else { return 0 }
            return try C.mulDivCeil(bytes, 8, w, "SRAM words")
        }
        var r = RunCounts()
        let engine = setup.engine
        let schedule = try GEMMExecution.schedule(dims, unit: t, engine: engine, convention: .native, dram: dram,
                                                  memory: setup.memory)
        switch engine {
        case .systolic:
            let timing = schedule.timing
            guard let traffic = schedule.memory else { return r }
            r.cycles = try C.add(timing.totalCycles, traffic.sramStallCycles, "cycles")
            r.computeCycles = timing.computeCycles
            r.peCount = timing.peCount
            let dq = traffic.dequant
            r.reads[.a] = traffic.a.sramReadWords
            r.writes[.a] = traffic.a.sramWriteWords
            func add(_ x: Int, _ y: Int) throws(TensorEngineError) -> Int { try C.add(x, y, "SRAM accesses") }
            r.reads[.b] = try add(traffic.b.sramReadWords, words(add(dq.scaleBytes, dq.zeroPointBytes), .b))
            r.writes[.b] = traffic.b.sramWriteWords
            r.reads[.c] = try add(traffic.c.sramReadWords, words(add(dq.activationSumBytes, dq.accumulatorReadBytes), .c))
            r.writes[.c] = try add(traffic.c.sramWriteWords, words(dq.accumulatorWriteBytes, .c))
            r.dramReadBytes = traffic.dram.readBytes
            r.dramWriteBytes = traffic.dram.writeBytes
        case .tensorCore:
            let timing = schedule.timing
            r.cycles = timing.totalCycles
            r.computeCycles = timing.computeCycles
            r.peCount = timing.peCount
            func bytes(_ elements: Int, _ w: OperandWidth) throws(TensorEngineError) -> Int { try w.byteCount(elements: elements) }
            r.reads[.a] = try words(bytes(timing.sram.aReads, dram.a), .a)
            r.reads[.b] = try words(bytes(timing.sram.bReads, dram.b), .b)
            r.reads[.c] = try words(bytes(timing.sram.cReads, dram.c), .c)
            r.writes[.c] = try words(bytes(timing.sram.cWrites, dram.c), .c)
            // Each operand is filled from DRAM once (the engine fetches every A row panel and
            // B column tile once), as the systolic buffer model charges its fills.
            r.writes[.a] = try words(bytes(dims.m * dims.k, dram.a), .a)   // M·K, K·N ≤ M·K·N ≤ 2^62
            r.writes[.b] = try words(bytes(dims.k * dims.n, dram.b), .b)
            r.dramReadBytes = timing.dram.readBytes
            r.dramWriteBytes = timing.dram.writeBytes
        }
        return r
    }
}
