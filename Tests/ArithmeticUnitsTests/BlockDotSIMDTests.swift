import Testing
@testable import ArithmeticUnits
import NumberFormats

/// The AVX-512 BW block dot tiles (`BlockDotSIMD`, Sources/CSIMD/block_dot.c) give the scalar
/// kernel's bits for every block format with a narrow path, on seeded shapes around the 4-row
/// and 16-column blocks and partial last blocks, with wide magnitudes (scales far apart) and
/// magnitudes so large that the range condition sends the GEMM back to the scalar path.
/// Without AVX-512 BW both calls run the scalar loop.
@Suite struct BlockDotSIMDTests {
    static func matrix(_ rows: Int, _ cols: Int, _ rng: inout SplitMix64, magnitude: Double) -> Matrix {
        var x = Matrix(rows: rows, cols: cols)
        for i in 0..<x.storage.count {
            let v = (rng.nextUnit() * 2 - 1) * magnitude * [1e-3, 1, 40][Int(rng.next() % 3)]
            x.storage[i] = rng.next() % 7 == 0 ? 0 : v
        }
        return x
    }

    @Test func simdTilesMatchTheScalarLoopBitForBit() throws {
        var rng = SplitMix64(seed: 0xB10C_D07)
        let shapes = [(1, 1, 1), (4, 32, 16), (5, 33, 17), (7, 100, 3), (9, 64, 40), (3, 250, 33), (16, 17, 31)]
        for format in [BlockFormat.mxfp4, .nvfp4, .mxfp6E2M3, .mxint8, .mxint4] {
            for (index, (m, k, n)) in shapes.enumerated() {
                let magnitude = index == 3 ? 1e36 : 1
                let a = Self.matrix(m, k, &rng, magnitude: magnitude), b = Self.matrix(k, n, &rng, magnitude: magnitude)
                let ops = try BlockDotUnit(format: format).quantize(activations: a, weights: b)
                let unit = BlockVector.unitExponent(format)
                let vector = BlockDotKernel.gemm(rows: ops.rows, columns: ops.columns, k: k, unitExponent: unit,
                                                 simd: SIMDKernels.avx512bw)
                let scalar = BlockDotKernel.gemm(rows: ops.rows, columns: ops.columns, k: k, unitExponent: unit, simd: false)
                #expect(vector == scalar, "\(format.name) \(m)×\(k)×\(n)")
                // Ordinary magnitudes take the tile (so the comparison above tests it).
                if SIMDKernels.avx512bw, index != 3, let narrow = BlockDotKernel.narrowIntegers(ops.rows, ops.columns) {
                    let scale = Double(sign: .plus, exponent: 2 * unit, significand: 1)
                    #expect(BlockDotSIMD.gemm(rows: ops.rows, columns: ops.columns, k: k, unitScale: scale, narrow: narrow) != nil,
                            "\(format.name) \(m)×\(k)×\(n)")
                }
            }
        }
    }

    /// The range condition: scales near E8M0's top would overflow FP32, so the tile declines.
    @Test func hugeScalesDecline() throws {
        var a = Matrix(rows: 1, cols: 32), b = Matrix(rows: 32, cols: 1)
        for i in 0..<32 { a.storage[i] = 1e38; b.storage[i] = 1e38 }
        let ops = try BlockDotUnit(format: .mxfp4).quantize(activations: a, weights: b)
        let unit = BlockVector.unitExponent(.mxfp4)
        let narrow = try #require(BlockDotKernel.narrowIntegers(ops.rows, ops.columns))
        let scale = Double(sign: .plus, exponent: 2 * unit, significand: 1)
        #expect(BlockDotSIMD.gemm(rows: ops.rows, columns: ops.columns, k: 32, unitScale: scale, narrow: narrow) == nil)   // declines before any kernel runs
        #expect(BlockDotKernel.gemm(rows: ops.rows, columns: ops.columns, k: 32, unitExponent: unit) == [Float.infinity.bitPattern])
    }
}
