import Testing
import ArithmeticUnits
import NumberFormats

/// Every unit, through its own quantizer, on seeded LLM-like data.
@Suite struct UnitEndToEndTests {
    static func data(m: Int, k: Int, n: Int, seed: UInt64) -> (Matrix, Matrix) {
        var rng = SplitMix64(seed: seed)
        func gauss() -> Double {
            // Irwin–Hall approximation of a standard normal: exact arithmetic, no libm.
            (0..<12).reduce(0.0) { acc, _ in acc + rng.nextUnit() } - 6
        }
        var a = Matrix(rows: m, cols: k), b = Matrix(rows: k, cols: n)
        for i in 0..<(m * k) { a.storage[i] = gauss() * (i % k == 3 ? 30 : 1) }   // one outlier channel
        for i in 0..<(k * n) { b.storage[i] = gauss() * 0.02 }
        return (a, b)
    }

    static func gemm64(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        for r in 0..<m { for kk in 0..<k { let x = a[r * k + kk]; for j in 0..<n { c[r * n + j] += x * b[kk * n + j] } } }
        return c
    }

    static func relativeError(_ x: [Double], _ y: [Double]) -> Double {
        let num = zip(x, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let den = y.reduce(0) { $0 + $1 * $1 }
        return (num / den).squareRoot()
    }

    /// Runs `unit` and checks: its output matches the float64 GEMM of the unquantized inputs
    /// within `tolerance` (quantization error), and has the right shape.
    static func check<U: ArithmeticUnit>(_ unit: U, tolerance: Double, k: Int = 256) throws -> UnitResult {
        let (m, n) = (4, 16)
        let (a, b) = data(m: m, k: k, n: n, seed: 42)
        let r = unit.gemm(try unit.quantize(activations: a, weights: b), order: .sequential)
        #expect(r.rows == m && r.cols == n && r.bits.count == m * n)
        let err = relativeError(r.values.storage, gemm64(a.storage, b.storage, m: m, k: k, n: n))
        #expect(err < tolerance, "\(unit.name): relative error \(err)")
        return r
    }

    @Test func mixpe() throws {
        _ = try Self.check(MixPE(mode: .w4a8), tolerance: 0.15)
        _ = try Self.check(MixPE(mode: .w4a16), tolerance: 0.15)
    }

    /// MixPE W4A16 output equals the FP32-accumulated product of its own dequantized operands
    /// to FP32 accuracy (this catches any mis-wired zero point or scale).
    @Test func mixpeMatchesItsDequantizedOperands() throws {
        let (m, k, n) = (2, 256, 8)
        let (a, b) = Self.data(m: m, k: k, n: n, seed: 7)
        let unit = MixPE(mode: .w4a16)
        let r = unit.gemm(try unit.quantize(activations: a, weights: b), order: .sequential)
        let w = try WeightQuantizer.asymmetric(b.storage, k: k, n: n, bits: 4, groupSize: 128)
        let qa = try ActivationQuantizer.fp16(a.storage, m: m, k: k)
        let reference = Self.gemm64(qa.dequantized(), w.dequantized(), m: m, k: k, n: n)
        #expect(Self.relativeError(r.values.storage, reference) < 1e-5)
    }

    @Test func lutTensorCore() throws {
        _ = try Self.check(LUTTensorCore(weights: .uint(bits: 4)), tolerance: 0.15)
        _ = try Self.check(LUTTensorCore(weights: .uint(bits: 2), accumulation: .fp32), tolerance: 0.6)
        _ = try Self.check(LUTTensorCore(weights: .ternary), tolerance: 0.8)
        _ = try Self.check(LUTTensorCore(weights: .uint(bits: 4), activations: .int8), tolerance: 0.15)
    }

    @Test func bitmod() throws {
        _ = try Self.check(BitMoDPE(bits: 4, mode: .functional), tolerance: 0.15)
        _ = try Self.check(BitMoDPE(bits: 4, mode: .rtl), tolerance: 0.15)
        _ = try Self.check(BitMoDPE(bits: 3, mode: .functional), tolerance: 0.3)
    }

    @Test func baselines() throws {
        _ = try Self.check(Int8MAC(), tolerance: 0.05)
        _ = try Self.check(FloatMAC(kind: .fp16), tolerance: 1e-3)
        _ = try Self.check(FloatMAC(kind: .dequantFP16), tolerance: 0.15)
        _ = try Self.check(FloatMAC(kind: .hif8), tolerance: 0.1)
        let h = try Self.check(FloatMAC(kind: .hif8, outputFormat: .hif8), tolerance: 0.1)
        #expect(h.outputFormat == .hif8)
    }

    /// The fast block-dot unit equals NumberFormats' BlockDot (an independent implementation)
    /// bit for bit, row by column.
    @Test("block dot unit = BlockDot.dot", arguments: ["mxfp4", "nvfp4", "mxfp6-e3m2", "mxfp8-e4m3", "mxfp8-e5m2", "mxint8"])
    func blockDot(name: String) throws {
        let format = try #require(BlockFormat.named(name))
        let unit = BlockDotUnit(format: format)
        let r = try Self.check(unit, tolerance: 0.3, k: 200)
        let (a, b) = Self.data(m: 4, k: 200, n: 16, seed: 42)
        let rows = try ActivationQuantizer.block(a.storage, m: 4, k: 200, format: format)
        let w = try WeightQuantizer.block(b.storage, k: 200, n: 16, format: format)
        for row in 0..<4 {
            for c in 0..<16 {
                let col = try #require(w.blockColumn(c))
                let expected = try #require(BlockDot.dot(rows[row], col))
                #expect(r.bits[row * 16 + c] == expected.bitPattern)
            }
        }
    }
}
