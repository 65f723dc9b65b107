import NumberFormats

/// How far a computed GEMM result is from a reference (usually the float64 GEMM of the
/// unquantized inputs).
///
/// The sums of squares are taken of values scaled by powers of two (exact), so operands of
/// 1e300 give the right ratios instead of inf/inf = NaN; for data whose squares fit in a
/// Double the metrics are bit for bit those of the plain sums. A non-finite value never
/// scores as perfect: a NaN or infinity in the result (with a finite reference) is an
/// infinite error (`maxAbs` and `relativeFrobenius` ∞, `sqnrDB` −∞), and a non-finite
/// reference leaves the error unknown (all three NaN).
///
/// ```swift
/// let e = ErrorMetrics(result: [1.0, 2.1], reference: [1.0, 2.0])
/// e.maxAbs   // 0.1 (approximately)
/// ErrorMetrics(result: [1e300, 2.2e300], reference: [1e300, 2e300]).relativeFrobenius   // 0.0894…
/// ErrorMetrics(result: [.nan], reference: [1]).sqnrDB   // -inf
/// ```
public struct ErrorMetrics: Sendable, Equatable, Codable {
    /// Largest |result − reference|.
    public var maxAbs: Double
    /// ‖result − reference‖_F / ‖reference‖_F.
    public var relativeFrobenius: Double
    /// Signal-to-quantization-noise ratio, 10·log10(‖reference‖² / ‖error‖²) (∞ when exact).
    public var sqnrDB: Double

    /// The metrics of `result` against `reference`, element by element (any collections of
    /// Doubles, e.g. a lazily decoded output; each is read twice).
    public init<R: Collection<Double>, F: Collection<Double>>(result: R, reference: F) {
        // Pass 1: the largest error and reference value, and the largest error of the halved
        // values (x/2 − y/2 cannot overflow, x − y can).
        var maxAbs = 0.0, maxHalfError = 0.0, maxReference = 0.0
        for (x, y) in zip(result, reference) {
            guard y.isFinite else { self.init(maxAbs: .nan, relativeFrobenius: .nan, sqnrDB: .nan); return }
            guard x.isFinite else {
                self.init(maxAbs: .infinity, relativeFrobenius: .infinity, sqnrDB: -.infinity)
                return
            }
            maxAbs = max(maxAbs, abs(x - y))
            maxHalfError = max(maxHalfError, abs(x / 2 - y / 2))
            maxReference = max(maxReference, abs(y))
        }
        // Pass 2: sums of squares of the values scaled to about 1, halved only if x − y overflowed.
        let half = maxAbs.isFinite ? 1.0 : 0.5
        let a = Self.scaleExponent(maxAbs.isFinite ? maxAbs : maxHalfError), b = Self.scaleExponent(maxReference)
        let errorScale = Double(sign: .plus, exponent: -a, significand: 1)
        let referenceScale = Double(sign: .plus, exponent: -b, significand: 1)
        var errSq = 0.0, refSq = 0.0
        for (x, y) in zip(result, reference) {
            let d = (x * half - y * half) * errorScale
            let r = y * referenceScale
            errSq += d * d
            refSq += r * r
        }
        // ‖error‖² / ‖reference‖² = (errSq / refSq) · 2^k: the error was scaled by half · 2^−a,
        // the reference by 2^−b (powers of two, so the ratio is the plain one where that fits).
        let k = (half == 1 ? 0 : 2) + 2 * a - 2 * b
        let relativeFrobenius: Double, sqnrDB: Double
        if errSq == 0 {
            relativeFrobenius = 0
            sqnrDB = .infinity
        } else if refSq == 0 {
            relativeFrobenius = .infinity
            sqnrDB = -.infinity
        } else {
            relativeFrobenius = Double(sign: .plus, exponent: k / 2, significand: (errSq / refSq).squareRoot())
            let p = refSq / errSq
            let ratio = Double(sign: .plus, exponent: -k, significand: p)
            sqnrDB = ratio.isNormal ? 10 * DeterministicMath.log10(ratio)
                : 10 * (DeterministicMath.log10(p) - Double(k) * DeterministicMath.log10(2))
        }
        self.init(maxAbs: maxAbs, relativeFrobenius: relativeFrobenius, sqnrDB: sqnrDB)
    }

    private init(maxAbs: Double, relativeFrobenius: Double, sqnrDB: Double) {
        self.maxAbs = maxAbs
        self.relativeFrobenius = relativeFrobenius
        self.sqnrDB = sqnrDB
    }

    /// The exponent e of the power of two 2^−e that brings `largest` to [1, 2) (0 for 0),
    /// kept where 2^−e is a normal Double.
    static func scaleExponent(_ largest: Double) -> Int {
        largest > 0 ? min(max(Int(largest.exponent), -1022), 1022) : 0
    }
}
