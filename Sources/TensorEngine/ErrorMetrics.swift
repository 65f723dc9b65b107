import NumberFormats

/// How far a computed GEMM result is from a reference (usually the float64 GEMM of the
/// unquantized inputs).
///
/// ```swift
/// let e = ErrorMetrics(result: [1.0, 2.1], reference: [1.0, 2.0])
/// e.maxAbs   // 0.1 (approximately)
/// ```
public struct ErrorMetrics: Sendable, Equatable, Codable {
    /// Largest |result − reference|.
    public var maxAbs: Double
    /// ‖result − reference‖_F / ‖reference‖_F.
    public var relativeFrobenius: Double
    /// Signal-to-quantization-noise ratio, 10·log10(‖reference‖² / ‖error‖²) (∞ when exact).
    public var sqnrDB: Double

    public init(result: [Double], reference: [Double]) {
        var maxAbs = 0.0, errSq = 0.0, refSq = 0.0
        for (x, y) in zip(result, reference) {
            let d = x - y
            maxAbs = max(maxAbs, abs(d).isNaN ? .infinity : abs(d))
            errSq += d * d
            refSq += y * y
        }
        self.maxAbs = maxAbs
        relativeFrobenius = refSq > 0 ? (errSq / refSq).squareRoot() : (errSq > 0 ? .infinity : 0)
        sqnrDB = errSq > 0 ? 10 * DeterministicMath.log10(refSq / errSq) : .infinity
    }
}
