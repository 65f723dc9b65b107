import Testing
import NumberFormats
import MPFRReference

/// Criterion 2: every ordered pair of non-NaN codes of every ≤ 8-bit format gives the same
/// add and mul result as MPFR, rounded back to the format and to fp32, under every rule
/// (stochastic with a seeded draw shared by both sides) and both overflow policies.
@Suite struct PairArithmeticTests {
    static let formats = ElementFormat.all.filter { $0.bits <= 8 }

    @Test("exhaustive add and mul pairs match MPFR", arguments: formats)
    func exhaustivePairs(format: ElementFormat) throws {
        let ref = try #require(ReferenceFormat.named(format.name))
        let checks = Verifier.run(formats: [format], ops: [.add, .mul], samples: 0, seed: 2024, jobs: 1)
        let operands = ref.values.filter { !$0.isNaN }.count
        // Per pair: 6 rules × 2 policies × 2 targets (the format and fp32).
        let expectedCases = operands * operands * 24
        for check in checks {
            #expect(check.cases == expectedCases, "\(check.op): \(check.cases) cases")
            #expect(check.mismatches == 0, "\(check.op): \(check.mismatches) mismatches, first: \(check.firstMismatch ?? "")")
        }
        #expect(checks.map(\.op) == ["add", "mul"])
    }

    @Test("signed zeros of exact cancellations follow IEEE 754 in the reference")
    func zeroSigns() throws {
        let fp32 = try #require(ReferenceFormat.named("fp32"))
        let arith = ReferenceArithmetic(), r = ReferenceRounder()
        #expect(r.code(of: arith.add(1.5, -1.5, rule: .nearestEven), in: fp32, rule: .nearestEven, overflow: .infinity) == 0)
        #expect(r.code(of: arith.add(1.5, -1.5, rule: .down), in: fp32, rule: .down, overflow: .infinity) == 0x8000_0000)
        #expect(r.code(of: arith.add(-0.0, -0.0, rule: .up), in: fp32, rule: .up, overflow: .infinity) == 0x8000_0000)
        #expect(r.code(of: arith.mul(-0.0, 3, rule: .nearestEven), in: fp32, rule: .nearestEven, overflow: .infinity) == 0x8000_0000)
        #expect(r.code(of: arith.fma(2, -3, 6, rule: .down), in: fp32, rule: .down, overflow: .infinity) == 0x8000_0000)
        #expect(r.code(of: arith.dot([1, -0.0], [-0.0, 5], rule: .nearestEven), in: fp32, rule: .nearestEven,
                       overflow: .infinity) == 0x8000_0000)
        #expect(arith.mul(.infinity, 0, rule: .nearestEven).isNaN)
        #expect(arith.add(.infinity, -.infinity, rule: .nearestEven).isNaN)
    }
}
