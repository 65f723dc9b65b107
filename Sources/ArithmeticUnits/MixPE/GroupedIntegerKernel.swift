import CSIMD
import QArchSupport

/// The integer GEMM with per-group dequantization shared by MixPE W4A8 and the INT8
/// baseline (ArithmeticUnits/README.md, "MixPE").
///
/// For row r, column c and group g: `acc_g = Σ a·w` exactly in the accumulator register
/// (wrap: any order gives the same bits; saturate: summed in `AccumulationOrder`), the
/// activation sum `A_g` likewise, `d_g = acc_g − z_g·A_g` in the register, then in FP32
/// (each step rounded to nearest-even) `y ← y + s_g·float(d_g)` for g in order, and finally
/// `y ← s_a·y`.
///
/// With a wrapping register of at most 32 bits and `simd` (AVX-512 BW, `SIMDKernels.avx512bw`;
/// `vnni` where the CPU has AVX-512 VNNI),
/// each tile's group sums come from `qarch_int8_dot_tile` (Sources/CSIMD/int8_dot.c: 32-bit
/// wrapping sums, which have the register's low bits since 2^bits divides 2^32), a whole
/// tile per group, and the epilogue then runs per output in the same group order: the same
/// bits as the scalar loop.
///
/// ```swift
/// // One row a = [1, −2], one column w = [3, 4], one group, zero point 0, scale 0.5, s_a = 2:
/// // acc = 1·3 + (−2)·4 = −5, y = 0 + 0.5·(−5) = −2.5, output 2·(−2.5) = −5.0 (FP32 bits).
/// GroupedIntegerKernel.gemm(m: 1, k: 2, n: 1, groupSize: 2, activations: [1, -2], rowScales: [2],
///                           weightsNK: [3, 4], zeroPoints: [0], scales: [0.5], order: .sequential,
///                           accumulator: .int32) == [Float(-5).bitPattern]   // true
/// ```
enum GroupedIntegerKernel {
    static func gemm(m: Int, k: Int, n: Int, groupSize: Int, activations a: [Int8], rowScales: [Float],
                     weightsNK w: [Int8], zeroPoints: [Int32], scales: [Float], order: AccumulationOrder,
                     accumulator: IntegerAccumulator, simd: Bool = SIMDKernels.avx512bw,
                     vnni: Bool = SIMDKernels.vnni) -> [UInt32] {
        var out = [UInt32](repeating: 0, count: max(m, 0) * max(n, 0))
        guard m > 0, n > 0, k > 0, groupSize > 0 else { return out }
        let groups = (k + groupSize - 1) / groupSize
        var groupSums = [Int64](repeating: 0, count: m * groups)
        for r in 0..<m {
            for g in 0..<groups {
                var s: Int64 = 0
                for kk in (g * groupSize)..<min((g + 1) * groupSize, k) { s = accumulator.add(s, Int64(a[r * k + kk])) }
                groupSums[r * groups + g] = s
            }
        }
        a.withUnsafeBufferPointer { aBuffer in
        w.withUnsafeBufferPointer { wBuffer in
        out.withUnsafeMutableBufferPointer { outBuffer in
            let (ap, wp, outBase) = (aBuffer.baseAddress!, wBuffer.baseAddress!, outBuffer.baseAddress!)
            let vector = simd && accumulator.overflow == .wrap && accumulator.bits <= 32
            WorkQueue.forEachTile(rows: m, cols: n) { rows, cols in
                if vector {
                    // Blocks of 64 × 256 outputs, so a block's sums and partial outputs (128 KiB)
                    // stay in cache while its groups pass.
                    for r0 in stride(from: rows.lowerBound, to: rows.upperBound, by: 64) {
                        for c0 in stride(from: cols.lowerBound, to: cols.upperBound, by: 256) {
                            vectorTile(ap, wp, outBase, k: k, n: n, groupSize: groupSize, groups: groups,
                                       rows: r0..<min(r0 + 64, rows.upperBound), cols: c0..<min(c0 + 256, cols.upperBound),
                                       rowScales: rowScales, zeroPoints: zeroPoints, scales: scales, groupSums: groupSums,
                                       accumulator: accumulator, vnni: vnni)
                        }
                    }
                    return
                }
                for r in rows {
                    let aRow = ap + r * k
                    for c in cols {
                        let wRow = wp + c * k
                        var y: Float = 0
                        for g in 0..<groups {
                            let range = (g * groupSize)..<min((g + 1) * groupSize, k)
                            let acc = groupSum(aRow, wRow, range, order, accumulator)
                            let zi = g * n + c
                            let correction = accumulator.reduce(Int64(zeroPoints[zi]) &* groupSums[r * groups + g])
                            let d = accumulator.add(acc, -correction)
                            y = y + scales[zi] * Float(d)
                        }
                        outBase[r * n + c] = (rowScales[r] * y).bitPattern
                    }
                }
            }
        }
        }
        }
        return out
    }

    /// One output tile with the group sums from `qarch_int8_dot_tile` (a wrapping register of
    /// at most 32 bits): per group the tile's 32-bit sums, then each output's epilogue step
    /// `y ← y + s_g·float(d_g)`, groups in order.
    static func vectorTile(_ a: UnsafePointer<Int8>, _ w: UnsafePointer<Int8>, _ out: UnsafeMutablePointer<UInt32>,
                           k: Int, n: Int, groupSize: Int, groups: Int, rows: Range<Int>, cols: Range<Int>,
                           rowScales: [Float], zeroPoints: [Int32], scales: [Float], groupSums: [Int64],
                           accumulator: IntegerAccumulator, vnni: Bool) {
        let (height, width) = (rows.count, cols.count)
        let dots = UnsafeMutablePointer<Int32>.allocate(capacity: height * width)
        let y = UnsafeMutablePointer<Float>.allocate(capacity: height * width)
        defer { dots.deallocate(); y.deallocate() }
        y.initialize(repeating: 0, count: height * width)
        // d_g = acc_g − z_g·A_g in the register: wrapping arithmetic is arithmetic modulo
        // 2^bits, so it is formed modulo 2^32 in Int32 and sign-extended from `bits` once
        // (the register's bits, as reducing after every step would give).
        let shift = Int32(32 - accumulator.bits)
        zeroPoints.withUnsafeBufferPointer { zp in
        scales.withUnsafeBufferPointer { sp in
            for g in 0..<groups {
                let start = g * groupSize, length = min(groupSize, k - start)
                qarch_int8_dot_tile(a + rows.lowerBound * k + start, Int64(k), w + cols.lowerBound * k + start, Int64(k),
                                    Int64(length), Int64(height), Int64(width), dots, Int64(width), vnni ? 1 : 0)
                let z = zp.baseAddress! + g * n + cols.lowerBound, s = sp.baseAddress! + g * n + cols.lowerBound
                for (i, r) in rows.enumerated() {
                    let sum = Int32(truncatingIfNeeded: groupSums[r * groups + g])
                    let dotRow = dots + i * width, yRow = y + i * width
                    for j in 0..<width {
                        let d = ((dotRow[j] &- z[j] &* sum) &<< shift) &>> shift
                        yRow[j] = yRow[j] + s[j] * Float(d)
                    }
                }
            }
        }
        }
        for (i, r) in rows.enumerated() {
            for (j, c) in cols.enumerated() { out[r * n + c] = (rowScales[r] * y[i * width + j]).bitPattern }
        }
    }

    /// One group's accumulator, summed in `order`'s chunks (`a` and `w` point at the row and
    /// column; `range` indexes k).
    @inline(__always)
    static func groupSum(_ a: UnsafePointer<Int8>, _ w: UnsafePointer<Int8>, _ range: Range<Int>,
                         _ order: AccumulationOrder, _ acc: IntegerAccumulator) -> Int64 {
        if acc.overflow == .wrap && acc.bits <= 32 {
            // Wrap-around addition is associative modulo 2^bits, and 2^bits divides 2^32:
            // 32-bit wrapping sums give the same register bits and vectorize well.
            var s: Int32 = 0
            for kk in range { s &+= Int32(a[kk]) &* Int32(w[kk]) }
            return acc.reduce(Int64(s))
        }
        if acc.overflow == .wrap {
            // Wrap-around addition is associative modulo 2^bits.
            var s: Int64 = 0
            for kk in range { s &+= Int64(a[kk]) &* Int64(w[kk]) }
            return acc.reduce(s)
        }
        var total: Int64 = 0
        for chunk in order.chunks(of: range) {
            var partial: Int64 = 0
            for kk in chunk { partial = acc.add(partial, Int64(a[kk]) * Int64(w[kk])) }
            total = acc.add(total, partial)
        }
        return total
    }

    /// Actions of the activation sums and the per-group dequantization epilogue.
    static func epilogueCounts(m: Int, k: Int, n: Int, groups: Int, accumulator: IntegerAccumulator) -> ActionCounts {
        var counts = ActionCounts()
        counts.record(Action(.intAdd, bits: 16), m * k)                          // A_g sums, shared by columns
        counts.record(Action(.intMul, bits: 16), m * n * groups)                 // z_g·A_g
        counts.record(Action(.intAdd, bits: accumulator.bits), m * n * groups)   // acc_g − z_g·A_g
        counts.record(Action(.convert, bits: 32), m * n * groups)
        counts.record(Action(.fpMul, bits: 32), m * n * (groups + 1))
        counts.record(Action(.fpAdd, bits: 32), m * n * groups)
        counts.record(Action(.regRead, bits: 8), m * n * k)
        return counts
    }
}
