import Testing
@testable import ArithmeticUnits
import NumberFormats

/// What BitMoD's PE reports to the cost model: the bit-serial datapath's actions, the same
/// for both value modes (the mode picks the numerics, not the hardware).
@Suite struct BitMoDActionCountTests {
    @Test func bothModesCountTheBitSerialDatapath() {
        // M = 2, K = 300 (groups of 128, 128, 44), N = 3: quads 32 + 32 + 11 = 75 per output,
        // 2 cycles each for FP4 → 2 · 3 · 75 · 2 = 900 lane-datapath cycles.
        let ops = BitMoDFastKernelTests.fp4Operands(m: 2, k: 300, n: 3, g: 128, seed: 4, finite: true)
        let functional = BitMoDKernel.gemm(ops, mode: .functional, order: .sequential).counts
        let rtl = BitMoDKernel.gemm(ops, mode: .rtl, order: .sequential).counts
        #expect(functional == rtl)
        #expect(rtl[Action(.bitSerialDot, bits: 4)] == 900)
        #expect(rtl[Action(.intAdd, bits: 23)] == 900)          // the group accumulator, once per cycle
        #expect(rtl[Action(.fpMul, bits: 32)] == 2 * 3 * 3)     // one dequantization per (row, column, group)
        #expect(rtl[Action(.fpFMA, bits: 32)] == 0)
    }
}
