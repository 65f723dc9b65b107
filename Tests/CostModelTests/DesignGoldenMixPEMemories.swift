import Foundation
import NumberFormats
import Workloads
@testable import CostModel

/// Golden entries of the 500 MHz designs with the MixPE artifact's memories
/// (numeric-units.md §3.3): WBUF 128 KiB (32 banks × 512 b), ACT 256 KiB (32 × 512 b),
/// OUT 128 KiB (1024 × 32 b), and DRAM at 128 B/cycle, 0.644304 pJ/bit read,
/// 0.784104 pJ/bit write.
///
/// Shared by hand (CACTI 28 nm, `Hand`):
/// - wbuf: 32 banks of 4 kB: per 512-bit access 8 × the 4 kB fit (read 8·kB4r, write
///   8·kB4w); area 32·kB4a mm²; leakage 32·kB4l mW.
/// - act: 32 banks of 8 kB (the 8 kB point): read 8·3.32 = 26.56, write 8·3.85 = 30.8 pJ;
///   area 32·0.0238 mm²; leakage 32·5.9 = 188.8 mW.
/// - obuf: 1024 banks of 0.125 kB: per 32-bit access ½ × the 0.125 kB fit; area
///   1024·kB0125a mm²; leakage 1024·kB0125l mW.
/// - one cycle is 2 ns: sram_leakage = (Σ leakage mW) × 2 × cycles pJ.
/// - outputs: 64 FP32 (INT8: its FP32 outputs) = 256 B written; C words in obuf: the
///   array's 64 accumulator writes and the 64 reads of the write-back (256 B · 8 / 32 each).
extension DesignGoldenTotalsTests {
    static let wbufRead = 8 * Hand.kB4r, wbufWrite = 8 * Hand.kB4w
    static let actRead = 8 * 3.32, actWrite = 8 * 3.85
    static let obufRead = Hand.kB0125r / 2, obufWrite = Hand.kB0125w / 2
    static let mixpeMemoryArea = (32 * Hand.kB4a + 32 * 0.0238 + 1024 * Hand.kB0125a) * 1e6
    static let mixpeMemoryLeakMW = 32 * Hand.kB4l + 32 * 5.9 + 1024 * Hand.kB0125l
    static func mixpeDRAM(read: Double, write: Double) -> Double { read * 8 * 0.644304 + write * 8 * 0.784104 }

    /// Weight-dependent action counts of the MixPE PE on the representative GEMM (M = 2,
    /// K = 256, N = the array's `n` columns, `SyntheticData.weights(k: 256, n: n, seed: 2)`,
    /// uint4 asymmetric, G = 128), counted here from the codes by the datapath's rules
    /// (numeric-units.md §3.2): a weight w multiplies by one shifted copy of the activation
    /// per set bit; W4A8 shifts the copies of bits 1…3 and adds popcount − 1 partial
    /// products; a non-zero weight costs one accumulate. Each count is per weight, × M = 2 rows.
    static func mixpeWeightCounts(n: Int) throws -> (shiftsW4A8: Int, partialAdds: Int, popcount: Int, nonzero: Int) {
        let b = SyntheticData.weights(k: 256, n: n, seed: 2)
        let w = try WeightQuantizer.asymmetric(b.storage, k: 256, n: n, bits: 4, groupSize: 128)
        var shifts = 0, adds = 0, pop = 0, nonzero = 0
        for code in w.codes {
            let c = Int(code) & 0xF
            pop += c.nonzeroBitCount
            shifts += (c & 0b1110).nonzeroBitCount
            adds += max(c.nonzeroBitCount - 1, 0)
            nonzero += c == 0 ? 0 : 1
        }
        return (2 * shifts, 2 * adds, 2 * pop, 2 * nonzero)
    }

    static var goldenMixPEMemories: [String: Golden] {
        var g: [String: Golden] = [:]
        let memories = { (wbuf: (Double, Double), act: (Double, Double), obuf: (Double, Double)) -> [String: Double] in
            ["wbuf": wbuf.0 * wbufRead + wbuf.1 * wbufWrite, "act": act.0 * actRead + act.1 * actWrite,
             "obuf": obuf.0 * obufRead + obuf.1 * obufWrite]
        }

        // fp16-systolic: 32×28, T = 256, W = 256 + 31 + 27 = 314, compute 314 + 32 = 346.
        // A 4·256·2 = 2048 B + B 256·16·2 = 8192 B: D = ⌈10240/128⌉ = 80 → 426. act:
        // 2048·8/512 = 32 words each way; wbuf: 8192·8/512 = 128 each way. PE override 2.066 =
        // the MixPE (16,16) row: dynamic on 896 PEs × 346 compute cycles, leakage on 896 ×
        // 426 cycles. Area 896 × 1968.7.
        g["fp16-systolic.json"] = Golden(
            cycles: 426, peDynamic: 896 * 346 * Hand.fp16Dyn, peLeakage: 896 * 426 * Hand.fp16Leak,
            memories: memories((128, 128), (32, 32), (64, 64)),
            sramLeakage: mixpeMemoryLeakMW * 2 * 426, dram: mixpeDRAM(read: 10240, write: 256),
            area: 896 * 1968.7 + mixpeMemoryArea)

        // w4a16-dequant-fp16: as fp16-systolic with B 4096·532/1024 = 2128 B:
        // D = ⌈(2048 + 2128)/128⌉ = 33 → 379; wbuf ⌈2128·8/512⌉ = 34 words each way.
        g["w4a16-dequant-fp16.json"] = Golden(
            cycles: 379, peDynamic: 896 * 346 * Hand.fp16Dyn, peLeakage: 896 * 379 * Hand.fp16Leak,
            memories: memories((34, 34), (32, 32), (64, 64)),
            sramLeakage: mixpeMemoryLeakMW * 2 * 379, dram: mixpeDRAM(read: 4176, write: 256),
            area: 896 * 1968.7 + mixpeMemoryArea)

        // int8-systolic: 32×32, compute 350. A 1024 B + B 4096 B: D = 40 → 390.
        // act 16, wbuf 64 words each way. PE 0.689 = the MixPE (8,4) row. No PE area is
        // published, so it is the action area of the INT8 MAC: per-channel weights are one
        // group spanning K, so on 2×256×32 (16 384 MACs, 64 outputs) it reports the MAC's
        // int_mul8, int_add32, reg_read8 and reg_write32 (1 per MAC each) plus the grouped
        // epilogue: activation sums int_add16 m·k = 512, int_mul16 (z·A) 64, int_add32 64,
        // convert32 64, fp_mul32 m·n·2 = 128, fp_add32 64, reg_read8 16 384. Instances at
        // 1 MAC per cycle (`Hand.instances`): ⌈16448/16384⌉ = 2 int_add32 (137), 2 reg_read8
        // (18), one int_mul8 282 and reg_write32 68.5; the epilogue's units are shared:
        // int_add16 67 × 512/16384, int_mul16 √(282·3495) × 64/16384, convert32 137 ×
        // 64/16384, fp_mul32 7700 × 128/16384, fp_add32 4184 × 64/16384 (µm² at 45 nm).
        let int8Area = Hand.a28 * (282 + 2 * 137 + 2 * 18 + 68.5 + Hand.instances(512 / 16384) * 67
                                   + Hand.instances(64 / 16384) * (Hand.intMul16.a + 137 + 4184) + Hand.instances(128 / 16384) * 7700)
        g["int8-systolic.json"] = Golden(
            cycles: 390, peDynamic: 1024 * 350 * Hand.w4a8Dyn, peLeakage: 1024 * 390 * Hand.w4a8Leak,
            memories: memories((64, 64), (16, 16), (64, 64)),
            sramLeakage: mixpeMemoryLeakMW * 2 * 390, dram: mixpeDRAM(read: 5120, write: 256),
            area: 1024 * int8Area + mixpeMemoryArea)

        // int4-mac: 32×32, compute 350 (as int8-systolic). A 1024 B + B 4096 weights ×
        // (4·128 + 16)/128 bits = 2112 B: D = ⌈3136/128⌉ = 25 → 375. act 16 words each way;
        // wbuf 2112·8/512 = 33 each way + the epilogue's FP16 scales per (m, n, group), 128 ×
        // 2 B = 4 words → 37 reads; obuf 64 + 64 output words + 128 INT32 accumulator reads
        // and 128 writes (512 B = 128 words each): 192 each way (no zero point, no activation
        // sums). PE: `paper_pe` mixpe-w4a8 and no override: dynamic 0.27996 mW / 500 MHz =
        // 0.55992 pJ per cycle on 1024 PEs × 350 compute cycles, leakage 0.064314 mW /
        // 500 MHz per cycle × 375. No PE area is published: the action area on 2×256×32
        // (16 384 MACs; m·n·groups = 128, m·n = 64): int_mul8 282, int_add32 137, reg_read8
        // 18, reg_read4 9, reg_write32 68.5 (1 per MAC each), and shared fractions of
        // convert32 137 and fp_add32 4184 (128/16384) and fp_mul32 7700 (192/16384). The
        // design's (8,4) PE (`array.packing`) runs two 4-bit weights per cycle, so each rate r
        // per MAC is 2r per PE-cycle: two of each datapath part, twice the shared fractions,
        // and the lanes' steering: 1 mux12 per MAC (¼ of a 12-bit adder's 51.5) → 2.
        let int4Area = Hand.a28 * (2 * (282 + 137 + 18 + 9 + 68.5) + Hand.instances(2 * 128 / 16384) * (137 + 4184)
                                   + Hand.instances(2 * 192 / 16384) * 7700 + 2 * 51.5 / 4)
        g["int4-mac.json"] = Golden(
            cycles: 375, peDynamic: 1024 * 350 * 0.27996 * 1000 / 500, peLeakage: 1024 * 375 * 0.064314 * 1000 / 500,
            memories: memories((37, 33), (16, 16), (192, 192)),
            sramLeakage: mixpeMemoryLeakMW * 2 * 375, dram: mixpeDRAM(read: 3136, write: 256),
            area: 1024 * int4Area + mixpeMemoryArea)

        // MixPE area (no published PE area): `Hand.instances` of each action's uses per
        // PE-cycle on the representative 2×256×n GEMM, n = the array's columns (512·n MACs;
        // m·k = 512, m·n·groups = 4n). Both MixPE designs pack two weights per PE-cycle
        // (`array.packing`: the (8,4) and (16,8) PEs), so a use per MAC is two per PE-cycle,
        // and each lane product has its steering mux (product width a + w: mux12 = ¼ of the
        // 12-bit adder's 51.5, mux20 = ¼ of the 20-bit adder's 67 + 70·4/16 = 84.5).
        func up(_ x: Int, _ n: Int) -> Double { Hand.instances(2 * Double(x) / Double(512 * n)) }
        // W4A8 (n = 64): int_add16 (activation sums) 512/(512n) × 67; int_mul16 (z·A, 4n)
        // × √(282·3495); int_add32 (4n + nonzero) × 137; convert32 (4n) × 137; fp_mul32 (6n)
        // × 7700; fp_add32 (4n) × 4184; reg_read8 1 × 18; shift8 shifts × 36; int_add12
        // partial adds × 51.5 (linear between 8 and 16 b); reg_read4 1 × 9; reg_write32 1 ×
        // 68.5 (written on the 98.8 % of MACs with a nonzero weight), each per MAC, twice per
        // PE-cycle. (On these codes: shifts 1.498, partial adds 1.009 and accumulates 0.988
        // per MAC, so per PE-cycle 2.996, 2.018 and 1.99: 3 shifters, 3 12-bit adders, 2
        // 32-bit adders: the ceiling of a data-dependent average sits close to its edges.)
        let c8 = (try? mixpeWeightCounts(n: 64)) ?? (shiftsW4A8: 0, partialAdds: 0, popcount: 0, nonzero: 0)
        let w4a8Area = Hand.a28 * (up(512, 64) * 67 + up(4 * 64, 64) * Hand.intMul16.a + up(4 * 64 + c8.nonzero, 64) * 137
                                   + up(4 * 64, 64) * 137 + up(6 * 64, 64) * 7700 + up(4 * 64, 64) * 4184 + 2 * 18
                                   + up(c8.shiftsW4A8, 64) * 36 + up(c8.partialAdds, 64) * 51.5 + 2 * 9 + 2 * 68.5 + 2 * 51.5 / 4)
        // W4A16 (n = 32): shift16 popcount × 67; fp_add32 (nonzero + 512 + 8n) × 4184
        // (accumulates, m·k = 512 activation-sum adds, 2 per (m, n, group)); fp_mul32 (8n) × 7700;
        // reg_read16 1 × 33.5; reg_read4 1 × 9; reg_write32 (nonzero) 1 × 68.5 per MAC, 2 per PE-cycle. On these codes:
        // popcount 1.987 per MAC → 3.97 per PE-cycle → 4 shift16, fp_add32 just over 1 per MAC → 3.
        let c16 = (try? mixpeWeightCounts(n: 32)) ?? (shiftsW4A8: 0, partialAdds: 0, popcount: 0, nonzero: 0)
        let w4a16Area = Hand.a28 * (up(c16.popcount, 32) * 67 + up(c16.nonzero + 512 + 8 * 32, 32) * 4184
                                    + up(8 * 32, 32) * 7700 + 2 * (33.5 + 9 + 68.5) + 2 * 84.5 / 4)

        // mixpe-w4a8: 64×64: W = 256 + 63 + 63 = 382, compute 446. A 1024 B + B 2128 B:
        // D = ⌈3152/128⌉ = 25 → 471. act 16 words each way; wbuf 34 each way + the dequant
        // epilogue's per (m, n, group) = 128 FP16 scales (256 B) and 4-bit zeros (64 B):
        // 320·8/512 = 5 → 39 reads; obuf: 64 + 64 output words, + 128 INT32 activation sums
        // and 128 accumulator reads (1024 B → 256 words) and 128 accumulator writes (512 B
        // → 128 words): 320 reads, 192 writes.
        g["mixpe-w4a8.json"] = Golden(
            cycles: 471, peDynamic: 4096 * 446 * Hand.w4a8Dyn, peLeakage: 4096 * 471 * Hand.w4a8Leak,
            memories: memories((39, 34), (16, 16), (320, 192)),
            sramLeakage: mixpeMemoryLeakMW * 2 * 471, dram: mixpeDRAM(read: 3152, write: 256),
            area: 4096 * w4a8Area + mixpeMemoryArea)

        // mixpe-w4a16: 32×32, compute 350. A 2048 B + B 2128 B: D = 33 → 383. act 32 words
        // each way; wbuf and obuf as mixpe-w4a8 (same M, N, groups). PE 1.347 = (16,8) row.
        g["mixpe-w4a16.json"] = Golden(
            cycles: 383, peDynamic: 1024 * 350 * Hand.w4a16Dyn, peLeakage: 1024 * 383 * Hand.w4a16Leak,
            memories: memories((39, 34), (32, 32), (320, 192)),
            sramLeakage: mixpeMemoryLeakMW * 2 * 383, dram: mixpeDRAM(read: 4176, write: 256),
            area: 1024 * w4a16Area + mixpeMemoryArea)

        // fp16-tensor-core: dot tree 8×4×8. Row panels ⌈4/8⌉ = 1, column tiles 16/4 = 4,
        // K blocks 256/8 = 32 steps per tile, latency ⌈log₂ 8⌉ + 1 = 4: compute
        // 4·32 + 3 = 131. DRAM: tile 0 fetches A 2048 B + B 256·4·2 = 2048 B: D₀ = 32; tiles
        // 1…3 fetch B 2048 B: 16 each. total = 32 + 3·max(32, 16) + 32 + 3 = 163.
        // SRAM reads: A m·k·column tiles = 4096 FP16 = 8192 B → 128 words (act); B k·n·row
        // panels = 4096 FP16 → 128 words (wbuf); C 64 FP32 writes → 64 words (obuf).
        // Fills from DRAM, once per operand: B 256·16 FP16 = 8192 B → 128 wbuf words,
        // A 4·256 FP16 = 2048 B → 32 act words.
        // PEs: 8·4·8 = 256 lanes at the FP16 override (2.066, 1968.7 µm²).
        g["fp16-tensor-core.json"] = Golden(
            cycles: 163, peDynamic: 256 * 131 * Hand.fp16Dyn, peLeakage: 256 * 163 * Hand.fp16Leak,
            memories: memories((128, 128), (128, 32), (0, 64)),
            sramLeakage: mixpeMemoryLeakMW * 2 * 163, dram: mixpeDRAM(read: 2048 + 4 * 2048, write: 256),
            area: 256 * 1968.7 + mixpeMemoryArea)
        return g
    }
}
