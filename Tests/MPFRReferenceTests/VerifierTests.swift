import Testing
import NumberFormats
import MPFRReference

/// Criterion 4: `Verifier.run` covers every op for every format, is deterministic whatever
/// `jobs` is, and reports what it compared. (Exhaustive encode and ≤ 8-bit add/mul runs are
/// in EncodeTests and PairArithmeticTests; here they are skipped to keep debug runs short.)
@Suite struct VerifierTests {
    @Test("every format: decode, fma, dot (and sampled add, mul above 8 bits) match MPFR", arguments: ElementFormat.all)
    func allOps(format: ElementFormat) throws {
        let samples = 1000
        let ops: [VerifyOp] = [.decode, .fma, .dot] + (format.bits > 8 ? [.add, .mul] : [])
        let checks = Verifier.run(formats: [format], ops: ops, samples: samples, seed: 11, jobs: 1)
        #expect(checks.map(\.op) == ops.map(\.rawValue))
        for check in checks {
            #expect(check.format == format.name)
            #expect(check.mismatches == 0, "\(check.op): \(check.mismatches), first: \(check.firstMismatch ?? "")")
            #expect(check.cases > 0, "\(check.op) ran no cases")
        }
        let cases = Dictionary(uniqueKeysWithValues: checks.map { ($0.op, $0.cases) })
        #expect(cases["decode"] == (format.bits <= 16 ? format.codeCount : samples + 16))
        #expect(cases["fma"] == samples)
        #expect(cases["dot"] == Verifier.dotCases(samples: samples))
        if format.bits > 8 {
            let targets = format.name == "fp32" ? 1 : 2  // the format, and fp32
            #expect(cases["add"] == samples * 12 * targets && cases["mul"] == samples * 12 * targets)
        }
    }

    /// A budget below 20 samples still runs one dot case (it ran none and passed), and a
    /// check that runs no case fails instead of passing vacuously.
    @Test func noCheckPassesWithoutCases() {
        #expect(Verifier.dotCases(samples: 10) == 1 && Verifier.dotCases(samples: 19) == 1)
        #expect(Verifier.dotCases(samples: 100_000) == 5000 && Verifier.dotCases(samples: 40) == 2)
        let dot = Verifier.run(formats: [.e2m1], ops: [.dot], samples: 10, seed: 1, jobs: 1)
        #expect(dot.map(\.cases) == [1] && dot.map(\.mismatches) == [0])
        let none = Verifier.run(formats: [.e2m1], ops: [.fma, .dot], samples: 0, seed: 1, jobs: 1)
        #expect(none.map(\.cases) == [0, 0] && none.map(\.mismatches) == [1, 1])
        #expect(none.first?.firstMismatch == "no cases were run (samples 0)")
    }

    @Test("identical results for 1, 2 and 5 jobs")
    func jobsIndependent() {
        let formats: [ElementFormat] = [.e2m1, .e3m2, .fp32, .int(4), .bitmodFP4EaNeg]
        let one = Verifier.run(formats: formats, ops: VerifyOp.allCases, samples: 3000, seed: 5, jobs: 1)
        let two = Verifier.run(formats: formats, ops: VerifyOp.allCases, samples: 3000, seed: 5, jobs: 2)
        let five = Verifier.run(formats: formats, ops: VerifyOp.allCases, samples: 3000, seed: 5, jobs: 5)
        #expect(one == two && two == five)
        #expect(one.count == formats.count * VerifyOp.allCases.count)
    }

    @Test("the sequential fast path (MPFR's own fp32 rounding) equals exact fma + grid rounding")
    func sequentialFastPath() throws {
        let fp32 = try #require(ReferenceFormat.named("fp32"))
        let e5m2 = try #require(ReferenceFormat.named("e5m2"))
        let gen = InputGenerator(e5m2)
        let arith = ReferenceArithmetic(), stepArith = ReferenceArithmetic(), rounder = ReferenceRounder()
        var rng = SplitMix64(seed: 9)
        for i in 0..<400 {
            let n = 1 + i % 64
            let xs = (0..<n).map { _ in gen.randomValue(&rng) }
            // Tiny and huge factors push the accumulator through fp32's subnormals and past its maximum.
            let scale = [0x1p-140, 0x1p-120, 1, 0x1p100, 0x1p110][i % 5]
            let ys = (0..<n).map { _ in gen.randomValue(&rng) * scale }
            for rule: RoundingRule in [.nearestEven, .nearestAway, .towardZero, .up, .down] {
                for policy: OverflowPolicy in [.saturate, .infinity] {
                    var draws = SplitMix64(seed: 1)
                    let fast = arith.sequentialDot(xs, ys, accumulator: fp32, rule: rule, overflow: policy,
                                                   rounder: rounder, rng: &draws)
                    var acc = 0.0
                    for j in 0..<n {
                        let code = rounder.code(of: stepArith.fma(xs[j], ys[j], acc, rule: rule), in: fp32, rule: rule,
                                                overflow: policy)
                        acc = fp32.value(of: code, scratch: MPFRNumber())
                    }
                    #expect((fast.isNaN && acc.isNaN) || fast.bitPattern == acc.bitPattern,
                            "case \(i) \(rule) \(policy): fast \(fast), step-by-step \(acc)")
                }
            }
        }
    }
}
