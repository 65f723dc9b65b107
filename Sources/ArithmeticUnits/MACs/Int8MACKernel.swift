/// The INT8×INT8→INT32 MAC baseline: the grouped integer GEMM with a multiplier per MAC
/// (per-channel weights are one group spanning K).
enum Int8MACKernel {
    static func gemm(m: Int, k: Int, n: Int, groupSize: Int, activations: [Int8], rowScales: [Float], weightsNK: [Int8],
                     zeroPoints: [Int32], scales: [Float], order: AccumulationOrder,
                     accumulator: IntegerAccumulator) -> (bits: [UInt32], counts: ActionCounts) {
        let bits = GroupedIntegerKernel.gemm(m: m, k: k, n: n, groupSize: groupSize, activations: activations,
                                             rowScales: rowScales, weightsNK: weightsNK, zeroPoints: zeroPoints,
                                             scales: scales, order: order, accumulator: accumulator)
        var counts = GroupedIntegerKernel.epilogueCounts(m: m, k: k, n: n, groups: (k + groupSize - 1) / groupSize,
                                                         accumulator: accumulator)
        counts.record(Action(.intMul, bits: 8), m * n * k)
        counts.record(Action(.intAdd, bits: accumulator.bits), m * n * k)
        counts.record(Action(.regRead, bits: 8), m * n * k)
        counts.record(Action(.regWrite, bits: accumulator.bits), m * n * k)
        return (bits, counts)
    }
}
