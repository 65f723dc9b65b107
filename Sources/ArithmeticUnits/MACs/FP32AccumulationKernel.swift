/// A GEMM whose products are exact in FP32 and whose sums are FP32 additions rounded to
/// nearest-even in `AccumulationOrder`: the core of the FP16 MAC, the dequantize-then-FP16
/// baseline and the HiF8 MAC.
///
/// Exactness of the products is the caller's contract: FP16×FP16 (11 + 11 significant bits)
/// and HiF8×HiF8 (4 + 4 bits, exponents −44…30) both fit FP32 without rounding.
///
/// Each output is its own chain of FP32 additions in k order (`partial = partial + a·b`
/// from 0 within a chunk, then `acc + partial` across chunks; one chunk is taken as is), so
/// the loops may compute many outputs at once without changing a bit: B is transposed to
/// K×N once and each 4-row × 8-column block of C keeps its eight-lane partial sums in SIMD
/// registers (IEEE FP32 multiply then add, never fused), 32 independent chains instead of
/// one — the scalar dot-product loop waited on each addition's latency.
///
/// ```swift
/// FP32AccumulationKernel.gemm(a: [1, 2], bNK: [3, 4], m: 1, k: 2, n: 1, order: .sequential)   // [11]
/// ```
enum FP32AccumulationKernel {
    /// C[m, n] = Σ_k a[m, k]·b[n, k] (b given transposed, N×K), FP32 accumulation.
    static func gemm(a: [Float], bNK: [Float], m: Int, k: Int, n: Int, order: AccumulationOrder) -> [Float] {
        var out = [Float](repeating: 0, count: m * n)
        guard m > 0, n > 0 else { return out }
        let chunks = order.chunks(of: 0..<k)
        var bKN = [Float](repeating: 0, count: k * n)
        for c in 0..<n { for kk in 0..<k { bKN[kk &* n &+ c] = bNK[c &* k &+ kk] } }
        a.withUnsafeBufferPointer { pa in
            bKN.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { pc in
                    guard let A = pa.baseAddress, let B = pb.baseAddress, let C = pc.baseAddress else { return }
                    var c = 0
                    while c &+ 8 <= n {
                        var r = 0
                        while r &+ 4 <= m {
                            block4x8(A + r &* k, k, B + c, n, C + (r &* n &+ c), chunks)
                            r &+= 4
                        }
                        while r < m {
                            block1x8(A + r &* k, B + c, n, C + (r &* n &+ c), chunks)
                            r &+= 1
                        }
                        c &+= 8
                    }
                    for col in c..<n {
                        for r in 0..<m { C[r &* n &+ col] = scalar(A + r &* k, B + col, n, chunks) }
                    }
                }
            }
        }
        return out
    }

    @inline(__always)
    static func load(_ b: UnsafePointer<Float>, _ offset: Int) -> SIMD8<Float> {
        UnsafeRawPointer(b + offset).loadUnaligned(as: SIMD8<Float>.self)
    }

    /// Four rows × eight columns: C[i][j] for rows `a`…`a + 3k` and columns `b`…`b + 7`.
    @inline(__always)
    static func block4x8(_ a: UnsafePointer<Float>, _ k: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                         _ c: UnsafeMutablePointer<Float>, _ chunks: [Range<Int>]) {
        let a1 = a + k, a2 = a1 + k, a3 = a2 + k
        var acc0 = SIMD8<Float>(), acc1 = SIMD8<Float>(), acc2 = SIMD8<Float>(), acc3 = SIMD8<Float>()
        let single = chunks.count == 1
        for chunk in chunks {
            var p0 = SIMD8<Float>(), p1 = SIMD8<Float>(), p2 = SIMD8<Float>(), p3 = SIMD8<Float>()
            for kk in chunk {
                let y = load(b, kk &* ldb)
                p0 = p0 + SIMD8(repeating: a[kk]) * y
                p1 = p1 + SIMD8(repeating: a1[kk]) * y
                p2 = p2 + SIMD8(repeating: a2[kk]) * y
                p3 = p3 + SIMD8(repeating: a3[kk]) * y
            }
            if single {
                acc0 = p0; acc1 = p1; acc2 = p2; acc3 = p3
            } else {
                acc0 = acc0 + p0; acc1 = acc1 + p1; acc2 = acc2 + p2; acc3 = acc3 + p3
            }
        }
        let out = UnsafeMutableRawPointer(c), row = ldb &* 4
        out.storeBytes(of: acc0, toByteOffset: 0, as: SIMD8<Float>.self)
        out.storeBytes(of: acc1, toByteOffset: row, as: SIMD8<Float>.self)
        out.storeBytes(of: acc2, toByteOffset: 2 &* row, as: SIMD8<Float>.self)
        out.storeBytes(of: acc3, toByteOffset: 3 &* row, as: SIMD8<Float>.self)
    }

    /// One row × eight columns.
    @inline(__always)
    static func block1x8(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ ldb: Int,
                         _ c: UnsafeMutablePointer<Float>, _ chunks: [Range<Int>]) {
        var acc = SIMD8<Float>()
        for chunk in chunks {
            var p = SIMD8<Float>()
            for kk in chunk { p = p + SIMD8(repeating: a[kk]) * load(b, kk &* ldb) }
            acc = chunks.count == 1 ? p : acc + p
        }
        UnsafeMutableRawPointer(c).storeBytes(of: acc, as: SIMD8<Float>.self)
    }

    /// One output: column `b` (stride `ldb`) against row `a`.
    static func scalar(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ ldb: Int, _ chunks: [Range<Int>]) -> Float {
        var acc: Float = 0
        for chunk in chunks {
            var partial: Float = 0
            for kk in chunk { partial = partial + a[kk] * b[kk &* ldb] }
            acc = chunks.count == 1 ? partial : acc + partial
        }
        return acc
    }
}
