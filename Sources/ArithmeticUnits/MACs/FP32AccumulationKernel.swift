/// A GEMM whose products are exact in FP32 and whose sums are FP32 additions rounded to
/// nearest-even in `AccumulationOrder`: the core of the FP16 MAC, the dequantize-then-FP16
/// baseline and the HiF8 MAC.
///
/// Exactness of the products is the caller's contract: FP16×FP16 (11 + 11 significant bits)
/// and HiF8×HiF8 (4 + 4 bits, exponents −44…30) both fit FP32 without rounding.
enum FP32AccumulationKernel {
    /// C[m, n] = Σ_k a[m, k]·b[n, k] (b given transposed, N×K), FP32 accumulation.
    static func gemm(a: [Float], bNK: [Float], m: Int, k: Int, n: Int, order: AccumulationOrder) -> [Float] {
        var out = [Float](repeating: 0, count: m * n)
        let chunks = order.chunks(of: 0..<k)
        for r in 0..<m {
            let aRow = r * k
            for c in 0..<n {
                let bRow = c * k
                var acc: Float = 0
                for chunk in chunks {
                    var partial: Float = 0
                    for kk in chunk { partial = partial + a[aRow + kk] * bNK[bRow + kk] }
                    acc = chunks.count == 1 ? partial : acc + partial
                }
                out[r * n + c] = acc
            }
        }
        return out
    }
}
