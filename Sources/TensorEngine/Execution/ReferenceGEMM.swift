import ArithmeticUnits
import CSIMD
import NumberFormats
import QArchSupport

/// The float64 GEMM C = A·B of real matrices, the reference for error metrics.
///
/// Each output is summed in k order, `c ← c + a·b` (a rounded product, then a rounded sum;
/// never fused), from +0, with IEEE double arithmetic: deterministic, and bit for bit the
/// plain triple loop, except that a NaN output is always `Double.nan` (0x7FF8…; the sign and
/// payload of a NaN sum depend on which operand the CPU sees first). The work is cut into 4×4 output blocks over packed 4-column panels of
/// B and K blocks taken in ascending order (so each output still sees k = 0, 1, … in
/// order), and spread over the cores by output tiles (`WorkQueue.forEachTile`), so the
/// result does not depend on the thread count. On a CPU with AVX-512 (`SIMDKernels.available`)
/// each tile runs `qarch_f64_gemm_tile` (Sources/CSIMD/f64_gemm.c: 8×16 register blocks, the
/// same separate multiply and add per k in order), which gives the same bits; `simd: false`
/// runs the Swift loops (what `QARCH_SIMD=off` does everywhere).
///
/// ```swift
/// let c = ReferenceGEMM.multiply(a, b)   // a: M×K, b: K×N → M×N
/// // With a = [[1, 2]] and b = [[3], [4]]: c = [[0 + 1·3 + 2·4]] = [[11]], k = 0 then 1.
/// ReferenceGEMM.multiply(a, b, simd: false) == c   // true: same bits either way
/// ```
public enum ReferenceGEMM {
    /// Columns of a packed panel of B, and rows of A per block.
    static let panelWidth = 4, blockRows = 4
    /// K rows of a packed panel (4·256 doubles = 8 KiB, held in L1 while the rows pass).
    static let kBlock = 256

    public static func multiply(_ a: Matrix, _ b: Matrix, simd: Bool = SIMDKernels.available) -> Matrix {
        let (m, k, n) = (a.rows, a.cols, b.cols)
        var c = Matrix(rows: m, cols: n)
        guard k == b.rows, m > 0, n > 0, k > 0 else { return c }
        // A zero activation times an infinite weight is NaN; the plain loop skips zero
        // activations, so a non-finite B keeps that loop (finite data gives the same bits
        // either way: c is never −0, and adding ±0 leaves any other c unchanged).
        let blocked = b.storage.allSatisfy(\.isFinite)
        a.storage.withUnsafeBufferPointer { ap in
            b.storage.withUnsafeBufferPointer { bp in
                c.storage.withUnsafeMutableBufferPointer { cp in
                    guard let A = ap.baseAddress, let B = bp.baseAddress, let C = cp.baseAddress else { return }
                    WorkQueue.forEachTile(rows: m, cols: n, minimumWork: max(1, (1 << 20) / k)) { rows, cols in
                        if blocked && simd {
                            qarch_f64_gemm_tile(A + rows.lowerBound * k, Int64(k), B + cols.lowerBound, Int64(n),
                                                C + rows.lowerBound * n + cols.lowerBound, Int64(n),
                                                Int64(rows.count), Int64(cols.count), Int64(k))
                        } else if blocked {
                            tile(A, B, C, k: k, n: n, rows: rows, cols: cols)
                        } else {
                            plain(A, B, C, k: k, n: n, rows: rows, cols: cols)
                        }
                    }
                }
            }
        }
        // A NaN's sign and payload follow the CPU's operand order, which the compiler may
        // swap (addition commutes): every NaN output becomes the one quiet NaN.
        c.storage.withUnsafeMutableBufferPointer { cp in
            for i in cp.indices where cp[i].isNaN { cp[i] = .nan }
        }
        return c
    }

    /// The plain loop over one output tile, zero activations skipped.
    static func plain(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
                      k: Int, n: Int, rows: Range<Int>, cols: Range<Int>) {
        for r in rows {
            for kk in 0..<k {
                let x = a[r * k + kk]
                if x == 0 { continue }
                for j in cols { c[r * n + j] += x * b[kk * n + j] }
            }
        }
    }

    /// One output tile: 4-column panels of B packed per K block, 4×4 register blocks.
    static func tile(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
                     k: Int, n: Int, rows: Range<Int>, cols: Range<Int>) {
        let w = panelWidth
        let panel = UnsafeMutablePointer<SIMD4<Double>>.allocate(capacity: kBlock)
        defer { panel.deallocate() }
        var j0 = cols.lowerBound
        while j0 < cols.upperBound {
            let width = Swift.min(w, cols.upperBound - j0)
            var k0 = 0
            while k0 < k {
                let kl = Swift.min(kBlock, k - k0)
                if width < w {
                    // A partial panel: the plain order, element by element.
                    for r in rows {
                        for t in k0..<(k0 + kl) {
                            let x = a[r * k + t]
                            for j in j0..<(j0 + width) { c[r * n + j] += x * b[t * n + j] }
                        }
                    }
                } else {
                    for t in 0..<kl {
                        let row = b + (k0 + t) * n + j0
                        panel[t] = SIMD4(row[0], row[1], row[2], row[3])
                    }
                    var r = rows.lowerBound
                    while r + blockRows <= rows.upperBound {
                        block4(a + r * k + k0, k: k, panel: panel, kl: kl, c: c + r * n + j0, n: n)
                        r += blockRows
                    }
                    while r < rows.upperBound {
                        let ar = a + r * k + k0
                        let cr = UnsafeMutableRawPointer(c + r * n + j0)
                        var acc = cr.loadUnaligned(as: SIMD4<Double>.self)
                        for t in 0..<kl { acc = acc + SIMD4(repeating: ar[t]) * panel[t] }
                        cr.storeBytes(of: acc, as: SIMD4<Double>.self)
                        r += 1
                    }
                }
                k0 += kl
            }
            j0 += width
        }
    }

    /// C[4×4] += A[4×kl]·panel[kl×4], k in order, each product and sum rounded.
    @inline(__always)
    static func block4(_ a: UnsafePointer<Double>, k: Int, panel: UnsafePointer<SIMD4<Double>>, kl: Int,
                       c: UnsafeMutablePointer<Double>, n: Int) {
        let c0 = UnsafeMutableRawPointer(c), c1 = UnsafeMutableRawPointer(c + n)
        let c2 = UnsafeMutableRawPointer(c + 2 * n), c3 = UnsafeMutableRawPointer(c + 3 * n)
        var s0 = c0.loadUnaligned(as: SIMD4<Double>.self), s1 = c1.loadUnaligned(as: SIMD4<Double>.self)
        var s2 = c2.loadUnaligned(as: SIMD4<Double>.self), s3 = c3.loadUnaligned(as: SIMD4<Double>.self)
        let a1 = a + k, a2 = a + 2 * k, a3 = a + 3 * k
        for t in 0..<kl {
            let p = panel[t]
            s0 = s0 + SIMD4(repeating: a[t]) * p
            s1 = s1 + SIMD4(repeating: a1[t]) * p
            s2 = s2 + SIMD4(repeating: a2[t]) * p
            s3 = s3 + SIMD4(repeating: a3[t]) * p
        }
        c0.storeBytes(of: s0, as: SIMD4<Double>.self)
        c1.storeBytes(of: s1, as: SIMD4<Double>.self)
        c2.storeBytes(of: s2, as: SIMD4<Double>.self)
        c3.storeBytes(of: s3, as: SIMD4<Double>.self)
    }
}
