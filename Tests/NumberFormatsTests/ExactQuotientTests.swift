import Testing
@testable import NumberFormats

/// The exact quotient rounding under the quantizers: one rounding, never two.
@Suite struct ExactQuotientTests {
    @Test("a tiny tail breaks an apparent FP16 tie (naive Double rounding would not see it)")
    func noDoubleRounding() {
        // 1 + 2^-11 is the FP16 midpoint of 1 and 1 + 2^-10; + 2^-70 puts the exact value above it.
        let q = ExactQuotient(sum: [1 + 0x1p-11, 0x1p-70], over: 1)
        #expect(ElementFormat.fp16.roundQuotient(q, rule: .nearestEven, overflow: .infinity) == 0x3C01)
        // Exactly on the midpoint: tie → even → 1.
        let t = ExactQuotient(sum: [1 + 0x1p-11], over: 1)
        #expect(ElementFormat.fp16.roundQuotient(t, rule: .nearestEven, overflow: .infinity) == 0x3C00)
        // Below the midpoint by 2^-70: → 1 for every nearest rule.
        let b = ExactQuotient(sum: [1 + 0x1p-11, -0x1p-70], over: 1)
        #expect(ElementFormat.fp16.roundQuotient(b, rule: .nearestAway, overflow: .infinity) == 0x3C00)
    }

    @Test("quotients with a factor: x = w · qmax / amax compared exactly")
    func factorComparison() {
        // The Doubles 0.1 = 0x1999999999999a · 2^-56 and 0.3 = 0x13333333333333 · 2^-54: in 2^-56
        // units 3 · 0.1 = 0x4CCCCCCCCCCCCE > 0.3 = 0x4CCCCCCCCCCCCC, so 0.1 · 3 / 0.3 > 1 exactly
        // (while the Double product 0.1 * 3 rounds to 0.30000000000000004).
        let q = ExactQuotient(0.1, times: 3, over: 0.3)
        #expect(q.compare(1) == 1)
        #expect(ExactQuotient(0.5, times: 6, over: 3).compare(1) == 0)
        #expect(ExactQuotient(-0.5, times: 6, over: 3).compare(-1) == 0)
    }

    @Test("integer rounding of quotients under each rule")
    func integers() {
        #expect(ExactQuotient(5, over: 2).roundedToInteger(rule: .nearestEven) == 2)
        #expect(ExactQuotient(7, over: 2).roundedToInteger(rule: .nearestEven) == 4)
        #expect(ExactQuotient(-5, over: 2).roundedToInteger(rule: .nearestAway) == -3)
        #expect(ExactQuotient(-5, over: 2).roundedToInteger(rule: .towardZero) == -2)
        #expect(ExactQuotient(1, over: 3).roundedToInteger(rule: .up) == 1)
        #expect(ExactQuotient(-1, over: 3).roundedToInteger(rule: .down) == -1)
        #expect(ExactQuotient(1, over: 3).roundedToInteger(rule: .nearestEven) == 0)
    }

    @Test("long exact sums: cancellation is exact")
    func longSums() {
        // 1e300 − 1e300 + 3 = 3; 3/2 → tie → 2 (even)
        let q = ExactQuotient(sum: [1e300, 3, -1e300], over: 2)
        #expect(q.roundedToInteger(rule: .nearestEven) == 2)
        #expect(ExactQuotient.exactSign(of: [0x1p-1000, 1, -1]) == 1)
        #expect(ExactQuotient.exactSign(of: [1, -1]) == 0)
    }

    @Test("the midpoint table lists each value once with its +0 code")
    func midpointTable() {
        let t = MidpointTable(.e2m1)
        #expect(t.values == [-6, -4, -3, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3, 4, 6])
        #expect(t.codes[7] == 0)
    }
}

/// Random integer quotients a/b rounded to FP16, checked against exact integer distances.
@Suite struct ExactQuotientOracleTests {
    /// |a/b − c| · b · 2^24 as an exact integer (c is a multiple of 2^-24, |c| < 2^16, b < 2^13).
    static func scaledDistance(_ a: Int64, _ b: Int64, _ c: Double) -> Int64 {
        abs(a << 24 - Int64(c * 0x1p24) * b)
    }

    @Test func randomFP16Quotients() {
        let f = ElementFormat.fp16
        var rng = SplitMix64(seed: 77)
        var checked = 0, ties = 0
        // Hand-picked cases first: 2049/2 = 1024.5 and 2051/2 = 1025.5 are ties (FP16 step 1 in
        // [1024, 2048)); 3/2048 is exact; 4097/8 = 512.125 → 512 (step 0.5); 8193/8 = 1024.125 → 1024.
        let fixed: [(Int64, Int64)] = [(2049, 2), (2051, 2), (3, 2048), (4097, 8), (8193, 8)]
        var index = 0
        while checked < 5000 {
            var a = Int64(rng.next() % (1 << 24)) + 1, b = Int64(rng.next() % (1 << 12)) + 1
            if index < fixed.count { (a, b) = fixed[index]; index += 1 }
            guard Double(a) / Double(b) < 65000 else { continue }
            checked += 1
            for rule in [RoundingRule.nearestEven, .nearestAway] {
                let code = f.roundQuotient(ExactQuotient(Double(a), over: Double(b)), rule: rule, overflow: .infinity)
                let r = f.decode(code), below = f.decode(code - 1), above = f.decode(code + 1)
                let d = Self.scaledDistance(a, b, r)
                let dBelow = Self.scaledDistance(a, b, below), dAbove = Self.scaledDistance(a, b, above)
                #expect(d <= dBelow && d <= dAbove, "\(a)/\(b)")
                if d == dBelow || d == dAbove {
                    // A tie: even keeps the even code, away the larger magnitude.
                    ties += 1
                    if rule == .nearestEven { #expect(code & 1 == 0, "\(a)/\(b)") }
                    else { #expect(d != dAbove, "\(a)/\(b): a tie must go to the larger neighbour") }
                }
            }
        }
        #expect(ties >= 4)   // the hand-picked 2049/2 and 2051/2, under both rules
        let even = ElementFormat.fp16.roundQuotient(ExactQuotient(2049, over: 2), rule: .nearestEven, overflow: .infinity)
        let away = ElementFormat.fp16.roundQuotient(ExactQuotient(2049, over: 2), rule: .nearestAway, overflow: .infinity)
        #expect(ElementFormat.fp16.decode(even) == 1024 && ElementFormat.fp16.decode(away) == 1025)
    }
}
