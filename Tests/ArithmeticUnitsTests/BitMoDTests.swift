import Testing
@testable import ArithmeticUnits
import NumberFormats

@Suite struct BitMoDTests {
    @Test("Booth terms sum to the integer, ceil(bits/2) digits", arguments: [3, 4, 6, 8])
    func boothExhaustive(bits: Int) {
        for w in -(1 << (bits - 1))..<(1 << (bits - 1)) {
            let t = BitMoDTerms.booth(w, bits: bits)
            #expect(t.count == (bits + 1) / 2)
            #expect(t.reduce(0) { $0 + $1.value } == w)
            #expect(t.allSatisfy { $0.exp <= 1 })
        }
    }

    @Test func magnitudeTermsOfEveryBitMoDValue() {
        // FP4 ×2 units incl. specials 10 and 16; FP3 incl. specials 3 and 6.
        for m in [0, 1, 2, 3, 4, 6, 8, 10, 12, 16] {
            let t = BitMoDTerms.magnitude(m, negative: true, cycles: 2)
            #expect(t.reduce(0) { $0 + $1.value } == -m)
        }
    }

    static func ops(_ a: [Float], _ w: [Int16], q: UInt8 = 1, sch: Float = 1) -> BitMoDOperands {
        BitMoDOperands(m: 1, k: a.count, n: 1, groupSize: a.count, kind: .fp3, weightValuesKN: w,
                       groupScales: [q], channelScales: [sch], activations: a)
    }

    /// Alignment truncation: a1 = 1.9990234375·2^-12 (significand 2047, exponent field 3)
    /// aligns to lane 0's exponent 15 with delta 12: (2047·8) >> 12 = 3 (exact 3.998).
    /// psum = 8192 + 3 = 8195 at exponent 15 → value 8195·2^(15−28) = 1.0003662109375.
    @Test func rtlAlignmentTruncation() {
        let r = BitMoDKernel.rtl(Self.ops([1.0, 1.9990234375 * 0x1p-12], [1, 1]))
        #expect(Float(bitPattern: r.bits[0]) == 8195 * 0x1p-13)
        let f = BitMoDKernel.functional(Self.ops([1.0, 1.9990234375 * 0x1p-12], [1, 1]), order: .sequential, simd: SIMDKernels.fma)
        #expect(Float(bitPattern: f.bits[0]) == Float(1.0 + 1.9990234375 * 0x1p-12))
    }

    /// Normalization truncation: three lanes of 1.0 (8192 each) and 1.0009765625·2^-3
    /// (significand 1025, delta 3 → 1025): psum 25601 has bit 14 set, so the sum is shifted
    /// right by 1: 12800 at exponent 16 → 12800·2^-12 = 3.125 (exact 3.1251220703125).
    /// Negated weights give −25601 >> 1 = −12801 (arithmetic shift rounds toward −∞).
    @Test func rtlNormalizationTruncation() {
        let a: [Float] = [1, 1, 1, 1.0009765625 * 0.125]
        #expect(Float(bitPattern: BitMoDKernel.rtl(Self.ops(a, [1, 1, 1, 1])).bits[0]) == 3.125)
        #expect(Float(bitPattern: BitMoDKernel.rtl(Self.ops(a, [-1, -1, -1, -1])).bits[0]) == -12801 * 0x1p-12)
    }

    /// The group scale multiplies bit-serially: 8195 × 200 = 1,639,000, which fits 23 bits but
    /// wraps in the RTL's 21-bit register to 1,639,000 − 2^21 = −458,152.
    @Test func rtlDequantizerWidth() {
        #expect(BitMoDRTLDatapath.dequantize(mantissa: 8195, scale: 200) == 1_639_000)
        #expect(BitMoDRTLDatapath.dequantize(mantissa: 8195, scale: 200, outputBits: 21) == -458_152)
        #expect(BitMoDRTLDatapath.dequantize(mantissa: -77, scale: 255) == -19_635)
    }

    /// Functional mode equals FormatArithmetic's correctly rounded FMA chain over exact
    /// dequantized weights, on random FP4 groups of 32, 64 and 128.
    @Test("functional mode on random tiles", arguments: [32, 64, 128])
    func functionalRandom(g: Int) {
        var rng = SplitMix64(seed: UInt64(g) * 7)
        let fp4Values: [Int16] = [0, 1, 2, 3, 4, 6, 8, 12, 10, -1, -2, -3, -4, -6, -8, -12]
        for k in [g, 4096] {
            let (m, n) = (2, 2)
            let w = (0..<(k * n)).map { _ in fp4Values[Int(rng.next() % 16)] }
            let q = (0..<((k / g) * n)).map { _ in UInt8(rng.next() % 256) }
            let sch = (0..<((k / g) * n)).map { i in Float(ElementFormat.fp16.decode(i % 2 == 0 ? 0x1400 : 0x1234)) }
            let a = (0..<(m * k)).map { _ in Float(ElementFormat.fp16.decode(ElementFormat.fp16.encode(rng.nextUnit() * 4 - 2))) }
            let ops = BitMoDOperands(m: m, k: k, n: n, groupSize: g, kind: .fp4, weightValuesKN: w, groupScales: q,
                                     channelScales: sch, activations: a)
            let r = BitMoDKernel.functional(ops, order: .sequential, simd: SIMDKernels.fma)
            for row in 0..<m {
                for c in 0..<n {
                    var acc = 0.0
                    for kk in 0..<k {
                        let wd = Double(w[kk * n + c]) / 2 * Double(q[(kk / g) * n + c]) * Double(sch[(kk / g) * n + c])
                        acc = ElementFormat.fp32.decode(FormatArithmetic.fma(Double(a[row * k + kk]), wd, acc, to: .fp32,
                                                                             rule: .nearestEven, overflow: .infinity))
                    }
                    #expect(r.bits[row * n + c] == Float(acc).bitPattern)
                }
            }
        }
    }

    /// The RTL's truncation costs accuracy: relative Frobenius error against functional on
    /// seeded data is small but not zero. The measured figure is printed.
    @Test func rtlErrorAgainstFunctional() {
        var rng = SplitMix64(seed: 2024)
        let (m, k, n, g) = (4, 512, 8, 128)
        let fp4Values: [Int16] = [0, 1, 2, 3, 4, 6, 8, 12, 10, -1, -2, -3, -4, -6, -8, -12]
        let w = (0..<(k * n)).map { _ in fp4Values[Int(rng.next() % 16)] }
        let q = (0..<((k / g) * n)).map { _ in UInt8(128 + rng.next() % 128) }
        let a = (0..<(m * k)).map { _ in Float(ElementFormat.fp16.decode(ElementFormat.fp16.encode(rng.nextUnit() * 2 - 1))) }
        let ops = BitMoDOperands(m: m, k: k, n: n, groupSize: g, kind: .fp4, weightValuesKN: w, groupScales: q,
                                 channelScales: [Float](repeating: 0.001, count: (k / g) * n), activations: a)
        let rtl = BitMoDKernel.rtl(ops).bits.map { Double(Float(bitPattern: $0)) }
        let fun = BitMoDKernel.functional(ops, order: .sequential, simd: SIMDKernels.fma).bits.map { Double(Float(bitPattern: $0)) }
        let num = zip(rtl, fun).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let den = fun.reduce(0) { $0 + $1 * $1 }
        let rel = (num / den).squareRoot()
        print("BitMoD rtl vs functional: relative Frobenius error \(rel)")
        #expect(rel > 0 && rel < 1e-2)
    }
}
