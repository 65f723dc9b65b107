import Testing
@testable import NumberFormats

/// The quantizers' fast quotient rounding gives the exact path's integer, ties and near-ties
/// included.
@Suite struct NearestEvenIntegerTests {
    @Test func matchesTheExactQuotient() {
        var rng = SplitMix64(seed: 0x0E7E_2026)
        var cases: [(Double, Double)] = [(7, 2), (-7, 2), (5, 2), (-0.3, 1), (0, 3), (1, 3), (0x1p-1074, 3), (1e300, 1e-300),
                                         (-1e-320, 7), (0x1p53, 1), (3, 0.1), (0.35, 0.1), (127, 1), (126.5, 1)]
        for _ in 0..<20_000 {
            let scale = Double(sign: .plus, exponent: Int(rng.next() % 40) - 20, significand: 1 + rng.nextUnit())
            // Numerators near half-integer multiples of the scale, off by a few ulps.
            let half = (Double(Int(rng.next() % 512)) - 256) / 2 + 0.25 * Double(rng.next() % 3)
            var x = half * scale
            for _ in 0..<Int(rng.next() % 4) { x = rng.next() % 2 == 0 ? x.nextUp : x.nextDown }
            cases.append((x, scale))
        }
        for (a, d) in cases {
            let fast = ExactQuotient.nearestEvenInteger(a, over: d)
            let exact = ExactQuotient(a, over: d).roundedToInteger(rule: .nearestEven)
            #expect(fast.bitPattern == exact.bitPattern, "\(a) / \(d)")
        }
    }
}
