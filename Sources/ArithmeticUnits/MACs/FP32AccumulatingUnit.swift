/// A unit whose accumulation is a plain FP32 sum of exact products (the FP16, dequant-FP16
/// and HiF8 MACs), so an engine may carry the sums out in its own registers and hand the
/// accumulators back for the unit's epilogue (scales, output format, action counts).
///
/// The engine decides the order the sums run in (a register-level systolic array moves the
/// values PE by PE); the unit keeps its numerics: `fp32Operands` are its exact FP32 operand
/// values and `finish` applies exactly what `gemm` applies after accumulating.
///
/// ```swift
/// let unit = FloatMAC(kind: .fp16)
/// let ops = try unit.quantize(activations: a, weights: b)
/// let f = unit.fp32Operands(ops)
/// let acc = SystolicRegisterArray.run(a: f.activations, bNK: f.weightsNK, m: f.m, k: f.k, n: f.n, array: array)
/// let r = unit.finish(ops, accumulators: acc, order: order)   // == unit.gemm(ops, order: order) for os
/// ```
public protocol FP32AccumulatingUnit: ArithmeticUnit {
    /// The exact FP32 values the unit multiplies: A row-major M×K, B transposed N×K.
    func fp32Operands(_ operands: Operands) -> FloatMACOperands
    /// The result from FP32 accumulators (row-major M×N) summed elsewhere in `order`.
    func finish(_ operands: Operands, accumulators: [Float], order: AccumulationOrder) -> UnitResult
}
