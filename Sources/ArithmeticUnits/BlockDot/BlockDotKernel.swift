import NumberFormats
import QArchSupport

/// The MX/NVFP4 block dot product GEMM (ArithmeticUnits/README.md, "Block dot unit"): per block an
/// exact integer sum of element products, scaled exactly and rounded once to FP32 (RNE);
/// blocks accumulated in FP32 from +0 left to right; NVFP4 finally multiplies by
/// RN_fp32(s_tensorA·s_tensorB).
///
/// Outputs are independent, so they are spread over the cores by tiles (`WorkQueue.forEachTile`;
/// the bits do not depend on the thread count). When every element integer fits 16 bits and
/// a block's sum of |a·b| stays below 2^31 (MXFP4, NVFP4, MXFP6 …) the exact block sums are
/// formed in 32-bit integers from 16-bit copies, which vectorize; the sums are the same integers.
/// With AVX-512 BW (`simd`) that path runs as `BlockDotSIMD` where its range condition holds.
enum BlockDotKernel {
    static func gemm(rows: [BlockVector], columns: [BlockVector], k: Int, unitExponent: Int,
                     simd: Bool = SIMDKernels.avx512bw) -> [UInt32] {
        var out = [UInt32](repeating: 0, count: rows.count * columns.count)
        let unitScale = Double(sign: .plus, exponent: 2 * unitExponent, significand: 1)
        let narrow = narrowIntegers(rows, columns)
        if simd, let narrow, let bits = BlockDotSIMD.gemm(rows: rows, columns: columns, k: k, unitScale: unitScale, narrow: narrow) {
            return bits
        }
        let n = columns.count
        out.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            WorkQueue.forEachTile(rows: rows.count, cols: n) { rowRange, colRange in
                for r in rowRange {
                    for c in colRange {
                        base[r * n + c] = dot(rows[r], columns[c], k: k, unitScale: unitScale,
                                              narrow: narrow.map { ($0.rows[r], $0.columns[c]) }).bitPattern
                    }
                }
            }
        }
        return out
    }

    /// One output: the FP32 accumulation of the rounded exact block products of `a` and `b`.
    @inline(__always)
    static func dot(_ a: BlockVector, _ b: BlockVector, k: Int, unitScale: Double, narrow: ([Int16], [Int16])?) -> Float {
        var acc: Float = 0
        let blocks = min(a.blockScales.count, b.blockScales.count)
        if a.isWide || b.isWide {
            for blk in 0..<blocks {
                acc = acc + BlockDot.blockProduct(a.tensor.blocks[blk], b.tensor.blocks[blk], format: a.tensor.format)
            }
        } else if let (a16, b16) = narrow {
            a16.withUnsafeBufferPointer { ai in
                b16.withUnsafeBufferPointer { bi in
                    for blk in 0..<blocks {
                        let start = blk * a.blockSize, end = min(start + a.blockSize, k)
                        var sum: Int32 = 0
                        for i in start..<end { sum &+= Int32(ai[i]) &* Int32(bi[i]) }
                        let exact = Double(sum) * unitScale * a.blockScales[blk] * b.blockScales[blk]
                        acc = acc + Float(exact)
                    }
                }
            }
        } else {
            a.integers.withUnsafeBufferPointer { ai in
                b.integers.withUnsafeBufferPointer { bi in
                    for blk in 0..<blocks {
                        let start = blk * a.blockSize, end = min(start + a.blockSize, k)
                        var sum: Int64 = 0
                        for i in start..<end { sum &+= Int64(ai[i]) &* Int64(bi[i]) }
                        // Exact in Double: |sum| < 2^51 and the scales are powers of two or E4M3 values.
                        let exact = Double(sum) * unitScale * a.blockScales[blk] * b.blockScales[blk]
                        acc = acc + Float(exact)
                    }
                }
            }
        }
        if a.tensorScale != 1 || b.tensorScale != 1 { acc = acc * (Float(a.tensorScale) * Float(b.tensorScale)) }
        return acc
    }

    /// 16-bit copies of every vector's integers when they fit and no block sum can reach
    /// 2^31 (blockSize·max|a|·max|b| < 2^31), else nil.
    static func narrowIntegers(_ rows: [BlockVector], _ columns: [BlockVector]) -> (rows: [[Int16]], columns: [[Int16]])? {
        func largest(_ vectors: [BlockVector]) -> Int? {
            var m = 0
            for v in vectors {
                if v.isWide { return nil }
                for x in v.integers { m = max(m, Int(x.magnitude)) }
            }
            return m
        }
        guard let ma = largest(rows), let mb = largest(columns), ma < 1 << 15, mb < 1 << 15,
              let blockSize = rows.first?.blockSize ?? columns.first?.blockSize,
              blockSize * ma * mb < 1 << 31 else { return nil }
        return (rows.map { $0.integers.map { Int16($0) } }, columns.map { $0.integers.map { Int16($0) } })
    }
}
