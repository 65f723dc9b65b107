import NumberFormats

/// The reference engine: every GEMM in float64 from the checkpoint's FP32 values (each
/// product exact, sums rounded only to float64), in k order.
///
/// Each output element is the float64 sum `((0 + a₀b₀) + a₁b₁) + …` in increasing k, so the
/// result does not depend on how the loops are blocked. The loops are blocked for the cache
/// and registers: B is walked in panels of 64 columns that stay in L2, and each 4×8 block of
/// C is summed over all of k in SIMD registers (separate multiply and add, never fused), so
/// every load of B serves four rows of A. A plain row-by-row loop streamed all of B from
/// memory once per row of A and ran at about 1 GMAC/s.
///
/// ```swift
/// let c = ExactGEMM().product(a, b)   // a: M×K, b: K×N → M×N
/// ```
public struct ExactGEMM: DenseGEMM {
    public init() {}

    /// Columns of B per panel: K × 64 float64 values (192 KiB at K = 384) stay in L2.
    static let panel = 64

    public func multiply(_ a: Matrix, _ b: Matrix, segments: [Range<Int>], operation: GEMMOperation) throws -> Matrix {
        product(a, b)
    }

    /// A·B (`a.cols` must equal `b.rows`; a mismatch gives an empty matrix).
    public func product(_ a: Matrix, _ b: Matrix) -> Matrix {
        let (m, k, n) = (a.rows, a.cols, b.cols)
        guard b.rows == k else { return Matrix(rows: 0, cols: 0) }
        var out = [Double](repeating: 0, count: m * n)
        guard m > 0, n > 0 else { return Matrix(rows: m, cols: n, storage: out) ?? Matrix(rows: 0, cols: 0) }
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { pc in
                    guard let A = pa.baseAddress, let B = pb.baseAddress, let C = pc.baseAddress else { return }
                    var c0 = 0
                    while c0 < n {
                        let c1 = min(n, c0 &+ Self.panel)
                        var r = 0
                        while r &+ 4 <= m {
                            var c = c0
                            while c &+ 8 <= c1 {
                                Self.block4x8(A + r &* k, k, B + c, n, C + (r &* n &+ c))
                                c &+= 8
                            }
                            for row in r..<(r &+ 4) where c < c1 { Self.scalarRow(A + row &* k, k, B, n, C + row &* n, c..<c1) }
                            r &+= 4
                        }
                        while r < m {
                            Self.scalarRow(A + r &* k, k, B, n, C + r &* n, c0..<c1)
                            r &+= 1
                        }
                        c0 = c1
                    }
                }
            }
        }
        return Matrix(rows: m, cols: n, storage: out) ?? Matrix(rows: 0, cols: 0)
    }

    /// C[0..<4][0..<8] = A[0..<4][·] · B[·][0..<8], each sum in k order in SIMD registers.
    @inline(__always)
    static func block4x8(_ a: UnsafePointer<Double>, _ k: Int, _ b: UnsafePointer<Double>, _ ldb: Int, _ c: UnsafeMutablePointer<Double>) {
        var s00 = SIMD4<Double>(), s01 = SIMD4<Double>(), s10 = SIMD4<Double>(), s11 = SIMD4<Double>()
        var s20 = SIMD4<Double>(), s21 = SIMD4<Double>(), s30 = SIMD4<Double>(), s31 = SIMD4<Double>()
        let a1 = a + k, a2 = a1 + k, a3 = a2 + k
        let raw = UnsafeRawPointer(b)
        for kk in 0..<k {
            let off = kk &* ldb &* 8
            let y0 = raw.loadUnaligned(fromByteOffset: off, as: SIMD4<Double>.self)
            let y1 = raw.loadUnaligned(fromByteOffset: off &+ 32, as: SIMD4<Double>.self)
            let x0 = SIMD4<Double>(repeating: a[kk]), x1 = SIMD4<Double>(repeating: a1[kk])
            let x2 = SIMD4<Double>(repeating: a2[kk]), x3 = SIMD4<Double>(repeating: a3[kk])
            // Separate multiply and add (no fusion): each product is rounded, as in the scalar loop.
            s00 = s00 + x0 * y0; s01 = s01 + x0 * y1
            s10 = s10 + x1 * y0; s11 = s11 + x1 * y1
            s20 = s20 + x2 * y0; s21 = s21 + x2 * y1
            s30 = s30 + x3 * y0; s31 = s31 + x3 * y1
        }
        let out = UnsafeMutableRawPointer(c), row = ldb &* 8
        out.storeBytes(of: s00, toByteOffset: 0, as: SIMD4<Double>.self)
        out.storeBytes(of: s01, toByteOffset: 32, as: SIMD4<Double>.self)
        out.storeBytes(of: s10, toByteOffset: row, as: SIMD4<Double>.self)
        out.storeBytes(of: s11, toByteOffset: row &+ 32, as: SIMD4<Double>.self)
        out.storeBytes(of: s20, toByteOffset: 2 &* row, as: SIMD4<Double>.self)
        out.storeBytes(of: s21, toByteOffset: 2 &* row &+ 32, as: SIMD4<Double>.self)
        out.storeBytes(of: s30, toByteOffset: 3 &* row, as: SIMD4<Double>.self)
        out.storeBytes(of: s31, toByteOffset: 3 &* row &+ 32, as: SIMD4<Double>.self)
    }

    /// C[0][cols] = A[0][·] · B[·][cols] for one row, in k order.
    static func scalarRow(_ a: UnsafePointer<Double>, _ k: Int, _ b: UnsafePointer<Double>, _ ldb: Int,
                          _ c: UnsafeMutablePointer<Double>, _ cols: Range<Int>) {
        for col in cols {
            var s = 0.0
            for kk in 0..<k { s += a[kk] * b[kk &* ldb &+ col] }
            c[col] = s
        }
    }
}
