import Testing
import NumberFormats
import MPFRReference

/// Criterion 3: 10^5 seeded random doubles per format and rule, aimed at every binade, the
/// overflow and underflow edges and exact ties (and, for ≤ 16-bit formats, every value, every
/// midpoint and the Doubles beside them), encode exactly as MPFR rounds them.
@Suite struct EncodeTests {
    @Test("encode matches MPFR on 10^5 edge-seeking doubles per rule", arguments: ElementFormat.all)
    func randomEdges(format: ElementFormat) throws {
        let ref = try #require(ReferenceFormat.named(format.name))
        let samples = 100_000
        let checks = Verifier.run(formats: [format], ops: [.encode], samples: samples, seed: 7, jobs: 1)
        let check = try #require(checks.first)
        // Random inputs: 6 rules each; structured inputs: 6 rules × 2 policies each.
        let structured = format.bits <= 16 ? ref.sortedValues.count * 5 : 0
        #expect(check.cases >= samples * 6 + structured * 12)
        #expect(check.mismatches == 0, "\(check.mismatches) mismatches, first: \(check.firstMismatch ?? "")")
    }

    @Test("the input generator produces exact ties, overflow edges and specials")
    func generatorCoverage() throws {
        let ref = try #require(ReferenceFormat.named("e4m3"))
        let gen = InputGenerator(ref)
        var rng = SplitMix64(seed: 3)
        var ties = 0, beyond = 0, nonFinite = 0, subnormalRange = 0
        let values = Set(ref.sortedValues)
        for _ in 0..<20_000 {
            let x = gen.edgeDouble(&rng)
            if !x.isFinite { nonFinite += 1; continue }
            if abs(x) > ref.maxFinite { beyond += 1 }
            if abs(x) < 0x1p-6 && x != 0 { subnormalRange += 1 }
            let (lo, hi) = (ref.sortedValues.last(where: { $0 <= x }), ref.sortedValues.first(where: { $0 >= x }))
            if let lo, let hi, !values.contains(x), x == lo / 2 + hi / 2 { ties += 1 }
        }
        #expect(ties > 1000 && beyond > 500 && nonFinite > 100 && subnormalRange > 500,
                "ties \(ties), beyond \(beyond), non-finite \(nonFinite), subnormal \(subnormalRange)")
    }
}

/// Regression for the one disagreement the checks found (fixed in NumberFormats a7f0ab3):
/// e8m0 has no negative values, so every negative input, −∞ included, is NaN; NumberFormats
/// used to clamp −∞ to 2^-127 (code 0) under `saturate`.
@Suite struct E8M0NegativeInfinityTests {
    @Test("e8m0: −∞ encodes to NaN (0xFF) under both overflow policies", arguments: OverflowPolicy.allCases)
    func negativeInfinity(policy: OverflowPolicy) throws {
        let ref = try #require(ReferenceFormat.named("e8m0"))
        let mpfr = ReferenceRounder().code(of: -.infinity, in: ref, rule: .nearestEven, overflow: policy)
        #expect(mpfr == 0xFF)
        #expect(ElementFormat.e8m0.encode(-.infinity, rule: .nearestEven, overflow: policy) == mpfr)
        #expect(ElementFormat.e8m0.encode(-1, rule: .nearestEven, overflow: policy) == 0xFF)
    }
}
