import NumberFormats

/// The floating-point MAC datapaths: exact products, FP32 accumulation in `order`, then
/// `y = s_row·(s_col·acc)` in FP32 when scales are present, and optionally a final
/// conversion to `outputFormat` (e.g. HiF8 with ties away).
enum FloatMACKernels {
    static func gemm(_ ops: FloatMACOperands, order: AccumulationOrder, productBits: Int,
                     outputFormat: ElementFormat) -> (bits: [UInt32], counts: ActionCounts) {
        let acc = FP32AccumulationKernel.gemm(a: ops.activations, bNK: ops.weightsNK, m: ops.m, k: ops.k, n: ops.n, order: order)
        return finish(ops, accumulators: acc, order: order, productBits: productBits, outputFormat: outputFormat)
    }

    /// The epilogue (scales, output format) and action counts of a GEMM whose FP32
    /// accumulators were computed in `order`.
    static func finish(_ ops: FloatMACOperands, accumulators: [Float], order: AccumulationOrder, productBits: Int,
                       outputFormat: ElementFormat) -> (bits: [UInt32], counts: ActionCounts) {
        var acc = accumulators
        var scaleMuls = 0
        for r in 0..<ops.m {
            for c in 0..<ops.n {
                var y = acc[r * ops.n + c]
                if !ops.columnScales.isEmpty { y = ops.columnScales[c] * y; scaleMuls += 1 }
                if !ops.rowScales.isEmpty { y = ops.rowScales[r] * y; scaleMuls += 1 }
                acc[r * ops.n + c] = y
            }
        }
        let bits: [UInt32]
        if outputFormat == .fp32 {
            bits = acc.map(\.bitPattern)
        } else {
            bits = acc.map { outputFormat.encode(Double($0)) }
        }
        var counts = ActionCounts()
        let macs = ops.m * ops.n * ops.k
        counts.record(Action(.fpMul, bits: productBits), macs)
        counts.record(Action(.fpAdd, bits: 32), macs + max(order.chunks(of: 0..<ops.k).count - 1, 0) * ops.m * ops.n)
        counts.record(Action(.fpMul, bits: 32), scaleMuls)
        counts.record(Action(.regRead, bits: productBits), 2 * macs)
        counts.record(Action(.regWrite, bits: 32), macs)
        if outputFormat != .fp32 { counts.record(Action(.convert, bits: outputFormat.bits), ops.m * ops.n) }
        return (bits, counts)
    }
}
