import Foundation
@testable import CostModel

/// Golden entries of the 1 GHz designs with the BitMoD artifact's memories: two 512 KiB
/// SRAMs of 8 banks (numeric-units.md §4.3) and a 32 B/cycle DRAM at 18.75 pJ/bit.
///
/// Shared by hand:
/// - a 512 KiB SRAM of 8 banks is 8 banks of 64 kB, the CACTI 28 nm 64 kB point exactly:
///   per access of w bits read 11.6·w/64 pJ, write 10.4·w/64 pJ (w = 32: 5.8/5.2;
///   w = 36: 6.525/5.85; w = 64: 11.6/10.4; w = 128: 23.2/20.8); area 8 × 0.200 mm² =
///   1 600 000 µm²; leakage 8 × 42.6 = 340.8 mW. Two such SRAMs leak 681.6 mW, i.e.
///   681.6 pJ per ns, and one cycle is 1 ns: sram_leakage = 681.6 × cycles.
/// - DRAM: 18.75 pJ/bit = 150 pJ per byte, read and write alike.
/// - outputs: 4·16 = 64 FP32 values = 256 bytes written to DRAM (HiF8 outputs: 64 bytes);
///   no design here has a C memory, so outputs cost nothing on chip.
/// - A (FP16 activations, 4×256): 2048 bytes; 8-bit: 1024 bytes.
extension DesignGoldenTotalsTests {
    static let bitmodMemoryArea = 2 * 1_600_000.0
    static let bitmodMemoryLeakMW = 2 * 8 * 42.6

    static var goldenBitMoDMemories: [String: Golden] {
        var g: [String: Golden] = [:]

        // bitmod-w4: 32×32, 4 lanes, II = ⌈4/2⌉ = 2. T = 256/4 = 64, L = 128,
        // W = 128 + 31 + 31 = 190, compute = 190 + 32 = 222.
        // DRAM: A 2048 B; B 4096 weights × (4·128 + 8)/128 bits = 4096·520/1024 = 2080 B;
        // D = ⌈4128/32⌉ = 129 → 351 cycles.
        // input_sram (128 b): A 2048 B read by the array, 2048 B filled = 128 + 128 words.
        // weight_sram (32 b): B 2080 B = 520 words each way, plus the in-PE dequantizer's
        // 8-bit scales N·groups·rowFolds = 16·2·1 = 32 B = 8 words read → 528 reads.
        // Bank bandwidth: A (4096 B)·8/1024 = 32, B (4192 B)·8/256 = 131 cycles ≤ 222: no stall.
        // PE: override 0.586 pJ/cycle (no MixPE row, BitMoD paper PE has no leakage split):
        // all dynamic, 1024 PEs × 222 compute cycles.
        g["bitmod-w4.json"] = Golden(
            cycles: 351, peDynamic: 1024 * 222 * 0.586, peLeakage: 0,
            memories: ["weight_sram": 528 * 5.8 + 520 * 5.2, "input_sram": 128 * 23.2 + 128 * 20.8],
            sramLeakage: bitmodMemoryLeakMW * 351, dram: (2048 + 2080 + 256) * 150,
            area: 1024 * 1793.7 + bitmodMemoryArea)

        // bitmod-w3: as bitmod-w4 (II = ⌈3/2⌉ = 2, compute 222) with B 4096·(3·128 + 8)/1024
        // = 1568 B; D = ⌈3616/32⌉ = 113 → 335. weight_sram: 1568·8/32 = 392 words each way
        // + 8 scale words read.
        g["bitmod-w3.json"] = Golden(
            cycles: 335, peDynamic: 1024 * 222 * 0.586, peLeakage: 0,
            memories: ["weight_sram": 400 * 5.8 + 392 * 5.2, "input_sram": 128 * 23.2 + 128 * 20.8],
            sramLeakage: bitmodMemoryLeakMW * 335, dram: (2048 + 1568 + 256) * 150,
            area: 1024 * 1793.7 + bitmodMemoryArea)

        // ant-like: 32×32, 1 MAC/cycle. T = 256, W = 256 + 62 = 318, compute 350.
        // B at 5.5 bits: 4096·5.5/8 = 2816 B; D = ⌈(2048 + 2816)/32⌉ = 152 → 502.
        // weight_sram (32 b): 2816·8/32 = 704 words each way; input_sram (64 b): 2048·8/64 =
        // 256 each way. Bandwidth: B 5632·8/256 = 176, A 4096·8/512 = 64 ≤ 350.
        // PE override 0.56 pJ/cycle, 1318.6 µm²: all dynamic (no MixPE row; the FP16×INT8
        // paper PE has no leakage split).
        g["ant-like.json"] = Golden(
            cycles: 502, peDynamic: 1024 * 350 * 0.56, peLeakage: 0,
            memories: ["weight_sram": 704 * 5.8 + 704 * 5.2, "input_sram": 256 * 11.6 + 256 * 10.4],
            sramLeakage: bitmodMemoryLeakMW * 502, dram: (2048 + 2816 + 256) * 150,
            area: 1024 * 1318.6 + bitmodMemoryArea)

        // olive-like: rows 32, cols 36. W = 256 + 31 + 35 = 322, compute 322 + 32 = 354.
        // B at 4.5 bits: 2304 B; D = ⌈4352/32⌉ = 136 → 490.
        // weight_sram (36 b): 2304·8/36 = 512 words each way at 11.6·36/64 = 6.525 and
        // 10.4·36/64 = 5.85 pJ; input_sram (64 b): 256 each way. PE 0.613 pJ/cycle, 1152 PEs.
        g["olive-like.json"] = Golden(
            cycles: 490, peDynamic: 1152 * 354 * 0.613, peLeakage: 0,
            memories: ["weight_sram": 512 * 6.525 + 512 * 5.85, "input_sram": 256 * 11.6 + 256 * 10.4],
            sramLeakage: bitmodMemoryLeakMW * 490, dram: (2048 + 2304 + 256) * 150,
            area: 1152 * 1318.6 + bitmodMemoryArea)

        // hif8-mac: 32×32, 1 MAC/cycle, compute 350. A, B 8-bit: 1024 + 4096 B;
        // D = ⌈5120/32⌉ = 160 → 510. Outputs HiF8: 64 B.
        // weight_sram (32 b): 4096·8/32 = 1024 words each way; input_sram (32 b): 256.
        // Bandwidth: B 8192·8/256 = 256 ≤ 350.
        // Actions per MAC (FloatMAC, HiF8 products, FP32 accumulation, row and column
        // scales, HiF8 output) on 2×256×32 (16 384 MACs, 64 outputs): fp_mul8 1, fp_add32 1,
        // fp_mul32 128/16384 = 8/1024 (2 scales per output), reg_read8 2, reg_write32 1,
        // convert8 64/16384 = 4/1024.
        // 45 nm pJ: fp_mul8 1.21/3.7; fp_add32 0.9; fp_mul32 3.7; reg_read8 ½·0.03;
        // reg_write32 ½·0.1; convert8 0.03. Area at 1 MAC per cycle (`Hand.instances`):
        // fp_mul8 1640²/7700, fp_add32 4184, 8/1024 of a shared fp_mul32 7700, 2 × reg_read8
        // 18, reg_write32 68.5, 4/1024 of a shared convert8 36.
        let hif8PJ = Hand.e28 * (Hand.fpMul8.e + 0.9 + 3.7 * 8 / 1024 + 2 * 0.015 + 0.05 + 0.03 * 4 / 1024)
        let hif8Area = Hand.a28 * (Hand.fpMul8.a + 4184 + Hand.instances(8 / 1024) * 7700 + 2 * 18 + 68.5
                                   + Hand.instances(4 / 1024) * 36)
        g["hif8-mac.json"] = Golden(
            cycles: 510, peDynamic: Double(macs) * hif8PJ, peLeakage: 0,
            memories: ["weight_sram": 1024 * 5.8 + 1024 * 5.2, "input_sram": 256 * 5.8 + 256 * 5.2],
            sramLeakage: bitmodMemoryLeakMW * 510, dram: (1024 + 4096 + 64) * 150,
            area: 1024 * hif8Area + bitmodMemoryArea)

        // Block dot units: 8 lanes, II 1. T = 256/8 = 32, W = 32 + 62 = 94, compute 126.
        // Actions per MAC on 2×256×32 (m·n·k = 16 384, blocks per dot = 256/block size b):
        // int_mul4 1, int_add16 1, int_add8 (scale exponents), convert32, fp_add32 each
        // 64·(256/b)/16384 = 1/b, reg_read4 2.
        // 45 nm pJ: int_mul4 0.2/√15.5; int_add16 0.05; int_add8 0.03; convert32 0.1 (a
        // 32-bit add); fp_add32 0.9; reg_read4 ½·(0.03·4/8) = 0.0075.
        // Area with 8 MACs per cycle: 8 int_mul4, 8 int_add16 (67), 16 reg_read4 (½·18 = 9),
        // and int_add8 (36), convert32 (137), fp_add32 (4184) used 8/b times per cycle:
        // a shared quarter each for MXFP4 (b = 32), one each for NVFP4 (b = 16, ½ ≥ ½).
        func blockPJ(_ b: Double) -> Double { Hand.e28 * (Hand.intMul4.e + 0.05 + (0.03 + 0.1 + 0.9) / b + 2 * 0.0075) }
        func blockArea(_ b: Double) -> Double {
            Hand.a28 * (8 * Hand.intMul4.a + 8 * 67 + Hand.instances(8 / b) * (36 + 137 + 4184) + 16 * 9)
        }

        // mxfp4-dot: A and B at (4·32 + 8)/32 = 4.25 bits: A 1024·4.25/8 = 544 B, B 4096·4.25/8
        // = 2176 B; D = ⌈2720/32⌉ = 85 → 211. SRAMs 64 b: A 68, B 272 words each way.
        g["mxfp4-dot.json"] = Golden(
            cycles: 211, peDynamic: Double(macs) * blockPJ(32), peLeakage: 0,
            memories: ["weight_sram": 272 * 11.6 + 272 * 10.4, "input_sram": 68 * 11.6 + 68 * 10.4],
            sramLeakage: bitmodMemoryLeakMW * 211, dram: (544 + 2176 + 256) * 150,
            area: 1024 * blockArea(32) + bitmodMemoryArea)

        // nvfp4-dot: (4·16 + 8)/16 = 4.5 bits: A 576 B, B 2304 B; D = ⌈2880/32⌉ = 90 → 216.
        // SRAMs 64 b: A 72, B 288 words each way.
        g["nvfp4-dot.json"] = Golden(
            cycles: 216, peDynamic: Double(macs) * blockPJ(16), peLeakage: 0,
            memories: ["weight_sram": 288 * 11.6 + 288 * 10.4, "input_sram": 72 * 11.6 + 72 * 10.4],
            sramLeakage: bitmodMemoryLeakMW * 216, dram: (576 + 2304 + 256) * 150,
            area: 1024 * blockArea(16) + bitmodMemoryArea)

        // LUT Tensor Core, FP16 activations, FP16 accumulation, G = 128, B weight bits
        // (ternary: 2 bit-planes). Actions on the representative 2×256×n GEMM (n = the
        // array's 32 columns, the LUT tile's 64; 512·n MACs): per row 2 groups of 32 LUT
        // groups = 64 tables, 128 in all, each shared by the n columns; lookups 128·n·B.
        // Counts: lut_write16 128·8 = 1024; fp_add32 128·8·3 table adds + 2 per (m, n, group)
        // = 8n + 2·256 activation sums = 3584 + 8n; convert16 1024; lut_read16, mux16,
        // fp_add16 128·n·B; shift16 128·n·(B−1); fp_mul32 8n; reg_read16 512n·B/4.
        // Per MAC: 2/n, (3584 + 8n)/(512n), 2/n, B/4, B/4, B/4, (B−1)/4, 1/64, B/4.
        // 45 nm pJ: lut_write16 ½·0.05, fp_add32 0.9, convert16 0.05, lut_read16 0.05,
        // mux16 ¼·0.05, fp_add16 0.4, reg_read16 ½·0.05, shift16 0.05, fp_mul32 3.7.
        func lutPJ(_ b: Double, n: Double) -> Double {
            Hand.e28 * (0.025 * 2 / n + 0.9 * (3584 + 8 * n) / (512 * n) + 0.05 * 2 / n
                        + b / 4 * (0.05 + 0.0125 + 0.4 + 0.025) + (b - 1) / 4 * 0.05 + 3.7 / 64)
        }
        // Area at 4/B MACs per cycle, r = per MAC × 4/B uses per cycle (`Hand.instances`):
        // lut_read16 (67), mux16 (16.75), fp_add16 (1360), reg_read16 (33.5) at r = 1 each;
        // lut_write16 (33.5) and convert16 (67) at 8/(n·B) (≤ ¼: shared), the table's
        // fp_add32 (4184) at (3584 + 8n)/(512n)·4/B (n = 32: 0.9375 → 1 for B = 1, shared
        // 0.46875 and 0.234375 for B = 2, 4; n = 64, B = 2: 0.25), shift16 (67) at (B−1)/B
        // (none for B = 1, one for B = 2, 4), fp_mul32 (7700) at 4/(64B) (shared).
        func lutArea(_ b: Double, n: Double) -> Double {
            Hand.a28 * (Hand.instances(8 / (n * b)) * (33.5 + 67) + Hand.instances((3584 + 8 * n) / (512 * n) * 4 / b) * 4184
                        + 67 + 16.75 + 1360 + 33.5 + Hand.instances((b - 1) / b) * 67 + Hand.instances(4 / (64 * b)) * 7700)
        }
        let lutArea1 = lutArea(1, n: 32), lutArea2 = lutArea(2, n: 32), lutArea4 = lutArea(4, n: 32)
        // Systolic LUT designs: 4 lanes, II = B: T = 64, L = 64·B, compute = 64·B + 62 + 32.
        // B width (B·128 + 16 + B)/128 (ternary (2·128 + 16)/128). weight_sram and
        // input_sram 128 b (23.2/20.8 pJ). A: 2048 B = 128 words each way.
        // Dequant epilogue per (m, n, group) = 4·16·2 = 128: FP16 scales 256 B and B-bit zero
        // points 16·B B read from weight_sram (activation sums and accumulators would hit
        // the C buffer, which these designs do not have).
        //
        // w1: compute 158; B 4096·145/1024 = 580 B; D = ⌈2628/32⌉ = 83 → 241.
        // weight_sram: ⌈580·8/128⌉ = 37 words each way + (256 + 16)·8/128 = 17 → 54 reads.
        g["lut-tc-w1a16.json"] = Golden(
            cycles: 241, peDynamic: Double(macs) * lutPJ(1, n: 32), peLeakage: 0,
            memories: ["weight_sram": 54 * 23.2 + 37 * 20.8, "input_sram": 128 * 23.2 + 128 * 20.8],
            sramLeakage: bitmodMemoryLeakMW * 241, dram: (2048 + 580 + 256) * 150,
            area: 1024 * lutArea1 + bitmodMemoryArea)
        // w2: compute 222; B 4096·274/1024 = 1096 B; D = ⌈3144/32⌉ = 99 → 321.
        // weight_sram: ⌈1096·8/128⌉ = 69 each way + 288·8/128 = 18 → 87 reads.
        g["lut-tc-w2a16.json"] = Golden(
            cycles: 321, peDynamic: Double(macs) * lutPJ(2, n: 32), peLeakage: 0,
            memories: ["weight_sram": 87 * 23.2 + 69 * 20.8, "input_sram": 128 * 23.2 + 128 * 20.8],
            sramLeakage: bitmodMemoryLeakMW * 321, dram: (2048 + 1096 + 256) * 150,
            area: 1024 * lutArea2 + bitmodMemoryArea)
        // w4: compute 350; B 4096·532/1024 = 2128 B; D = ⌈4176/32⌉ = 131 → 481.
        // weight_sram: 2128·8/128 = 133 each way + 320·8/128 = 20 → 153 reads.
        g["lut-tc-w4a16.json"] = Golden(
            cycles: 481, peDynamic: Double(macs) * lutPJ(4, n: 32), peLeakage: 0,
            memories: ["weight_sram": 153 * 23.2 + 133 * 20.8, "input_sram": 128 * 23.2 + 128 * 20.8],
            sramLeakage: bitmodMemoryLeakMW * 481, dram: (2048 + 2128 + 256) * 150,
            area: 1024 * lutArea4 + bitmodMemoryArea)
        // ternary: 2 planes, compute 222; B 4096·272/1024 = 1088 B; D = ⌈3136/32⌉ = 98 → 320.
        // weight_sram: 1088·8/128 = 68 each way + 256·8/128 = 16 (no zero points) → 84 reads.
        g["lut-tc-ternary.json"] = Golden(
            cycles: 320, peDynamic: Double(macs) * lutPJ(2, n: 32), peLeakage: 0,
            memories: ["weight_sram": 84 * 23.2 + 68 * 20.8, "input_sram": 128 * 23.2 + 128 * 20.8],
            sramLeakage: bitmodMemoryLeakMW * 320, dram: (2048 + 1088 + 256) * 150,
            area: 1024 * lutArea2 + bitmodMemoryArea)

        // lut-tc-tile-w2a16: LUT tile 2×64×4, W2. Row panels ⌈4/2⌉ = 2, column tiles
        // ⌈16/64⌉ = 1, K groups 256/4 = 64, 2 planes: 128 steps per tile, latency 2,
        // compute = 2·128 + 1 = 257. DRAM: tile (0,0) fetches A 2·256·2 = 1024 B and B 1096 B:
        // D₀ = ⌈2120/32⌉ = 67; tile (1,0) fetches A 1024 B: D₁ = 32.
        // total = D₀ + max(W₀ = 128, D₁) + W₁ + L − 1 = 67 + 128 + 129 = 324.
        // SRAM: A side = table entries loaded: 4 rows · 64 groups · 1 column tile · 8 entries
        // = 2048 FP16 = 4096 B = 256 words (128 b); B side = K·N·row panels = 8192 weights ·
        // 274/128 bits = 2192 B = 137 words. Fills from DRAM, once per operand: A 2048 B →
        // 128 input_sram words, B 1096 B → ⌈68.5⌉ = 69 weight_sram words (20.8 pJ each).
        // PEs: 2·64·4 = 512 lanes, each priced as one W2 LUT-TC PE.
        g["lut-tc-tile-w2a16.json"] = Golden(
            cycles: 324, peDynamic: Double(macs) * lutPJ(2, n: 64), peLeakage: 0,
            memories: ["weight_sram": 137 * 23.2 + 69 * 20.8, "input_sram": 256 * 23.2 + 128 * 20.8],
            sramLeakage: bitmodMemoryLeakMW * 324, dram: (2048 + 1096 + 256) * 150,
            area: 512 * lutArea(2, n: 64) + bitmodMemoryArea)
        return g
    }
}
