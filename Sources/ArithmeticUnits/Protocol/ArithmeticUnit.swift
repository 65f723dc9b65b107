import NumberFormats

/// A bit-exact arithmetic unit: it quantizes real operands into its formats and computes
/// the GEMM C[M×N] = A[M×K]·B[K×N] exactly as its hardware would, counting actions.
///
/// A is the activations and B the weights (quantized per group along K). Adding a unit
/// means adding one type that conforms to this protocol.
///
/// ```swift
/// let unit = Int8MAC()
/// let ops = unit.quantize(activations: a, weights: b)
/// let r = unit.gemm(ops, order: .sequential)
/// ```
public protocol ArithmeticUnit: Sendable {
    /// The quantized operands this unit consumes.
    associatedtype Operands: Sendable
    /// A short name, e.g. `mixpe-w4a8`.
    var name: String { get }
    /// Latency, initiation interval and MACs per operation.
    var timing: UnitTiming { get }
    /// The format of the output bits.
    var outputFormat: ElementFormat { get }
    /// Quantize real activations (M×K) and weights (K×N) into this unit's operand formats.
    func quantize(activations: Matrix, weights: Matrix) throws(QuantizationError) -> Operands
    /// The GEMM of the quantized operands, summed in `order`.
    func gemm(_ operands: Operands, order: AccumulationOrder) -> UnitResult
}
