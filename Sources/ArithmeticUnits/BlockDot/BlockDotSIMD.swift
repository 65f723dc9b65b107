import CSIMD
import QArchSupport

/// The AVX-512 BW form of `BlockDotKernel`'s narrow path (Sources/CSIMD/block_dot.c): 4 rows ×
/// 16 columns at a time, each block's exact sum in int32 lanes (`vpmaddwd` on pairs of 16-bit
/// element integers), then per lane the scalar kernel's steps in its order:
/// t = ((Double(sum)·unitScale)·s_a)·s_b, rounded once to FP32, acc ← acc + t from +0.
///
/// Taken only when every block scale is finite and no block term or running sum can reach
/// FP32's range (blockSize·max|a|·max|b|·unitScale·max s_a·max s_b·blocks < 2^126): then no
/// lane ever holds ±∞ or NaN, the vector and scalar IEEE operations are the same, and so are
/// the bits. Otherwise (and for odd block sizes) it returns nil and the scalar path runs.
///
/// ```swift
/// // MXFP4 (block 32, element unit 0.5: integers = 2·value); a row of 1.0s and a column of
/// // 0.5s with scales 1: per block sum 32·(2·1) = 64, t = 64·0.25 = 16, so K = 64 gives 32.0.
/// BlockDotSIMD.gemm(rows: rows, columns: columns, k: 64, unitScale: 0.25, narrow: narrow)
///     // [Float(32).bitPattern], as BlockDotKernel's scalar loop
/// ```
enum BlockDotSIMD {
    static func gemm(rows: [BlockVector], columns: [BlockVector], k: Int, unitScale: Double,
                     narrow: (rows: [[Int16]], columns: [[Int16]])) -> [UInt32]? {
        let (m, n) = (rows.count, columns.count)
        guard m > 0, n > 0, k > 0, let bs = rows.first?.blockSize, bs > 0, bs % 2 == 0 else { return nil }
        let blocks = (k + bs - 1) / bs, padded = blocks * bs, pairs = bs / 2, groups = (n + 15) / 16
        // Range: the largest term any block can give, times the number of blocks.
        func largest(_ vectors: [BlockVector], _ ints: [[Int16]]) -> (scale: Double, integer: Double)? {
            var s = 0.0, x = 0
            for (v, i) in zip(vectors, ints) {
                guard v.blockSize == bs, v.blockScales.count == blocks, i.count <= padded else { return nil }
                for b in v.blockScales {
                    guard b.isFinite else { return nil }
                    s = max(s, abs(b))
                }
                for e in i { x = max(x, Int(e.magnitude)) }
            }
            return (s, Double(x))
        }
        guard let la = largest(rows, narrow.rows), let lb = largest(columns, narrow.columns) else { return nil }
        let bound = Double(bs) * la.integer * lb.integer * unitScale * la.scale * lb.scale * Double(blocks)
        guard bound.isFinite, bound < 0x1p126 else { return nil }
        // Rows padded to whole blocks; columns in groups of 16, pairs of elements interleaved.
        var a16 = [Int16](repeating: 0, count: m * padded), sa = [Double](repeating: 0, count: m * blocks)
        for r in 0..<m {
            for (i, x) in narrow.rows[r].enumerated() { a16[r * padded + i] = x }
            for blk in 0..<blocks { sa[r * blocks + blk] = rows[r].blockScales[blk] }
        }
        var b16 = [Int16](repeating: 0, count: groups * blocks * pairs * 32)
        var sb = [Double](repeating: 0, count: groups * blocks * 16)
        for c in 0..<n {
            let (g, lane) = (c / 16, c % 16)
            for (i, x) in narrow.columns[c].enumerated() {
                let (blk, within) = (i / bs, i % bs)
                b16[((g * blocks + blk) * pairs + within / 2) * 32 + lane * 2 + within % 2] = x
            }
            for blk in 0..<blocks { sb[(g * blocks + blk) * 16 + lane] = columns[c].blockScales[blk] }
        }
        var out = [Float](repeating: 0, count: m * n)
        a16.withUnsafeBufferPointer { ap in
        sa.withUnsafeBufferPointer { sap in
        b16.withUnsafeBufferPointer { bp in
        sb.withUnsafeBufferPointer { sbp in
        out.withUnsafeMutableBufferPointer { op in
            guard let A = ap.baseAddress, let SA = sap.baseAddress, let B = bp.baseAddress, let SB = sbp.baseAddress,
                  let O = op.baseAddress else { return }
            // Tiles of rows × column groups (16 columns each); outputs are independent.
            WorkQueue.forEachTile(rows: m, cols: groups, minimumWork: max(1, (1 << 16) / max(k, 1))) { rr, gg in
                let c0 = gg.lowerBound * 16, c1 = min(n, gg.upperBound * 16)
                qarch_block_dot_tile(A + rr.lowerBound * padded, Int64(padded), SA + rr.lowerBound * blocks, Int64(blocks),
                                     B + gg.lowerBound * blocks * pairs * 32, SB + gg.lowerBound * blocks * 16,
                                     Int64(blocks), Int64(bs), unitScale, Int64(rr.count), Int64(c1 - c0),
                                     O + rr.lowerBound * n + c0, Int64(n))
            }
        }
        }
        }
        }
        }
        // NVFP4's tensor scales, per output as in the scalar kernel.
        var bits = [UInt32](repeating: 0, count: m * n)
        for r in 0..<m {
            for c in 0..<n {
                var acc = out[r * n + c]
                let (ta, tb) = (rows[r].tensorScale, columns[c].tensorScale)
                if ta != 1 || tb != 1 { acc = acc * (Float(ta) * Float(tb)) }
                bits[r * n + c] = acc.bitPattern
            }
        }
        return bits
    }
}
