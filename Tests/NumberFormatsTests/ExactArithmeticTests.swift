import Testing
@testable import NumberFormats

/// ExactAccumulator and FormatArithmetic against exact integer arithmetic (Int128).
@Suite struct ExactArithmeticTests {
    /// Random E4M3 values are integers times 2^-9; their products are integers times 2^-18,
    /// so a sum of products is an exact Int128 in units of 2^-18.
    @Test func accumulatorMatchesInt128() {
        var rng = SplitMix64(seed: 7)
        let f = ElementFormat.e4m3
        for _ in 0..<2000 {
            var acc = ExactAccumulator()
            var exact: Int128 = 0
            for _ in 0..<Int(rng.next() % 64) {
                let a = f.decode(UInt32(rng.next() % 0x7E)), b = f.decode(UInt32(rng.next() % 256))
                if b.isNaN { continue }
                acc.addProduct(a, b)
                exact += Int128(a * 0x1p9) * Int128(b * 0x1p9)
            }
            let (head, tail) = acc.headAndTail()
            // head + tail must equal the exact value (it has far fewer than 106 bits).
            #expect(Int128(head * 0x1p18) + Int128(tail * 0x1p18) == exact)
        }
    }

    @Test func accumulatorKeepsWidelySeparatedTerms() {
        var acc = ExactAccumulator()
        acc.add(0x1p127); acc.add(0x1p-127); acc.add(-0x1p127)
        #expect(acc.headAndTail().head == 0x1p-127)
        var b = ExactAccumulator()
        b.add(1); b.add(0x1p-200); b.add(0x1p-1074)
        let (h, t) = b.headAndTail()
        // Head holds bits 2^0…2^-52, tail bits 2^-53…2^-105: both are zero there, so the
        // sticky bit is ORed into the tail's last place (round to odd).
        #expect(h == 1 && t == 0x1p-105)
        var z = ExactAccumulator()
        z.add(3); z.add(-3)
        #expect(z.isZero)
    }

    /// e8m0 has no value between 2^e and 2^(e+1), so 2^127 + 2^-127 rounds down to 2^127
    /// under nearest and toward zero, and up to the overflow (NaN) under `up`.
    @Test func addNeedsMoreThanDoublePrecision() {
        let f = ElementFormat.e8m0
        #expect(FormatArithmetic.add(0x1p127, 0x1p-127, to: f, rule: .nearestEven, overflow: .infinity) == 254)
        #expect(FormatArithmetic.add(0x1p127, 0x1p-127, to: f, rule: .up, overflow: .infinity) == 0xFF)
        #expect(FormatArithmetic.add(0x1p127, 0x1p-127, to: f, rule: .up, overflow: .saturate) == 254)
        // fp32: 1 + 2^-24 is a tie → even (1.0); with 2^-60 more it goes up.
        let one = UInt32(0x3F80_0000)
        #expect(FormatArithmetic.add(1, 0x1p-24, to: .fp32, rule: .nearestEven, overflow: .infinity) == one)
        #expect(FormatArithmetic.fma(1, 1, 0x1p-24 + 0x1p-60, to: .fp32, rule: .nearestEven, overflow: .infinity) == one + 1)
    }

    @Test func signedZeros() {
        let h = ElementFormat.fp16
        #expect(FormatArithmetic.add(1, -1, to: h, rule: .nearestEven, overflow: .infinity) == 0x0000)
        #expect(FormatArithmetic.add(1, -1, to: h, rule: .down, overflow: .infinity) == 0x8000)
        #expect(FormatArithmetic.add(-0.0, -0.0, to: h, rule: .nearestEven, overflow: .infinity) == 0x8000)
        #expect(FormatArithmetic.mul(-0.0, 3, to: h, rule: .nearestEven, overflow: .infinity) == 0x8000)
        // A tiny negative product rounds to −0.
        #expect(FormatArithmetic.mul(-0x1p-20, 0x1p-20, to: h, rule: .nearestEven, overflow: .infinity) == 0x8000)
    }

    /// Sequential FP16 accumulation loses the small terms that the exact sum keeps:
    /// 2048 + 1 + 1 rounds to 2048 at each step (ulp(2048) = 2 in fp16, ties to even),
    /// while the exact sum 2050 is representable.
    @Test func sequentialVersusExactDot() {
        let a: [Double] = [2048, 1, 1], b: [Double] = [1, 1, 1]
        let exact = FormatArithmetic.dot(a, b, to: .fp16, accumulation: .exact, rule: .nearestEven, overflow: .infinity)
        let seq = FormatArithmetic.dot(a, b, to: .fp16, accumulation: .sequential(.fp16), rule: .nearestEven, overflow: .infinity)
        #expect(ElementFormat.fp16.decode(exact) == 2050)
        #expect(ElementFormat.fp16.decode(seq) == 2048)
    }
}
