import Testing
@testable import TensorEngine

/// Published buffer configurations on LLM-sized GEMMs (numeric-units.md §3.3, §4.3).
@Suite struct MemoryTrafficDesignTests {
    /// MixPE W4A8: 64×64 os, WBUF 128 KiB (32 × 512 bit), ACT 256 KiB, OUT 128 KiB
    /// (1024 × 32 bit), all double buffered; M = 256, K = N = 4096; uint4 + FP16 scale +
    /// 4-bit zero per 128 (532/128 bits), 8-bit A, FP32 C. 4 row folds, 64 column folds.
    /// - A: 256·4096 = 1_048_576 B > 131_072 → re-streamed in all 64 column folds: 67_108_864 B.
    /// - B: a column block is 4096·64·532/128 bits = 136_192 B > 65_536 → re-fetched in each
    ///   of the 4 row folds: 4·4096·4096·532/1024 = 34_865_152 B (one pass: 8_716_288 B).
    /// - C: 256·4096·4 = 4_194_304 B written once.
    @Test func mixpeW4A8() throws {
        let plan = try FoldPlan(GEMMDims(m: 256, k: 4096, n: 4096), on: ArrayConfig(rows: 64, cols: 64, dataflow: .os))
        let buffers = (SRAMBuffer(kib: 256, banks: 32, widthBits: 512, doubleBuffered: true),
                       SRAMBuffer(kib: 128, banks: 32, widthBits: 512, doubleBuffered: true),
                       SRAMBuffer(kib: 128, banks: 1024, widthBits: 32, doubleBuffered: true))
        let widths = (OperandWidth(bits: 8), OperandWidth(bits: 532, per: 128), OperandWidth(bits: 32))
        let t = try BufferedTraffic.compute(plan: plan, widths: widths, buffers: buffers, dequant: .mixpe())
        #expect(t.a.dramReadBytes == 67_108_864 && !t.a.resident)
        #expect(t.b.dramReadBytes == 34_865_152 && !t.b.resident)
        #expect(t.c.dramWriteBytes == 4_194_304 && t.c.dramReadBytes == 0)
        let ideal = try BufferedTraffic.compute(plan: plan, widths: widths, buffers: (.unbounded, .unbounded, .unbounded))
        #expect(ideal.b.dramReadBytes == 8_716_288 && ideal.a.dramReadBytes == 1_048_576)
        // 256·4096·32 = 33_554_432 dequant steps.
        #expect(t.dequant.scaleReads == 33_554_432)
    }

    /// BitMoD: 512 KiB weight and input SRAMs with 8 banks. ws 32×32, M = 256, K = N = 4096,
    /// 4-bit weights + an 8-bit scale per 128 (520/128 bits), FP16 A. B tiles are read once
    /// (4096·4096·520/1024 = 8_519_680 B); A (256·4096·2 = 2 MiB) does not fit the 256 KiB
    /// half and is re-read in all 128 column folds: 268_435_456 B. Scales: one pass, N·G = 131_072 B.
    @Test func bitmodWS() throws {
        let plan = try FoldPlan(GEMMDims(m: 256, k: 4096, n: 4096), on: ArrayConfig(rows: 32, cols: 32, dataflow: .ws))
        let sram = SRAMBuffer(kib: 512, banks: 8, widthBits: 512, doubleBuffered: true)
        let t = try BufferedTraffic.compute(plan: plan,
            widths: (OperandWidth(bits: 16), OperandWidth(bits: 520, per: 128), OperandWidth(bits: 16)),
            buffers: (sram, sram, .unbounded), dequant: .bitmod())
        #expect(t.b.dramReadBytes == 8_519_680 && t.b.resident)
        #expect(t.a.dramReadBytes == 268_435_456 && !t.a.resident)
        #expect(t.dequant.scaleBytes == 131_072)
    }
}
