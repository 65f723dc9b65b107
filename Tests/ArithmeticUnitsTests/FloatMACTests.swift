import Testing
@testable import ArithmeticUnits
import NumberFormats

@Suite struct FloatMACTests {
    /// Every HiF8×HiF8 pair of finite codes: the unit's product (a 1-term GEMM, K = 1) equals
    /// the exact product rounded to FP32 by NumberFormats, and that rounding is exact.
    @Test func hif8PairsExhaustive() {
        let f = ElementFormat.hif8
        let finite = f.allCodes.filter { f.decode($0).isFinite }
        let values = finite.map { Float(f.decode($0)) }
        let ops = FloatMACOperands(m: values.count, k: 1, n: values.count, activations: values, weightsNK: values)
        let r = FloatMACKernels.gemm(ops, order: .sequential, productBits: 8, outputFormat: .fp32)
        for (i, a) in values.enumerated() {
            for (j, b) in values.enumerated() {
                let exact = Double(a) * Double(b)   // ≤ 8 significant bits, exponent −44…30
                let expected = FormatArithmetic.mul(Double(a), Double(b), to: .fp32, rule: .nearestEven, overflow: .infinity)
                #expect(ElementFormat.fp32.decode(expected) == exact)
                #expect(r.bits[i * values.count + j] == expected || (exact == 0 && Float(bitPattern: r.bits[i * values.count + j]) == 0))
            }
        }
    }

    /// FP16×FP16 with FP32 accumulation in several chunk orders, against FormatArithmetic's
    /// correctly rounded FMA steps (exact product, one rounding per addition).
    /// The shapes cover the 4×8 SIMD blocks, the single rows under them and the scalar
    /// columns beside them (`FP32AccumulationKernel`).
    @Test("FP16 MAC, FP32 accumulation", arguments: [nil, 7, 32] as [Int?], [[3, 300, 4], [9, 70, 21], [4, 33, 16]])
    func fp16Random(chunk: Int?, shape: [Int]) {
        var rng = SplitMix64(seed: UInt64(chunk ?? 0) + 11 + UInt64(shape[2]))
        let (m, k, n) = (shape[0], shape[1], shape[2])
        let fp16 = ElementFormat.fp16
        func rand() -> Float { Float(fp16.decode(fp16.encode((rng.nextUnit() - 0.5) * 64))) }
        let a = (0..<(m * k)).map { _ in rand() }, b = (0..<(n * k)).map { _ in rand() }
        let order = AccumulationOrder(kChunk: chunk)
        let r = FloatMACKernels.gemm(FloatMACOperands(m: m, k: k, n: n, activations: a, weightsNK: b), order: order,
                                     productBits: 16, outputFormat: .fp32)
        for row in 0..<m {
            for c in 0..<n {
                var acc = 0.0
                for ch in order.chunks(of: 0..<k) {
                    var p = 0.0
                    for kk in ch {
                        p = ElementFormat.fp32.decode(FormatArithmetic.fma(Double(a[row * k + kk]), Double(b[c * k + kk]), p,
                                                                           to: .fp32, rule: .nearestEven, overflow: .infinity))
                    }
                    acc = ElementFormat.fp32.decode(FormatArithmetic.add(acc, p, to: .fp32, rule: .nearestEven, overflow: .infinity))
                }
                #expect(r.bits[row * n + c] == Float(acc).bitPattern)
            }
        }
        #expect(r.counts[Action(.fpMul, bits: 16)] == UInt64(m * n * k))
    }

    /// HiF8 outputs re-encoded with ties away: 18 = 16 + 2 lies midway between 16 and 20.
    @Test func hif8OutputReencodedWithTiesAway() {
        let ops = FloatMACOperands(m: 1, k: 2, n: 1, activations: [16, 2], weightsNK: [1, 1])
        let r = FloatMACKernels.gemm(ops, order: .sequential, productBits: 8, outputFormat: .hif8)
        #expect(r.bits == [0x41])   // 20, per spec §2.3 (18.0 → 0x41)
    }
}
