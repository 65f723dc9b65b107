import Testing
@testable import NumberFormats

/// The quantizers' fast paths give the general path's codes: `perTokenInt8`'s direct int8
/// code is `ElementFormat.int(8).encode`'s for every code and odd input, and the row-by-row
/// symmetric weight quantizer gives the column-by-column loop's codes and scales, and a
/// quotient that is exact in `Double` rounds by plain comparisons to the exact path's code.
@Suite struct QuantizerFastPathTests {
    @Test func int8CodeIsTheEncodersCode() {
        var inputs = (-127...127).map(Double.init) + [-0.0, 0.5, -126.5, 200, -1e300, .infinity, -.infinity, .nan]
        inputs.append(contentsOf: [Double(127).nextUp, Double(-127).nextDown])
        for q in inputs {
            #expect(ActivationQuantizer.int8Code(q) == UInt16(ElementFormat.int(8).encode(q)), "\(q)")
        }
    }

    /// The symmetric quantizer as it was: column by column, each group's maximum then codes.
    static func columnByColumn(_ w: [Double], k: Int, n: Int, bits: Int, groupSize: Int) -> ([UInt8], [Double], [UInt32]) {
        let qmax = Double((1 << (bits - 1)) - 1), groups = (k + groupSize - 1) / groupSize
        var codes = [UInt8](repeating: 0, count: k * n), scales = [Double](repeating: 0, count: groups * n)
        var scaleCodes = [UInt32](repeating: ElementFormat.fp16.zeroCode(negative: false), count: groups * n)
        for g in 0..<groups {
            let rows = (g * groupSize)..<min((g + 1) * groupSize, k)
            for c in 0..<n {
                var amax = 0.0
                for r in rows { amax = max(amax, abs(w[r * n + c])) }
                guard amax > 0 else { continue }
                let (sc, scale) = WeightQuantizer.positiveScale(ExactQuotient(amax, over: qmax), format: .fp16)
                scales[g * n + c] = scale
                scaleCodes[g * n + c] = sc
                for r in rows {
                    let q = ExactQuotient.nearestEvenInteger(w[r * n + c], over: scale)
                    codes[r * n + c] = WeightQuantizer.twosComplement(WeightQuantizer.clamped(q, -qmax, qmax), bits: bits)
                }
            }
        }
        return (codes, scales, scaleCodes)
    }

    @Test func symmetricRowByRowMatchesColumnByColumn() throws {
        var rng = SplitMix64(seed: 0x5E_11)
        for (k, n, bits, g) in [(1, 1, 8, 1), (7, 5, 4, 3), (64, 33, 8, 64), (130, 17, 4, 128), (40, 9, 2, 7)] {
            // Wide magnitudes, zero columns and −0 so every branch runs.
            var w = (0..<(k * n)).map { _ in (rng.nextUnit() * 2 - 1) * [1e-6, 1, 5e4][Int(rng.next() % 3)] }
            for r in 0..<k { w[r * n] = r % 2 == 0 ? 0 : -0.0 }
            let q = try WeightQuantizer.symmetric(w, k: k, n: n, bits: bits, groupSize: g)
            let expected = Self.columnByColumn(w, k: k, n: n, bits: bits, groupSize: g)
            #expect(q.codes == expected.0, "\(k)×\(n) int\(bits) g\(g)")
            #expect(q.scales.map(\.bitPattern) == expected.1.map(\.bitPattern))
            #expect(q.scaleCodes == expected.2)
        }
    }

    /// `roundToGrid` compares in `Double` when the quotient is exact (one numerator, factor 1);
    /// the same value with factor 2 over a doubled divisor takes the exact comparisons. Seeded
    /// numerators over powers of two (always exact) and over 3 and 10 (mostly not), on grid
    /// points, midpoints, beyond the range, −0 and near underflow, for every rounding rule.
    @Test func exactQuotientFastComparisonsMatchTheExactPath() {
        var rng = SplitMix64(seed: 0xE4AC7)
        var numerators: [Double] = [0, -0.0, 0.25, 0.75, 1.25, -2.5, 5, 6, 7, 1e300, -1e-310, 0x1p-1000, 0x1p-969, 3.5, 2.75]
        for _ in 0..<3000 { numerators.append((rng.nextUnit() * 2 - 1) * [1e-3, 1, 30, 1e5][Int(rng.next() % 4)]) }
        let rules: [RoundingRule] = [.nearestEven, .nearestAway, .towardZero, .up, .down, .stochastic]
        for format in [ElementFormat.e2m1, .e4m3, .fp16, .int(8)] {
            for (i, n) in numerators.enumerated() {
                let d = [0.5, 0.125, 4, 3, 10][i % 5]
                let rule = rules[i % rules.count], draw = UInt32(truncatingIfNeeded: rng.next())
                let fast = format.roundQuotient(ExactQuotient(n, over: d), rule: rule, overflow: .saturate, draw: draw)
                let exact = format.roundQuotient(ExactQuotient(n, times: 2, over: 2 * d), rule: rule, overflow: .saturate, draw: draw)
                #expect(fast == exact, "\(format.name) \(n)/\(d) \(rule)")
            }
        }
    }

    /// `nearestEvenInteger`'s Double path gives the exact rounding: seeded quotients of every
    /// size up to 2^53, exact ties, near-ties one ulp off, −0 and tiny or huge quotients.
    @Test func nearestEvenIntegerMatchesTheExactRounding() {
        var rng = SplitMix64(seed: 0x4E_A4)
        var pairs: [(Double, Double)] = [(7, 2), (5, 2), (-5, 2), (-0.0, 3), (-0.3, 1), (0.5, 1), (-0.5, 1), (1.5, 1),
                                         (Double(0x1p51), 1), (Double(0x1p51) + 1, 1), (Double(0x1p52) + 1, 2), (1e300, 1e-10),
                                         (2.5.nextUp, 1), (2.5.nextDown, 1), ((-2.5).nextUp, 1), (1, 3), (-1, 3)]
        for _ in 0..<20000 {
            let n = (rng.nextUnit() * 2 - 1) * Double(sign: .plus, exponent: Int(rng.next() % 60) - 5, significand: 1)
            pairs.append((n, [1, 3, 10, 0.1, 127, 0x1p-20][Int(rng.next() % 6)]))
        }
        for (n, d) in pairs {
            let fast = ExactQuotient.nearestEvenInteger(n, over: d)
            let exact = ExactQuotient(n, over: d).roundedToInteger(rule: .nearestEven)
            #expect(fast.bitPattern == exact.bitPattern, "\(n) / \(d)")
        }
    }
}
