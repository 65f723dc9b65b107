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
        sqnrDB = errSq > 0 ? 10 * log10(refSq / errSq) : .infinity
    }
}

/// log10 by the identity log10(x) = log2(x)·log10(2), with log2 from the exponent and a
/// short series on the significand (deterministic, no libm).
func log10(_ x: Double) -> Double {
    guard x > 0, x.isFinite else { return x == 0 ? -.infinity : (x.isNaN || x < 0 ? .nan : .infinity) }
    let e = Double(Int(x.exponent))
    let m = x.significand
    let t = (m - 1) / (m + 1), t2 = t * t
    var term = t, sum = 0.0, k = 1.0
    while k < 60 { sum += term / k; term *= t2; k += 2 }
    let ln = e * 0.693_147_180_559_945_309 + 2 * sum
    return ln * 0.434_294_481_903_251_827_651
}
