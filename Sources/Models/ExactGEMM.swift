import NumberFormats

/// The reference engine: every GEMM in float64 from the checkpoint's FP32 values (each
/// product exact, sums rounded only to float64), in k order.
///
/// ```swift
/// let c = ExactGEMM().product(a, b)   // a: M×K, b: K×N → M×N
/// ```
public struct ExactGEMM: DenseGEMM {
    public init() {}

    public func multiply(_ a: Matrix, _ b: Matrix, segments: [Range<Int>], operation: GEMMOperation) throws -> Matrix {
        product(a, b)
    }

    /// A·B (`a.cols` must equal `b.rows`; a mismatch gives an empty matrix).
    public func product(_ a: Matrix, _ b: Matrix) -> Matrix {
        let (m, k, n) = (a.rows, a.cols, b.cols)
        guard b.rows == k else { return Matrix(rows: 0, cols: 0) }
        var out = [Double](repeating: 0, count: m * n)
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { pc in
                    for r in 0..<m {
                        let row = r * n
                        for kk in 0..<k {
                            let x = pa[r * k + kk]
                            let brow = kk * n
                            for c in 0..<n { pc[row + c] += x * pb[brow + c] }
                        }
                    }
                }
            }
        }
        return Matrix(rows: m, cols: n, storage: out) ?? Matrix(rows: 0, cols: 0)
    }
}
