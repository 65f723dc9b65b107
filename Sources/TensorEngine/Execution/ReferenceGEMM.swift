import NumberFormats

/// The float64 GEMM C = A·B of real matrices, the reference for error metrics.
///
/// Summed in k order per output with IEEE double arithmetic (deterministic).
///
/// ```swift
/// let c = ReferenceGEMM.multiply(a, b)   // a: M×K, b: K×N → M×N
/// ```
public enum ReferenceGEMM {
    public static func multiply(_ a: Matrix, _ b: Matrix) -> Matrix {
        let (m, k, n) = (a.rows, a.cols, b.cols)
        var c = Matrix(rows: m, cols: n)
        guard k == b.rows else { return c }
        a.storage.withUnsafeBufferPointer { ap in
            b.storage.withUnsafeBufferPointer { bp in
                c.storage.withUnsafeMutableBufferPointer { cp in
                    for r in 0..<m {
                        for kk in 0..<k {
                            let x = ap[r * k + kk]
                            if x == 0 { continue }
                            for j in 0..<n { cp[r * n + j] += x * bp[kk * n + j] }
                        }
                    }
                }
            }
        }
        return c
    }
}
