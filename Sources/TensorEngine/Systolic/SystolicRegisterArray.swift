/// A register-level systolic array that moves real operand values through PE registers,
/// cycle by cycle, for PEs with exact products and FP32 accumulation (the FP16 and HiF8
/// MACs): the executable definition of "the accumulation order the dataflow implies".
///
/// Every cycle each PE reads the registers of its left and upper neighbours, computes, and
/// writes its own registers (a two-phase update, as clocked hardware does):
/// - **os**: A values enter row i from the left delayed by i cycles, B values enter column j
///   from the top delayed by j cycles; PE(i, j) multiplies what meets in it and adds to its
///   own accumulator, starting at +0, so each output sums k = 0, 1, … in order; when the
///   stream ends the accumulators drain.
/// - **ws**: the fold's weights are preloaded, PE(i, j) holding B[k0+i, n0+j]; A values enter
///   row i delayed by i cycles and move right; a partial sum enters the top of each column as
///   +0, moves down one PE per cycle adding a·w, and leaves the bottom into the output
///   buffer, which adds it to C in FP32 (fold after fold).
/// - **is**: the same with A stationary (PE(i, j) holds A[m0+j, k0+i]) and B streaming.
///
/// ```swift
/// let c = SystolicRegisterArray.run(a: a, bNK: b, m: 4, k: 16, n: 4,
///                                   array: ArrayConfig(rows: 4, cols: 4, dataflow: .ws))
/// ```
public enum SystolicRegisterArray {
    /// C (row-major M×N) from A (row-major M×K) and B given transposed (N×K).
    public static func run(a: [Float], bNK: [Float], m: Int, k: Int, n: Int, array: ArrayConfig) -> [Float] {
        switch array.dataflow {
        case .os: return outputStationary(a: a, bNK: bNK, m: m, k: k, n: n, rows: array.rows, cols: array.cols)
        case .ws:
            // Stationary B: spatial rows = K, columns = N, streamed = M.
            return stationary(streamed: a, streamedCount: m, stationaryNK: bNK, stationaryCount: n, k: k,
                              rows: array.rows, cols: array.cols, outputIsTransposed: false)
        case .is:
            // Stationary A: spatial rows = K, columns = M, streamed = N.
            return stationary(streamed: bNK, streamedCount: n, stationaryNK: a, stationaryCount: m, k: k,
                              rows: array.rows, cols: array.cols, outputIsTransposed: true)
        }
    }

    /// One value in flight: the operand and the index it belongs to (for checking alignment).
    struct Token { var value: Float; var index: Int; var k: Int }

    static func outputStationary(a: [Float], bNK: [Float], m: Int, k: Int, n: Int, rows: Int, cols: Int) -> [Float] {
        var c = [Float](repeating: 0, count: m * n)
        for m0 in stride(from: 0, to: m, by: rows) {
            for n0 in stride(from: 0, to: n, by: cols) {
                var aReg = [Token?](repeating: nil, count: rows * cols)
                var bReg = [Token?](repeating: nil, count: rows * cols)
                var acc = [Float](repeating: 0, count: rows * cols)
                // The stream lasts K + rows + cols − 2 cycles until the last operands meet.
                for t in 0..<(k + rows + cols - 1) {
                    var newA = aReg, newB = bReg
                    for i in 0..<rows {
                        for j in 0..<cols {
                            // Left input: the injector for column 0 (row i delayed by i), else the left PE.
                            let inA: Token?
                            if j == 0 {
                                let kk = t - i
                                inA = (kk >= 0 && kk < k && m0 + i < m) ? Token(value: a[(m0 + i) * k + kk], index: m0 + i, k: kk) : nil
                            } else { inA = aReg[i * cols + j - 1] }
                            let inB: Token?
                            if i == 0 {
                                let kk = t - j
                                inB = (kk >= 0 && kk < k && n0 + j < n) ? Token(value: bNK[(n0 + j) * k + kk], index: n0 + j, k: kk) : nil
                            } else { inB = bReg[(i - 1) * cols + j] }
                            if let x = inA, let y = inB, x.k == y.k {
                                acc[i * cols + j] = acc[i * cols + j] + x.value * y.value
                            }
                            newA[i * cols + j] = inA
                            newB[i * cols + j] = inB
                        }
                    }
                    aReg = newA
                    bReg = newB
                }
                // Drain the accumulators.
                for i in 0..<rows where m0 + i < m {
                    for j in 0..<cols where n0 + j < n { c[(m0 + i) * n + n0 + j] = acc[i * cols + j] }
                }
            }
        }
        return c
    }

    static func stationary(streamed: [Float], streamedCount: Int, stationaryNK: [Float], stationaryCount: Int, k: Int,
                           rows: Int, cols: Int, outputIsTransposed: Bool) -> [Float] {
        // out[s, p] for streamed index s and stationary index p, accumulated fold by fold.
        var out = [Float](repeating: 0, count: streamedCount * stationaryCount)
        for p0 in stride(from: 0, to: stationaryCount, by: cols) {
            for k0 in stride(from: 0, to: k, by: rows) {
                // Preload: PE(i, j) holds the stationary operand (k0 + i, p0 + j).
                var held = [Float?](repeating: nil, count: rows * cols)
                for i in 0..<rows where k0 + i < k {
                    for j in 0..<cols where p0 + j < stationaryCount { held[i * cols + j] = stationaryNK[(p0 + j) * k + k0 + i] }
                }
                var xReg = [Token?](repeating: nil, count: rows * cols)
                var psumReg = [Token?](repeating: nil, count: rows * cols)
                // Streamed operand s enters row i at cycle s + i; its partial sum reaches the
                // bottom of column j at cycle s + (rows − 1) + j.
                for t in 0..<(streamedCount + 2 * rows + cols) {
                    var newX = xReg, newPsum = psumReg
                    for i in 0..<rows {
                        for j in 0..<cols {
                            let inX: Token?
                            if j == 0 {
                                let s = t - i
                                inX = (s >= 0 && s < streamedCount && k0 + i < k)
                                    ? Token(value: streamed[s * k + k0 + i], index: s, k: k0 + i) : nil
                            } else { inX = xReg[i * cols + j - 1] }
                            // Partial sum from above; the top row starts one from +0 for the operand arriving now.
                            let inPsum: Token? = i == 0 ? inX.map { Token(value: 0, index: $0.index, k: k0) } : psumReg[(i - 1) * cols + j]
                            var outPsum = inPsum
                            if let x = inX, let w = held[i * cols + j], var ps = inPsum, ps.index == x.index {
                                ps.value = ps.value + x.value * w
                                outPsum = ps
                            }
                            newX[i * cols + j] = inX
                            newPsum[i * cols + j] = outPsum
                            // The bottom row hands finished partial sums to the output buffer.
                            if i == rows - 1, let done = outPsum, p0 + j < stationaryCount {
                                out[done.index * stationaryCount + p0 + j] = out[done.index * stationaryCount + p0 + j] + done.value
                            }
                        }
                    }
                    xReg = newX
                    psumReg = newPsum
                }
            }
        }
        guard outputIsTransposed else { return out }
        // is: out is indexed [n, m]; C is [m, n].
        var c = [Float](repeating: 0, count: out.count)
        for s in 0..<streamedCount { for p in 0..<stationaryCount { c[p * streamedCount + s] = out[s * stationaryCount + p] } }
        return c
    }
}
