import NumberFormats

/// The MixPE datapath (ArithmeticUnits/README.md, "MixPE"): shift-and-add products, per-group
/// accumulation, and dequantization once per group after the group's GEMM.
enum MixPEKernel {
    /// W4A8: the grouped integer GEMM (`GroupedIntegerKernel`) with shift-and-add products.
    static func w4a8(_ ops: MixPEOperands, codes: [Int8], rowScales: [Float], order: AccumulationOrder,
                     accumulator: IntegerAccumulator) -> (bits: [UInt32], counts: ActionCounts) {
        let bits = GroupedIntegerKernel.gemm(m: ops.m, k: ops.k, n: ops.n, groupSize: ops.groupSize, activations: codes,
                                             rowScales: rowScales, weightsNK: ops.weightCodesNK, zeroPoints: ops.zeroPoints,
                                             scales: ops.scales, order: order, accumulator: accumulator)
        var shifts = 0, partialAdds = 0, accAdds = 0
        // Shift-add cost depends only on the weights: count once per column, times M.
        for w in ops.weightCodesNK {
            let r = ShiftAddMultiplier.multiply(activation: 1, weight: UInt8(truncatingIfNeeded: w))
            shifts += r.shifts
            partialAdds += r.adds
            accAdds += w == 0 ? 0 : 1
        }
        shifts *= ops.m; partialAdds *= ops.m; accAdds *= ops.m
        var counts = GroupedIntegerKernel.epilogueCounts(m: ops.m, k: ops.k, n: ops.n, groups: ops.groupCount, accumulator: accumulator)
        counts.record(Action(.shift, bits: 8), shifts)
        counts.record(Action(.intAdd, bits: 12), partialAdds)
        counts.record(Action(.intAdd, bits: accumulator.bits), accAdds)
        counts.record(Action(.regRead, bits: 4), ops.m * ops.n * ops.k)
        counts.record(Action(.regWrite, bits: accumulator.bits), accAdds)
        return (bits, counts)
    }

    /// W4A16: exact products a·q (an FP16 significand times a 4-bit integer fits FP32), FP32
    /// group accumulation in `order` (RNE), the FP32 activation sum A_g likewise, then
    /// `d_g = acc_g − z_g·A_g`, `y ← y + s_g·d_g` in FP32, groups in order.
    static func w4a16(_ ops: MixPEOperands, values: [Float], order: AccumulationOrder) -> (bits: [UInt32], counts: ActionCounts) {
        var out = [UInt32](repeating: 0, count: ops.m * ops.n)
        let groups = ops.groupCount
        var groupSums = [Float](repeating: 0, count: ops.m * groups)
        var shifts = 0, accAdds = 0
        for r in 0..<ops.m {
            for g in 0..<groups {
                let range = (g * ops.groupSize)..<min((g + 1) * ops.groupSize, ops.k)
                var total: Float = 0
                for chunk in order.chunks(of: range) {
                    var partial: Float = 0
                    for kk in chunk { partial = partial + values[r * ops.k + kk] }
                    total = total + partial
                }
                groupSums[r * groups + g] = total
            }
        }
        for c in 0..<ops.n {
            for kk in 0..<ops.k {
                let w = ops.weightCodesNK[c * ops.k + kk]
                shifts += w.nonzeroBitCount
                accAdds += w == 0 ? 0 : 1
            }
        }
        shifts *= ops.m; accAdds *= ops.m
        // The same sums as one column at a time, four columns together (independent chains
        // overlap), with each group's chunks cut once and the weight codes as Float.
        let groupChunks = (0..<groups).map { g in order.chunks(of: (g * ops.groupSize)..<min((g + 1) * ops.groupSize, ops.k)) }
        let weights = ops.weightCodesNK.map { Float($0) }
        let (k, n) = (ops.k, ops.n)
        weights.withUnsafeBufferPointer { wp in
            values.withUnsafeBufferPointer { vp in
                for r in 0..<ops.m {
                    let a = vp.baseAddress! + r * k
                    var c = 0
                    while c < n {
                        let columns = min(n - c, 4)
                        let w0 = wp.baseAddress! + c * k
                        let w1 = columns > 1 ? w0 + k : w0, w2 = columns > 2 ? w0 + 2 * k : w0, w3 = columns > 3 ? w0 + 3 * k : w0
                        var y: (Float, Float, Float, Float) = (0, 0, 0, 0)
                        for g in 0..<groups {
                            var acc: (Float, Float, Float, Float) = (0, 0, 0, 0)
                            for chunk in groupChunks[g] {
                                var p0: Float = 0, p1: Float = 0, p2: Float = 0, p3: Float = 0
                                for kk in chunk {
                                    let x = a[kk]
                                    p0 = p0 + x * w0[kk]; p1 = p1 + x * w1[kk]; p2 = p2 + x * w2[kk]; p3 = p3 + x * w3[kk]
                                }
                                acc = (acc.0 + p0, acc.1 + p1, acc.2 + p2, acc.3 + p3)
                            }
                            let sum = groupSums[r * groups + g]
                            @inline(__always) func epilogue(_ y: Float, _ acc: Float, _ j: Int) -> Float {
                                let zIndex = g * n + c + min(j, columns - 1)
                                let t = Float(ops.zeroPoints[zIndex]) * sum
                                let d = acc - t
                                return y + ops.scales[zIndex] * d
                            }
                            y = (epilogue(y.0, acc.0, 0), epilogue(y.1, acc.1, 1), epilogue(y.2, acc.2, 2), epilogue(y.3, acc.3, 3))
                        }
                        out[r * n + c] = y.0.bitPattern
                        if columns > 1 { out[r * n + c + 1] = y.1.bitPattern }
                        if columns > 2 { out[r * n + c + 2] = y.2.bitPattern }
                        if columns > 3 { out[r * n + c + 3] = y.3.bitPattern }
                        c += columns
                    }
                }
            }
        }
        var counts = ActionCounts()
        // Shifting an FP16 operand by 2^j is an exponent add; each set weight bit is one term.
        counts.record(Action(.shift, bits: 16), shifts)
        counts.record(Action(.fpAdd, bits: 32), accAdds + ops.m * ops.k + 2 * ops.m * ops.n * groups)   // accumulates, A_g sums, d and y
        counts.record(Action(.fpMul, bits: 32), 2 * ops.m * ops.n * groups)
        counts.record(Action(.regRead, bits: 16), ops.m * ops.n * ops.k)
        counts.record(Action(.regRead, bits: 4), ops.m * ops.n * ops.k)
        counts.record(Action(.regWrite, bits: 32), accAdds)
        return (out, counts)
    }
}
