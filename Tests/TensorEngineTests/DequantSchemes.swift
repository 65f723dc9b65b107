import TensorEngine

/// The dequantization schemes of the published units as fixed engine inputs (in the model
/// each unit kind describes its own, DesignModel's `UnitKind.dequantTraffic`):
/// MixPE (FP16 scale, uint4 zero point, INT32 activation sum and accumulator per output
/// group), LUT Tensor Core (a B-bit zero point) and BitMoD (an 8-bit scale per weight group
/// and pass).
extension DequantTraffic.Scheme {
    static func mixpe(groupSize: Int = 128, accumulatorBits: Int = 32) -> DequantTraffic.Scheme {
        DequantTraffic.Scheme(groupSize: groupSize, scaleBits: 16, zeroBits: 4, activationSumBits: 32,
                              accumulatorBits: accumulatorBits, granularity: .perOutputGroup)
    }

    static func lutTensorCore(groupSize: Int = 128, weightBits: Int) -> DequantTraffic.Scheme {
        DequantTraffic.Scheme(groupSize: groupSize, scaleBits: 16, zeroBits: weightBits, activationSumBits: 32,
                              accumulatorBits: 32, granularity: .perOutputGroup)
    }

    static func bitmod(groupSize: Int = 128) -> DequantTraffic.Scheme {
        DequantTraffic.Scheme(groupSize: groupSize, scaleBits: 8, zeroBits: 0, activationSumBits: 0, accumulatorBits: 0,
                              granularity: .perWeightGroupPerPass)
    }
}
