import Testing
import ArithmeticUnits
import NumberFormats

/// `UnitResult.values` widens FP32 codes through `Float`; that must be `decode`'s value, bit
/// for bit, on seeded codes and on every special (±0, ±∞, subnormals, NaNs).
@Suite struct UnitResultValuesTests {
    @Test func fp32WideningMatchesDecode() {
        var rng = SplitMix64(seed: 0xF32)
        var bits: [UInt32] = [0, 0x8000_0000, 0x7F80_0000, 0xFF80_0000, 0x7FC0_0000, 0xFFC0_0001, 0x7F80_0001, 1, 0x8000_0001,
                              0x007F_FFFF, 0x7F7F_FFFF, 0x3FC0_0000]
        for _ in 0..<4000 { bits.append(UInt32(truncatingIfNeeded: rng.next())) }
        let r = UnitResult(rows: 1, cols: bits.count, outputFormat: .fp32, bits: bits, actions: ActionCounts(),
                           timing: UnitTiming(latency: 1, initiationInterval: 1, macsPerOperation: 1))
        #expect(r.values.storage.map(\.bitPattern) == bits.map { ElementFormat.fp32.decode($0).bitPattern })
        #expect(r.values[0, 11] == 1.5)
        // `decoder` (a streamed run's lazy decoding) gives the same bits, for FP32 and another format.
        #expect(bits.map(r.decoder).map(\.bitPattern) == r.values.storage.map(\.bitPattern))
        let fp16 = UnitResult(rows: 1, cols: 3, outputFormat: .fp16, bits: [0x3C00, 0x7E00, 0x8001], actions: ActionCounts(),
                              timing: r.timing)
        #expect([0x3C00, 0x7E00, 0x8001].map(fp16.decoder).map(\.bitPattern) == fp16.values.storage.map(\.bitPattern))
    }
}
