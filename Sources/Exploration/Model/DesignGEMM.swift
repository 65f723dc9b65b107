import ArithmeticUnits
import DesignModel
import Models
import NumberFormats
import TensorEngine

/// Runs the encoder's GEMMs through a design, the path of `qarch gemm` (fast mode): the
/// design's bit-exact unit quantizes A with its activation quantizer and B with its weight
/// quantizer and computes C in the accumulation order of the design's engine and dataflow
/// (`GEMMExecution.schedule`); C is the unit's decoded output.
///
/// Rows are independent for every unit whose activation scale is per token or per block
/// (INT8 per token, FP16, MX blocks): the token rows of all sentences then run as one GEMM,
/// which gives the same bits as one GEMM per sentence and quantizes each layer's weights
/// once. Units with a per-tensor activation scale (HiF8, NVFP4's second-level scale) run
/// one GEMM per sentence, so each sentence's scale is its own (`rowLocal` false); their
/// weights are quantized once per call and paired with each sentence's activations exactly
/// as the unit's `quantize` pairs them.
///
/// ```swift
/// let gemm = DesignGEMM(design: design)
/// let e = try embedder.embed(sentences, gemm: gemm)
/// ```
public struct DesignGEMM: DenseGEMM {
    public let design: Design
    let unit: any ArithmeticUnit
    let engine: EngineConfig
    /// Whether the unit's activation quantization is row by row (so stacking sentences is exact).
    public let rowLocal: Bool

    public init(design: Design) {
        self.design = design
        unit = design.makeUnit()
        engine = design.engineConfig()
        rowLocal = Self.quantizesRows(unit)
    }

    /// False for the units whose activation scale is taken over the whole A.
    static func quantizesRows(_ unit: any ArithmeticUnit) -> Bool {
        if let f = unit as? FloatMAC, f.kind == .hif8 { return false }
        if let b = unit as? BlockDotUnit, b.format.scaling == .twoLevel { return false }
        return true
    }

    public func multiply(_ a: Matrix, _ b: Matrix, segments: [Range<Int>], operation: GEMMOperation) throws -> Matrix {
        if rowLocal || segments.count <= 1 { return try Self.run(unit, a, b, engine) }
        let dims = try GEMMDims(m: a.rows, k: a.cols, n: b.cols).validated()
        let order = try GEMMExecution.schedule(dims, unit: unit.timing, engine: engine, convention: .native, mode: .fast).order
        let one = Matrix(rows: 1, cols: a.cols)
        var out = Matrix(rows: a.rows, cols: b.cols)
        func rows(_ seg: Range<Int>) -> Matrix {
            Matrix(rows: seg.count, cols: a.cols, storage: Array(a.storage[(seg.lowerBound * a.cols)..<(seg.upperBound * a.cols)]))
                ?? Matrix(rows: 0, cols: 0)
        }
        func store(_ seg: Range<Int>, _ c: UnitResult) {
            out.storage.replaceSubrange((seg.lowerBound * b.cols)..<(seg.upperBound * b.cols), with: c.values.storage)
        }
        if let f = unit as? FloatMAC, f.kind == .hif8 {
            let w = try f.quantize(activations: one, weights: b)
            for seg in segments where !seg.isEmpty {
                let qa = try ActivationQuantizer.hif8(rows(seg).storage, m: seg.count, k: a.cols)
                let acts = qa.codes.map { Float(ElementFormat.hif8.decode(UInt32($0))) }
                let ops = FloatMACOperands(m: seg.count, k: w.k, n: w.n, activations: acts, weightsNK: w.weightsNK,
                                           rowScales: [Float](repeating: Float(qa.scale(row: 0)), count: seg.count),
                                           columnScales: w.columnScales)
                store(seg, f.gemm(ops, order: order))
            }
        } else if let u = unit as? BlockDotUnit {
            let w = try u.quantize(activations: one, weights: b).columns
            for seg in segments where !seg.isEmpty {
                let qa = try ActivationQuantizer.block(rows(seg).storage, m: seg.count, k: a.cols, format: u.format)
                store(seg, u.gemm(BlockDotUnit.Operands(k: a.cols, activationRows: qa.map(BlockVector.init), weightColumns: w),
                                  order: order))
            }
        } else {
            for seg in segments where !seg.isEmpty { out.storage.replaceSubrange((seg.lowerBound * b.cols)..<(seg.upperBound * b.cols),
                                                                                 with: try Self.run(unit, rows(seg), b, engine).storage) }
        }
        return out
    }

    /// One GEMM through `unit` on `engine`, as `GEMMExecution.run` computes its values.
    static func run<U: ArithmeticUnit>(_ unit: U, _ a: Matrix, _ b: Matrix, _ engine: EngineConfig) throws -> Matrix {
        let dims = try GEMMDims(m: a.rows, k: a.cols, n: b.cols).validated()
        let order = try GEMMExecution.schedule(dims, unit: unit.timing, engine: engine, convention: .native, mode: .fast).order
        return unit.gemm(try unit.quantize(activations: a, weights: b), order: order).values
    }
}
