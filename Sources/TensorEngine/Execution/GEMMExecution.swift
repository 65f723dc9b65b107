import ArithmeticUnits
import NumberFormats

/// Runs a quantized GEMM through an arithmetic unit placed on a systolic array.
///
/// Values: the unit computes C bit-exactly in the accumulation order its dataflow implies:
/// - **os**: each PE owns one output and accumulates its products in k order over the whole
///   K (`AccumulationOrder.sequential`).
/// - **ws / is**: K lies on the array rows; a fold covers `rows` consecutive k (times the
///   unit's dot width), its partial sum flows down a column from zero, and fold partials
///   are added to the running output in fold order (`AccumulationOrder(kChunk:)`).
/// Wherever the unit's accumulation is exact (integer MixPE/INT8, the MX block sums), every
/// dataflow gives the same bits. In `.cycle` mode on a systolic array the units that
/// accumulate exact products in FP32 (`FP32AccumulatingUnit`: FP16, dequant-FP16, HiF8)
/// move their values through PE registers (`SystolicRegisterArray`), which reproduces
/// exactly these orders; other units compute them functionally.
///
/// Timing: a PE that performs a `w`-wide dot product every `ii` cycles streams ceil(K/w)
/// steps of `ii` cycles each (`ArrayConfig.cyclesPerStep`), by `SystolicTiming`.
///
/// ```swift
/// let report = try GEMMExecution.run(unit: MixPE(mode: .w4a8), activations: a, weights: b,
///                                    array: ArrayConfig(rows: 32, cols: 32, dataflow: .ws),
///                                    convention: .native)
/// report.timing.totalCycles; report.error.sqnrDB
/// ```
public enum GEMMExecution {
    /// The accumulation order `dataflow` implies on an array with `rows` rows for a unit of
    /// dot width `lanes`.
    public static func order(for dataflow: Dataflow, rows: Int, lanes: Int) -> AccumulationOrder {
        switch dataflow {
        case .os: return .sequential
        case .ws, .is: return AccumulationOrder(kChunk: max(rows, 1) * max(lanes, 1))
        }
    }

    /// The dimensions the array streams: K counted in dot-product steps of the unit.
    public static func streamedDims(m: Int, k: Int, n: Int, lanes: Int) -> GEMMDims {
        let w = max(lanes, 1)
        return GEMMDims(m: m, k: k / w + (k % w == 0 ? 0 : 1), n: n)
    }

    public static func run<U: ArithmeticUnit>(unit: U, activations a: Matrix, weights b: Matrix, array: ArrayConfig,
                                              convention: TimingConvention, mode: SimulationMode = .fast,
                                              dram: DRAMConfig? = nil) throws -> GEMMReport {
        try run(unit: unit, activations: a, weights: b, engine: .systolic(array), convention: convention, mode: mode, dram: dram)
    }

    /// What a GEMM of `dims` costs in time and traffic on `engine`, for a unit of `unit`
    /// timing, without computing values: the engine's counts, the accumulation order the
    /// dataflow implies and, with a buffer model and DRAM, the per-operand byte traffic.
    ///
    /// On a systolic array K streams in the unit's dot-product steps (`streamedDims`), each
    /// `initiationInterval` cycles long; a step carries `lanes` elements of A and of B, and a
    /// quantization group of G elements spans G/lanes steps.
    ///
    /// ```swift
    /// let s = try GEMMExecution.schedule(GEMMDims(m: 1, k: 4096, n: 4096), unit: BitMoDPE().timing,
    ///                                    engine: .systolic(array), convention: .native)
    /// s.timing.totalCycles
    /// ```
    public static func schedule(_ dims: GEMMDims, unit t: UnitTiming, engine: EngineConfig, convention: TimingConvention,
                                mode: SimulationMode = .fast, dram: DRAMConfig? = nil,
                                memory: BufferModel? = nil) throws -> GEMMSchedule {
        switch engine {
        case .systolic(let array):
            // A precision-scalable PE (`PELanes`) runs the GEMM of its packs: the timing
            // engines see one pack product per PE-cycle, each pack element `lanes` wide.
            let pack = try array.validated().lanes
            var arrayForUnit = array
            arrayForUnit.cyclesPerStep = max(t.initiationInterval, 1)
            arrayForUnit.lanes = .single
            let lanes = max(t.macsPerOperation, 1)
            let streamed = streamedDims(m: dims.m, k: dims.k, n: dims.n, lanes: lanes)
            let packed = pack.packed(streamed)
            func widen(_ w: OperandWidth, _ factor: Int) throws(TensorEngineError) -> OperandWidth {
                OperandWidth(bits: try Checked.mul(w.bits, factor, "DRAM bits per step"), per: w.per)
            }
            let stepDram = try dram.map { d throws(TensorEngineError) in
                DRAMConfig(bytesPerCycle: d.bytesPerCycle,
                           a: try widen(d.a, Checked.mul(lanes, pack.activation, "DRAM bits per step")),
                           b: try widen(d.b, Checked.mul(lanes, pack.weight, "DRAM bits per step")),
                           c: try widen(d.c, pack.products))
            }
            // With buffers, the DRAM channel fetches what they cannot keep (re-fetches, spills).
            let reuse = memory.map { DRAMReuse(buffers: $0.buffers) }
            var timing = try SystolicTiming.run(packed, on: arrayForUnit, convention: convention, mode: mode,
                                                dram: stepDram, reuse: reuse)
            if pack.isPacked { timing.macs = try streamed.macs }   // every lane's product
            var traffic: MemoryTraffic?
            if let model = memory, let widths = stepDram {
                var dequant = model.dequant
                if let g = dequant?.groupSize { dequant?.groupSize = max(g / lanes, 1) }
                if pack.isPacked, let d = dequant { dequant = try Self.packedEpilogue(d, pack) }
                // A pack's partial sums are its products' outputs, each at the default 32 bits.
                traffic = try BufferedTraffic.compute(plan: FoldPlan(packed, on: arrayForUnit), dram: widths,
                                                      buffers: model.buffers,
                                                      accumulatorBits: try Checked.mul(32, pack.products, "accumulator bits"),
                                                      dequant: dequant, computeCycles: timing.computeCycles)
            }
            return GEMMSchedule(timing: timing, order: order(for: array.dataflow, rows: array.rows, lanes: lanes),
                                memory: traffic)
        case .tensorCore(let tile, let kind):
            guard convention == .native else {
                throw TensorEngineError.unsupportedConvention("the scalesim convention is defined for systolic arrays only")
            }
            var unitTile = tile
            if case .dotTree = kind { unitTile.initiationInterval = max(t.initiationInterval, 1) }
            let timing = try TensorCoreTiming.run(dims, tile: unitTile, kind: kind, mode: mode, dram: dram)
            let isDotTree: Bool
            if case .dotTree = kind { isDotTree = true } else { isDotTree = false }
            return GEMMSchedule(timing: timing, order: isDotTree ? AccumulationOrder(kChunk: tile.k) : .sequential, memory: nil)
        }
    }

    /// The dequantization epilogue of a packed array, per pack: an epilogue read per output
    /// (m, n, g) moves `pack.products` outputs' parameters at once, one per weight group and
    /// pass moves `pack.weight` columns' (`DequantTraffic` counts packs of the packed GEMM).
    static func packedEpilogue(_ d: DequantTraffic.Scheme, _ pack: PELanes) throws(TensorEngineError) -> DequantTraffic.Scheme {
        var out = d
        let factor = d.granularity == .perOutputGroup ? pack.products : pack.weight
        func widened(_ bits: Int) throws(TensorEngineError) -> Int { try Checked.mul(bits, factor, "epilogue bits") }
        out.scaleBits = try widened(d.scaleBits)
        out.zeroBits = try widened(d.zeroBits)
        out.activationSumBits = try widened(d.activationSumBits)
        out.accumulatorBits = try widened(d.accumulatorBits)
        return out
    }

    /// Run on any engine. On a tensor core the dot-product tree sums each `tile.k`-wide block
    /// from zero and then accumulates it (`AccumulationOrder(kChunk: tile.k)`); the LUT tile
    /// follows the LUT Tensor Core's own bit-plane order. Tensor cores time in the `native`
    /// convention only. With a `timer`, the phases (`schedule`, `quantize`, `values`,
    /// `reference`, `error`) are timed into it.
    public static func run<U: ArithmeticUnit>(unit: U, activations a: Matrix, weights b: Matrix, engine: EngineConfig,
                                              convention: TimingConvention, mode: SimulationMode = .fast,
                                              dram: DRAMConfig? = nil, memory: BufferModel? = nil,
                                              timer: PhaseTimer? = nil) throws -> GEMMReport {
        func phase<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            guard let timer else { return try body() }
            return try timer.measure(name, body)
        }
        guard a.cols == b.rows else {
            throw TensorEngineError.dimensionMismatch(activationColumns: a.cols, weightRows: b.rows)
        }
        let dims = try GEMMDims(m: a.rows, k: a.cols, n: b.cols).validated()
        let plan = try phase("schedule") {
            try schedule(dims, unit: unit.timing, engine: engine, convention: convention, mode: mode,
                         dram: dram, memory: memory)
        }
        let order = plan.order
        let operands = try phase("quantize") { try unit.quantize(activations: a, weights: b) }
        let output = phase("values") { values(unit, operands, engine: engine, mode: mode, order: order) }
        let reference = phase("reference") { ReferenceGEMM.multiply(a, b) }
        let error = phase("error") { ErrorMetrics(result: output.values.storage, reference: reference.storage) }
        return GEMMReport(dims: dims, output: output, timing: plan.timing, error: error, order: order, memory: plan.memory)
    }

    /// The unit's GEMM of `operands` in `order`; in cycle mode on a systolic array, a unit
    /// that accumulates exact products in FP32 moves its values through the PE registers
    /// instead (`registerGEMM`, the same bits).
    static func values<U: ArithmeticUnit>(_ unit: U, _ operands: U.Operands, engine: EngineConfig, mode: SimulationMode,
                                          order: AccumulationOrder) -> UnitResult {
        if mode == .cycle, case .systolic(let array) = engine, let fp32 = unit as? any FP32AccumulatingUnit,
           let registers = registerGEMM(fp32, operands, array: array, order: order) {
            return registers
        }
        return unit.gemm(operands, order: order)
    }

    /// Cycle mode for a unit that accumulates exact products in FP32: the values themselves
    /// move through the PE registers (`SystolicRegisterArray`) and the unit finishes from the
    /// accumulators; nil if `operands` are not the unit's.
    static func registerGEMM<V: FP32AccumulatingUnit>(_ unit: V, _ operands: Any, array: ArrayConfig,
                                                      order: AccumulationOrder) -> UnitResult? {
        guard let ops = operands as? V.Operands else { return nil }
        let f = unit.fp32Operands(ops)
        let acc = SystolicRegisterArray.run(a: f.activations, bNK: f.weightsNK, m: f.m, k: f.k, n: f.n, array: array)
        return unit.finish(ops, accumulators: acc, order: order)
    }
}
