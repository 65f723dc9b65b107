import NumberFormats
import TensorEngine
import Testing

/// `ErrorMetrics` on values that break plain sums of squares: huge and tiny magnitudes,
/// differences that overflow, NaN and infinity in the result or the reference.
@Suite struct ErrorMetricsTests {
    /// The metrics as they were computed before scaling: plain sums of squares.
    static func plain(_ result: [Double], _ reference: [Double]) -> (Double, Double, Double) {
        var maxAbs = 0.0, errSq = 0.0, refSq = 0.0
        for (x, y) in zip(result, reference) {
            let d = x - y
            maxAbs = max(maxAbs, abs(d))
            errSq += d * d
            refSq += y * y
        }
        let rel = refSq > 0 ? (errSq / refSq).squareRoot() : (errSq > 0 ? .infinity : 0)
        return (maxAbs, rel, errSq > 0 ? 10 * DeterministicMath.log10(refSq / errSq) : .infinity)
    }

    /// For data whose squares fit in a Double, the scaled sums give the plain metrics bit
    /// for bit (the reports' error columns do not change).
    @Test func ordinaryDataGivesThePlainMetricsExactly() {
        var rng = SplitMix64(seed: 7)
        for trial in 0..<200 {
            let count = 1 + Int(rng.next() % 300)
            let magnitude = [1e-3, 0.37, 1, 24, 3e5][trial % 5]
            let reference = (0..<count).map { _ in (Double(rng.next() % 2_000_001) / 1e6 - 1) * magnitude }
            let result = reference.map { $0 + (Double(rng.next() % 2001) / 1e3 - 1) * magnitude * 1e-2 }
            let e = ErrorMetrics(result: result, reference: reference)
            let (maxAbs, rel, sqnr) = Self.plain(result, reference)
            #expect(e.maxAbs.bitPattern == maxAbs.bitPattern, "trial \(trial)")
            #expect(e.relativeFrobenius.bitPattern == rel.bitPattern, "trial \(trial): \(e.relativeFrobenius) vs \(rel)")
            #expect(e.sqnrDB.bitPattern == sqnr.bitPattern, "trial \(trial): \(e.sqnrDB) vs \(sqnr)")
        }
    }

    /// Values of 1e300 (whose squares overflow) and 1e-300 (whose squares underflow) give the
    /// ratios of the same data at magnitude 1; the plain sums gave NaN and 0 / ∞ dB.
    @Test("huge and tiny magnitudes", arguments: [1e300, 1e-300, 1.5e308])
    func magnitudeDoesNotMatter(scale: Double) {
        let reference = [1.0, -2.0, 0.5, 3.0], result = [1.1, -2.0, 0.4, 3.3]
        let unit = ErrorMetrics(result: result, reference: reference)
        let big = ErrorMetrics(result: result.map { $0 * (scale / 4) }, reference: reference.map { $0 * (scale / 4) })
        #expect(big.relativeFrobenius.isFinite && big.sqnrDB.isFinite)
        #expect(abs(big.relativeFrobenius - unit.relativeFrobenius) <= 1e-12 * unit.relativeFrobenius)
        #expect(abs(big.sqnrDB - unit.sqnrDB) <= 1e-9)
        #expect(abs(big.maxAbs - 0.3 * (scale / 4)) <= 1e-12 * scale)
    }

    /// A difference beyond Double's range (x − y overflows): max |Δ| is ∞, but the ratios,
    /// which fit, are computed: ‖Δ‖/‖ref‖ = 2·1.5e308 / 1.5e308 = 2, SQNR = −6.02 dB.
    @Test func overflowingDifference() {
        let e = ErrorMetrics(result: [1.5e308], reference: [-1.5e308])
        #expect(e.maxAbs == .infinity)
        #expect(e.relativeFrobenius == 2)
        #expect(abs(e.sqnrDB - -20 * DeterministicMath.log10(2)) < 1e-12)
    }

    /// An error far below the reference (‖Δ‖²/‖ref‖² ≈ 5e-332, whose inverse overflows): the
    /// SQNR is the finite 3313 dB, not ∞ as the plain sums gave, and ‖Δ‖/‖ref‖ ≈ 2.2e-166.
    @Test func tinyErrorIsNotPerfect() {
        let e = ErrorMetrics(result: [1 + 0x1p-52, 1e150], reference: [1, 1e150])
        #expect(abs(e.relativeFrobenius / 0x1p-52 * 1e150 - 1) < 1e-12)
        #expect(abs(e.sqnrDB - 10 * (300 + 104 * DeterministicMath.log10(2))) < 1e-9)
    }

    /// A NaN or infinity in the result is an infinite error; the plain sums scored a NaN in
    /// the result with a NaN reference as perfect (rel_fro 0, SQNR ∞).
    @Test("non-finite result", arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteResult(bad: Double) {
        let e = ErrorMetrics(result: [1, bad, 3], reference: [1, 2, 3])
        #expect(e.maxAbs == .infinity)
        #expect(e.relativeFrobenius == .infinity)
        #expect(e.sqnrDB == -.infinity)
    }

    /// A non-finite reference leaves the error unknown: NaN, never 0 or ∞ dB.
    @Test("non-finite reference", arguments: [Double.nan, .infinity])
    func nonFiniteReference(bad: Double) {
        for result in [[1, 2, 3], [1, bad, 3], [1, .nan, 3]] {
            let e = ErrorMetrics(result: result, reference: [1, bad, 3])
            #expect(e.maxAbs.isNaN && e.relativeFrobenius.isNaN && e.sqnrDB.isNaN, "\(result)")
        }
    }

    /// Exact results and a zero reference keep their meaning.
    @Test func exactAndZeroReference() {
        let exact = ErrorMetrics(result: [1e300, -2], reference: [1e300, -2])
        #expect(exact.maxAbs == 0 && exact.relativeFrobenius == 0 && exact.sqnrDB == .infinity)
        let zero = ErrorMetrics(result: [0.5, 0], reference: [0, 0])
        #expect(zero.maxAbs == 0.5 && zero.relativeFrobenius == .infinity && zero.sqnrDB == -.infinity)
    }
}
