import Testing
@testable import NumberFormats

/// `BlockFormat.quantizeRows`: rows never share a block, row r rounds from seed S + r, and
/// NVFP4's tensor scale is the one of all rows together.
@Suite struct QuantizeRowsTests {
    /// Row 0 alone has amax 6 (s_tensor 6/2688); together with row 1 (amax 2688) s_tensor is
    /// exactly 1, so row 0's block scale is 6/6 = 1 → E4M3 0x38 and its 6 is code 0x7.
    @Test func nvfp4TensorScaleSpansRows() {
        let rows: [[Double]] = [[6, 3], [2688]]
        let tensors = BlockFormat.nvfp4.quantizeRows(rows)
        #expect(tensors.map(\.tensorScale) == [1, 1])
        #expect(tensors[0].blocks[0].scaleCode == 0x38)
        #expect(tensors[0].codes == [0x7, 0x5])
        #expect(BlockFormat.nvfp4.quantize(rows[0]).tensorScale != 1)
    }

    /// A block of 32 never takes elements of the next row: two rows of 20 make two blocks.
    @Test func blocksNeverSpanRows() {
        let rows = [[Double](repeating: 0.5, count: 20), [Double](repeating: 4, count: 20)]
        let tensors = BlockFormat.mxfp4.quantizeRows(rows)
        #expect(tensors.map { $0.blocks.count } == [1, 1])
        #expect(tensors[0].values == rows[0] && tensors[1].values == rows[1])
    }

    /// Stochastic rounding of row r equals `quantize` of that row alone with seed S + r, and
    /// the two rows (same values) round differently, so the seeds really differ.
    @Test func stochasticRowSeeds() {
        let row = (0..<64).map { Double($0) * 0.0137 + 0.01 }
        let options = BlockQuantizationOptions(rounding: .stochastic, seed: 41)
        let tensors = BlockFormat.mxfp4.quantizeRows([row, row], options: options)
        for r in 0..<2 {
            var o = options
            o.seed = 41 + UInt64(r)
            #expect(tensors[r] == BlockFormat.mxfp4.quantize(row, options: o))
        }
        #expect(tensors[0].codes != tensors[1].codes)
    }
}
