import Testing
@testable import NumberFormats

/// Group weight quantizers; expected values worked by hand in the comments.
@Suite struct WeightQuantizerTests {
    @Test("asymmetric uint4, one group: the documented example")
    func asymmetricExample() throws {
        // min −1, max 2 → (2 − (−1))/15 = 0.2 → FP16: 0.2 = 1.1001100110|011…b · 2^-3 → round down
        // → 1638/1024 · 2^-3 = 0.199951171875 (bits 0x3266).
        // z = RNE(1/0.199951171875 = 5.0012) = 5.
        // q: −1/s = −5.0012 → −5 → 0; 0 → 5; 0.5/s = 2.5006 → 3 → 8; 2/s = 10.0024 → 10 → 15.
        let q = try WeightQuantizer.asymmetric([-1, 0, 0.5, 2], k: 4, n: 1, bits: 4, groupSize: 4)
        #expect(q.scaleCodes == [0x3266] && q.scales == [0.199951171875])
        #expect(q.zeroPoints == [5])
        #expect(q.codes == [0, 5, 8, 15])
        let s = 0.199951171875
        let expected: [Double] = [-5 * s, 0, 3 * s, 10 * s]
        #expect(q.dequantized() == expected)
        #expect(q.scheme == .asymmetric(bits: 4) && q.groupCount == 1)
    }

    @Test("asymmetric layout: groups along K, partial last group, per-column scales")
    func asymmetricLayout() throws {
        // K = 5, N = 2, G = 2 → groups rows {0,1}, {2,3}, {4}. Row-major w[r*2 + c].
        // column 0: [0, 15 | −15, 0 | 7], column 1: [1, 2 | 3, 4 | −30]
        let w: [Double] = [0, 1, 15, 2, -15, 3, 0, 4, 7, -30]
        let q = try WeightQuantizer.asymmetric(w, k: 5, n: 2, bits: 4, groupSize: 2)
        #expect(q.groupCount == 3)
        // col 0, g0: range [0, 15] → scale 1, z 0 → codes 0, 15
        // col 0, g1: range [−15, 0] → scale 1, z 15 → codes 0, 15
        // col 0, g2: [0, 7] → 7/15 = 1.11011101110…b · 2^-2 → FP16 1911/4096 = 0.466552734375;
        //            z 0; 7/s = 15.0036 → 15
        // col 1, g0: [0, 2] → 2/15 = 1.0001000100|01…b · 2^-3 → 1092/8192 = 0.13330078125;
        //            1/s = 7.5018 → 8, 2/s = 15.0037 → 15
        // col 1, g1: [0, 4] → 4/15 = 1.0001000100|01…b · 2^-2 → 1092/4096; 3/s = 11.25 → 11, 4/s = 15.0037 → 15
        // col 1, g2: [−30, 0] → scale 2, z = 15, q = −15 + 15 = 0
        let scales: [Double] = [1, 1092.0 / 8192, 1, 1092.0 / 4096, 1911.0 / 4096, 2]
        #expect(q.scales == scales)
        #expect(q.zeroPoints == [0, 0, 15, 0, 0, 15])
        #expect(q.codes == [0, 8, 15, 15, 0, 11, 15, 15, 15, 0])
        #expect(q.code(row: 4, column: 1) == 0 && q.group(ofRow: 4) == 2)
        #expect(q.value(row: 4, column: 1) == -30)
        #expect(q.value(row: 1, column: 0) == 15)
    }

    @Test("asymmetric round trip: |w − ŵ| ≤ 0.51 · scale for uint2/3/4")
    func asymmetricRoundTrip() throws {
        var rng = SplitMix64(seed: 11)
        let k = 96, n = 5
        let w = (0..<(k * n)).map { _ in rng.nextUnit() * 2 - 0.7 }
        for bits in [2, 3, 4] {
            let q = try WeightQuantizer.asymmetric(w, k: k, n: n, bits: bits, groupSize: 32)
            let d = q.dequantized()
            for r in 0..<k {
                for c in 0..<n {
                    let s = q.scale(group: q.group(ofRow: r), column: c)
                    #expect(abs(d[r * n + c] - w[r * n + c]) <= 0.51 * s)
                    #expect(Int(q.code(row: r, column: c)) < 1 << bits)
                }
            }
        }
        // all-zero group: scale 0, z 0, q 0
        let z = try WeightQuantizer.asymmetric([0, 0, 0, 0], k: 4, n: 1, groupSize: 4)
        #expect(z.scales == [0] && z.codes == [0, 0, 0, 0] && z.dequantized() == [0, 0, 0, 0])
    }

    @Test("symmetric int4: scale amax/7, RNE ties to even, codes in two's complement")
    func symmetric() throws {
        // amax 7 → scale 1 (FP16 0x3C00); −7 → 0x9; 3.5 → 4 (tie → even); 2.5 → 2; 0.5 → 0
        let q = try WeightQuantizer.symmetric([-7, 3.5, 2.5, 0.5], k: 4, n: 1, bits: 4, groupSize: 4)
        #expect(q.scaleCodes == [0x3C00] && q.codes == [0x9, 0x4, 0x2, 0x0])
        #expect(q.dequantized() == [-7, 4, 2, 0])
        // int8: amax 254 → scale 2; −254 → −127 (0x81), never −128
        let r = try WeightQuantizer.symmetric([-254, 1, 3], k: 3, n: 1, bits: 8, groupSize: 8)
        #expect(r.scales == [2] && r.codes == [0x81, 0x00, 0x02])   // 0.5 → 0 (even), 1.5 → 2 (even)
    }

    @Test("ternary absmean (BitNet b1.58)")
    func ternary() throws {
        // mean |w| = (0.5 + 0.3 + 0.05 + 1.0)/4 = 0.4625 → FP16: 1.85 · 2^-2, 0.85·1024 = 870.4 → 870
        // → γ = 1894/4096 = 0.46240234375. 0.5/γ = 1.08 → 1; −0.3/γ = −0.65 → −1 (0b11);
        // 0.05/γ = 0.11 → 0; 1/γ = 2.16 → clamp 1.
        let q = try WeightQuantizer.ternary([0.5, -0.3, 0.05, 1.0], k: 4, n: 1)
        let g = 1894.0 / 4096
        #expect(q.scales == [g] && q.codes == [1, 3, 0, 1])
        let expected: [Double] = [g, -g, 0, g]
        #expect(q.dequantized() == expected)
        #expect(q.groupSize == 4)
        // All zero: mean clamps to 1e-5 → FP16 subnormal round(1e-5 · 2^24 = 167.77) = 168 · 2^-24.
        let z = try WeightQuantizer.ternary([0, 0], k: 2, n: 1)
        #expect(z.scales == [168 * 0x1p-24] && z.codes == [0, 0])
        // Per-tensor scale is shared by every column.
        let t = try WeightQuantizer.ternary([1, -1, 1, 3], k: 2, n: 2)
        #expect(t.scales == [1.5, 1.5])   // mean 6/4 = 1.5 exact
        #expect(t.codes == [1, 3, 1, 1])  // 1/1.5 = 0.67 → 1; 3/1.5 = 2 → clamp 1
    }

    @Test("MXFP4 / NVFP4 weights: each column is a block vector along K")
    func blockWeights() throws {
        // K = 4, N = 2: column 0 = [6, 3, −1.5, 0.25], column 1 = [0.3, 0, 0, 0]
        let w: [Double] = [6, 0.3, 3, 0, -1.5, 0, 0.25, 0]
        let q = try WeightQuantizer.block(w, k: 4, n: 2, format: .mxfp4)
        #expect(q.groupSize == 32 && q.groupCount == 1)
        #expect(q.scaleCodes == [127, 123])          // amax 6 → 127; amax 0.3 → 2^-4 → 123
        #expect(q.codes == [0x7, 0x6, 0x5, 0x0, 0xB, 0x0, 0x0, 0x0])   // 0.25 → 0 (tie → even)
        #expect(q.dequantized() == [6, 0.25, 3, 0, -1.5, 0, 0, 0])
        let col = try #require(q.blockColumn(1))
        #expect(col.values == [0.25, 0, 0, 0] && col.scaleCodes == [123])
        // NVFP4: tensor scale over the whole matrix (amax 2688 → 1)
        let v: [Double] = [2688, 57, 0, 24]
        let nv = try WeightQuantizer.block(v, k: 2, n: 2, format: .nvfp4)
        #expect(nv.tensorScale == 1)
        // column 1 = [57, 24]: s_block 10 (see NVFP4QuantizerTests) → 6·10, 2·10
        #expect(nv.value(row: 0, column: 1) == 60 && nv.value(row: 1, column: 1) == 20)
        #expect(nv.blockColumn(1)?.tensorScale == 1)
    }

    @Test("invalid input throws instead of trapping")
    func errors() {
        #expect(throws: QuantizationError.shapeMismatch(rows: 2, columns: 2, found: 3)) {
            try WeightQuantizer.asymmetric([1, 2, 3], k: 2, n: 2)
        }
        #expect(throws: QuantizationError.invalidDimension("group size", 0)) {
            try WeightQuantizer.symmetric([1], k: 1, n: 1, groupSize: 0)
        }
        #expect(throws: QuantizationError.unsupportedBits(9)) { try WeightQuantizer.asymmetric([1], k: 1, n: 1, bits: 9) }
        #expect(throws: QuantizationError.nonFiniteInput(index: 1)) {
            try WeightQuantizer.ternary([1, .nan], k: 2, n: 1)
        }
        #expect(throws: QuantizationError.shapeMismatch(rows: Int.max, columns: 2, found: 1)) {
            try WeightQuantizer.symmetric([1], k: Int.max, n: 2)
        }
    }
}
