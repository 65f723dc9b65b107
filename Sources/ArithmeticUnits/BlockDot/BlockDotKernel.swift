import NumberFormats

/// The MX/NVFP4 block dot product GEMM (ArithmeticUnits/README.md, "Block dot unit"): per block an
/// exact integer sum of element products, scaled exactly and rounded once to FP32 (RNE);
/// blocks accumulated in FP32 from +0 left to right; NVFP4 finally multiplies by
/// RN_fp32(s_tensorA·s_tensorB).
enum BlockDotKernel {
    static func gemm(rows: [BlockVector], columns: [BlockVector], k: Int, unitExponent: Int) -> [UInt32] {
        var out = [UInt32](repeating: 0, count: rows.count * columns.count)
        let unitScale = Double(sign: .plus, exponent: 2 * unitExponent, significand: 1)
        for (r, a) in rows.enumerated() {
            for (c, b) in columns.enumerated() {
                var acc: Float = 0
                let blocks = min(a.blockScales.count, b.blockScales.count)
                if a.isWide || b.isWide {
                    for blk in 0..<blocks {
                        acc = acc + BlockDot.blockProduct(a.tensor.blocks[blk], b.tensor.blocks[blk], format: a.tensor.format)
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
                out[r * columns.count + c] = acc.bitPattern
            }
        }
        return out
    }
}
