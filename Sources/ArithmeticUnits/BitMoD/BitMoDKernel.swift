import CSIMD
import NumberFormats

enum BitMoDKernel {
    static let lanes = 4
    /// The exponent of the datapath's LSB: FP16 bias 15, 10 fraction bits, 3 guard bits.
    static let lsbBias = 28

    static func gemm(_ ops: BitMoDOperands, mode: BitMoDMode, order: AccumulationOrder) -> (bits: [UInt32], counts: ActionCounts) {
        switch mode {
        case .functional: return functional(ops, order: order, simd: SIMDKernels.fma)
        case .rtl: return rtl(ops)
        }
    }

    /// Functional mode: each product fused into the FP32 partial sum of its chunk
    /// (`FP32FusedMultiplyAdd`, equal to `addingProduct`), four columns at a time so that
    /// their independent sums overlap; the same steps as `functionalReference`. With `simd`
    /// (AVX2 + FMA present, `SIMDKernels.fma`), blocks of 4 rows × 16 columns run in
    /// `qarch_fp32_fma_block` (`CSIMD`: the hardware's IEEE FMA, same order), the rest here;
    /// a NaN in the SIMD blocks (whose payload the hardware may pick differently) sends the
    /// whole GEMM down the scalar path.
    static func functional(_ ops: BitMoDOperands, order: AccumulationOrder, simd: Bool) -> (bits: [UInt32], counts: ActionCounts) {
        var out = [UInt32](repeating: 0, count: ops.m * ops.n)
        var wDeq = [Float](repeating: 0, count: ops.k * ops.n)   // N×K
        for c in 0..<ops.n { for kk in 0..<ops.k { wDeq[c * ops.k + kk] = ops.dequantizedWeight(k: kk, column: c) } }
        let chunks = order.chunks(of: 0..<ops.k)
        let (k, n) = (ops.k, ops.n)
        // Rows below `simdRows` have their columns below `simdColumns` from the SIMD blocks.
        var (simdRows, simdColumns) = simd ? (ops.m / 4 * 4, n / 16 * 16) : (0, 0)
        if simdRows > 0 && simdColumns > 0 {
            var wKN = [Float](repeating: 0, count: k * n)
            for c in 0..<n { for kk in 0..<k { wKN[kk * n + c] = wDeq[c * k + kk] } }
            let ends = chunks.map { Int64($0.upperBound) }
            var blocks = [Float](repeating: 0, count: ops.m * n)
            ops.activations.withUnsafeBufferPointer { ap in
                wKN.withUnsafeBufferPointer { wp in
                    blocks.withUnsafeMutableBufferPointer { bp in
                        for r in stride(from: 0, to: simdRows, by: 4) {
                            for c in stride(from: 0, to: simdColumns, by: 16) {
                                qarch_fp32_fma_block(ap.baseAddress! + r * k, Int64(k), wp.baseAddress! + c, Int64(n),
                                                     ends, Int64(ends.count), bp.baseAddress! + r * n + c, Int64(n))
                            }
                        }
                    }
                }
            }
            var nan = false
            for r in 0..<simdRows { for c in 0..<simdColumns { nan = nan || blocks[r * n + c].isNaN; out[r * n + c] = blocks[r * n + c].bitPattern } }
            if nan { (simdRows, simdColumns) = (0, 0) }
        } else {
            (simdRows, simdColumns) = (0, 0)
        }
        wDeq.withUnsafeBufferPointer { wp in
            ops.activations.withUnsafeBufferPointer { ap in
                out.withUnsafeMutableBufferPointer { op in
                    for r in 0..<ops.m {
                        let a = ap.baseAddress! + r * k
                        var c = r < simdRows ? simdColumns : 0
                        // Eight columns at a time: each column's sum is its own chain of fused
                        // multiply-adds, and eight independent chains hide their latency.
                        while c + 8 <= n {
                            let w0 = wp.baseAddress! + c * k, w1 = w0 + k, w2 = w1 + k, w3 = w2 + k
                            let w4 = w3 + k, w5 = w4 + k, w6 = w5 + k, w7 = w6 + k
                            var acc0: Float = 0, acc1: Float = 0, acc2: Float = 0, acc3: Float = 0
                            var acc4: Float = 0, acc5: Float = 0, acc6: Float = 0, acc7: Float = 0
                            for chunk in chunks {
                                var p0: Float = 0, p1: Float = 0, p2: Float = 0, p3: Float = 0
                                var p4: Float = 0, p5: Float = 0, p6: Float = 0, p7: Float = 0
                                for kk in chunk {
                                    let x = a[kk]
                                    p0 = FP32FusedMultiplyAdd.fused(x, w0[kk], p0)
                                    p1 = FP32FusedMultiplyAdd.fused(x, w1[kk], p1)
                                    p2 = FP32FusedMultiplyAdd.fused(x, w2[kk], p2)
                                    p3 = FP32FusedMultiplyAdd.fused(x, w3[kk], p3)
                                    p4 = FP32FusedMultiplyAdd.fused(x, w4[kk], p4)
                                    p5 = FP32FusedMultiplyAdd.fused(x, w5[kk], p5)
                                    p6 = FP32FusedMultiplyAdd.fused(x, w6[kk], p6)
                                    p7 = FP32FusedMultiplyAdd.fused(x, w7[kk], p7)
                                }
                                acc0 = acc0 + p0; acc1 = acc1 + p1; acc2 = acc2 + p2; acc3 = acc3 + p3
                                acc4 = acc4 + p4; acc5 = acc5 + p5; acc6 = acc6 + p6; acc7 = acc7 + p7
                            }
                            let o = r * n + c
                            op[o] = acc0.bitPattern; op[o + 1] = acc1.bitPattern; op[o + 2] = acc2.bitPattern; op[o + 3] = acc3.bitPattern
                            op[o + 4] = acc4.bitPattern; op[o + 5] = acc5.bitPattern; op[o + 6] = acc6.bitPattern; op[o + 7] = acc7.bitPattern
                            c += 8
                        }
                        while c + 4 <= n {
                            let w0 = wp.baseAddress! + c * k, w1 = w0 + k, w2 = w1 + k, w3 = w2 + k
                            var acc0: Float = 0, acc1: Float = 0, acc2: Float = 0, acc3: Float = 0
                            for chunk in chunks {
                                var p0: Float = 0, p1: Float = 0, p2: Float = 0, p3: Float = 0
                                for kk in chunk {
                                    let x = a[kk]
                                    p0 = FP32FusedMultiplyAdd.fused(x, w0[kk], p0)
                                    p1 = FP32FusedMultiplyAdd.fused(x, w1[kk], p1)
                                    p2 = FP32FusedMultiplyAdd.fused(x, w2[kk], p2)
                                    p3 = FP32FusedMultiplyAdd.fused(x, w3[kk], p3)
                                }
                                acc0 = acc0 + p0; acc1 = acc1 + p1; acc2 = acc2 + p2; acc3 = acc3 + p3
                            }
                            op[r * n + c] = acc0.bitPattern; op[r * n + c + 1] = acc1.bitPattern
                            op[r * n + c + 2] = acc2.bitPattern; op[r * n + c + 3] = acc3.bitPattern
                            c += 4
                        }
                        while c < n {
                            let w = wp.baseAddress! + c * k
                            var acc: Float = 0
                            for chunk in chunks {
                                var partial: Float = 0
                                for kk in chunk { partial = FP32FusedMultiplyAdd.fused(a[kk], w[kk], partial) }
                                acc = acc + partial
                            }
                            op[r * n + c] = acc.bitPattern
                            c += 1
                        }
                    }
                }
            }
        }
        return (out, functionalCounts(ops))
    }

    /// Functional mode computes with exact dequantized weights, but the hardware is the same
    /// bit-serial PE, so it counts the `rtl` datapath's actions (the mode picks the numerics,
    /// not the circuit the cost model prices).
    static func functionalCounts(_ ops: BitMoDOperands) -> ActionCounts {
        rtlCounts(ops, steps: BitMoDRTLFastKernel.steps(ops))
    }

    /// The reference model of functional mode: one `addingProduct` per product, K in `order`.
    static func functionalReference(_ ops: BitMoDOperands, order: AccumulationOrder) -> (bits: [UInt32], counts: ActionCounts) {
        var out = [UInt32](repeating: 0, count: ops.m * ops.n)
        var wDeq = [Float](repeating: 0, count: ops.k * ops.n)   // N×K
        for c in 0..<ops.n { for kk in 0..<ops.k { wDeq[c * ops.k + kk] = ops.dequantizedWeight(k: kk, column: c) } }
        let chunks = order.chunks(of: 0..<ops.k)
        for r in 0..<ops.m {
            for c in 0..<ops.n {
                var acc: Float = 0
                for chunk in chunks {
                    var partial: Float = 0
                    for kk in chunk { partial = partial.addingProduct(ops.activations[r * ops.k + kk], wDeq[c * ops.k + kk]) }
                    acc = acc + partial
                }
                out[r * ops.n + c] = acc.bitPattern
            }
        }
        return (out, functionalCounts(ops))
    }

    /// `rtl` mode: `BitMoDRTLFastKernel` where it applies (FP4, FP3 weights), else the reference.
    static func rtl(_ ops: BitMoDOperands) -> (bits: [UInt32], counts: ActionCounts) {
        if let bits = BitMoDRTLFastKernel.gemm(ops) { return (bits, rtlCounts(ops, steps: BitMoDRTLFastKernel.steps(ops))) }
        return rtlReference(ops)
    }

    /// The reference model of `rtl` mode: `BitMoDRTLDatapath` cycle by cycle.
    static func rtlReference(_ ops: BitMoDOperands) -> (bits: [UInt32], counts: ActionCounts) {
        var out = [UInt32](repeating: 0, count: ops.m * ops.n)
        let cycles = ops.kind.cycles
        // Decode every weight to its terms once.
        var terms = [[BitMoDTerms.Term]](repeating: [], count: ops.k * ops.n)
        for i in 0..<(ops.k * ops.n) {
            let v = Int(ops.weightValuesNK[i])
            switch ops.kind {
            case .int(let b): terms[i] = BitMoDTerms.booth(v, bits: b)
            case .fp4, .fp3: terms[i] = BitMoDTerms.magnitude(abs(v), negative: v < 0, cycles: cycles)
            }
        }
        var steps = 0
        for r in 0..<ops.m {
            let aRow = r * ops.k
            let decoded: [(Bool, Int, Int)] = (0..<ops.k).map { fp16Fields(ops.activations[aRow + $0]) }
            for c in 0..<ops.n {
                var y: Float = 0
                for g in 0..<ops.groupCount {
                    let start = g * ops.groupSize, end = min((g + 1) * ops.groupSize, ops.k)
                    var acc = BitMoDRTLDatapath.Accumulator()
                    var k0 = start
                    while k0 < end {
                        for cycle in 0..<cycles {
                            var laneOps: [BitMoDRTLDatapath.Lane] = []
                            laneOps.reserveCapacity(lanes)
                            var bsig = 0
                            for i in 0..<lanes {
                                guard k0 + i < end else {
                                    laneOps.append(.init(aNegative: false, aExponent: 0, aSignificand: 0, term: .zero))
                                    continue
                                }
                                let (neg, e, s) = decoded[k0 + i]
                                let term = terms[c * ops.k + k0 + i][cycle]
                                bsig = term.bsig
                                laneOps.append(.init(aNegative: neg, aExponent: e, aSignificand: s, term: term))
                            }
                            let (psum, pExp) = BitMoDRTLDatapath.partialSum(laneOps)
                            acc = BitMoDRTLDatapath.accumulate(acc, psum: psum, psumExponent: pExp, bsig: bsig)
                            steps += 1
                        }
                        k0 += lanes
                    }
                    let scaled = BitMoDRTLDatapath.dequantize(mantissa: acc.mantissa, scale: Int(ops.groupScales[g * ops.n + c]))
                    let t = Float(sign: .plus, exponent: acc.exponent - lsbBias + ops.kind.unitExponent, significand: Float(scaled))
                    y = y + t * ops.channelScales[g * ops.n + c]
                }
                out[r * ops.n + c] = y.bitPattern
            }
        }
        return (out, rtlCounts(ops, steps: steps))
    }

    /// The action counts of an `rtl` GEMM of `steps` accumulator cycles.
    static func rtlCounts(_ ops: BitMoDOperands, steps: Int) -> ActionCounts {
        var counts = ActionCounts()
        // Exponent adds, max tree, alignment shifts, negation and adder tree: one cycle of the
        // lane datapath, characterized whole (Characterize's `bitmod-dot4`).
        counts.record(Action(.bitSerialDot, bits: lanes), steps)
        counts.record(Action(.shift, bits: 23), steps * 2)                         // bsig and accumulator shifts
        counts.record(Action(.intAdd, bits: 23), steps)                            // accumulate
        counts.record(Action(.regWrite, bits: 21), steps)                          // accumulator register
        let groupsTotal = ops.m * ops.n * ops.groupCount
        counts.record(Action(.intAdd, bits: 21), groupsTotal * 8)                  // bit-serial dequant
        counts.record(Action(.fpMul, bits: 32), groupsTotal)
        counts.record(Action(.fpAdd, bits: 32), groupsTotal)
        return counts
    }

    /// Sign, biased exponent (1 for subnormals) and 11-bit significand of an FP16 value.
    static func fp16Fields(_ a: Float) -> (Bool, Int, Int) {
        let code = ElementFormat.fp16.encode(Double(a), rule: .nearestEven, overflow: .infinity)
        let negative = code & 0x8000 != 0
        let field = Int((code >> 10) & 0x1F)
        let fraction = Int(code & 0x3FF)
        return field == 0 ? (negative, 1, fraction) : (negative, field, fraction | 0x400)
    }
}
