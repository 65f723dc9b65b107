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
    /// Whether quantizing a row panel of A (all of K) with a column panel of B (all of K)
    /// gives the codes and scales the whole operands would: true when every scale is per row
    /// of A and per column or column group of B; false when a scale spans a whole tensor
    /// (NVFP4's FP32 tensor scales, HiF8's). A streamed value run
    /// (`GEMMExecution.runStreamed`) cuts only units for which it is true.
    var quantizesPanelsLocally: Bool { get }
}

extension ArithmeticUnit {
    public var quantizesPanelsLocally: Bool { true }
}
