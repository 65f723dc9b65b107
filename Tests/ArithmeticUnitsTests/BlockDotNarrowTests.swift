import NumberFormats
import Testing
@testable import ArithmeticUnits

/// The 16-bit block sums give the 64-bit path's bits, and are used only where they are exact.
@Suite struct BlockDotNarrowTests {
    @Test(arguments: [BlockFormat.mxfp4, .nvfp4, .mxfp6E2M3])
    func narrowSumsMatchTheWidePath(format: BlockFormat) throws {
        var rng = SplitMix64(seed: 0xB10C)
        let (m, k, n) = (5, 96, 6)
        let a = Matrix(rows: m, cols: k, storage: (0..<(m * k)).map { _ in (rng.nextUnit() * 2 - 1) * 3 })!
        let b = Matrix(rows: k, cols: n, storage: (0..<(k * n)).map { _ in (rng.nextUnit() * 2 - 1) * 0.1 })!
        let ops = try BlockDotUnit(format: format).quantize(activations: a, weights: b)
        let narrow = try #require(BlockDotKernel.narrowIntegers(ops.rows, ops.columns))
        let unit = BlockVector.unitExponent(format)
        let scale = Double(sign: .plus, exponent: 2 * unit, significand: 1)
        for r in 0..<m {
            for c in 0..<n {
                let fast = BlockDotKernel.dot(ops.rows[r], ops.columns[c], k: k, unitScale: scale, narrow: (narrow.rows[r], narrow.columns[c]))
                let wide = BlockDotKernel.dot(ops.rows[r], ops.columns[c], k: k, unitScale: scale, narrow: nil)
                #expect(fast.bitPattern == wide.bitPattern)
            }
        }
    }

    @Test func wideFormatsKeepTheExactPath() throws {
        let a = Matrix(rows: 1, cols: 32, storage: (0..<32).map { Double($0) * 1000 })!
        let ops = try BlockDotUnit(format: .mxfp8E5M2).quantize(activations: a, weights: a.transposed())
        #expect(BlockDotKernel.narrowIntegers(ops.rows, ops.columns) == nil)
    }
}
