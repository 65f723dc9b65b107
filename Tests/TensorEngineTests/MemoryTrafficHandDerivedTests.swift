import Testing
@testable import TensorEngine

/// Hand-derived byte traffic for small GEMMs; the arithmetic is in each test's comment.
@Suite struct MemoryTrafficHandDerivedTests {
    let int8 = OperandWidth(bits: 8), int4 = OperandWidth(bits: 4), fp16 = OperandWidth(bits: 16)

    func buffer(_ bytes: Int, doubleBuffered: Bool = false, banks: Int = 1, widthBits: Int = 64) -> SRAMBuffer {
        SRAMBuffer(sizeBytes: bytes, banks: banks, widthBits: widthBits, doubleBuffered: doubleBuffered)
    }

    func plan(_ m: Int, _ k: Int, _ n: Int, _ df: Dataflow, rows: Int = 4, cols: Int = 4) throws -> FoldPlan {
        try FoldPlan(GEMMDims(m: m, k: k, n: n), on: ArrayConfig(rows: rows, cols: cols, dataflow: df))
    }

    /// os 4×4, M = K = N = 8 (2 row folds, 2 column folds), 8-bit A, 4-bit B, 16-bit C,
    /// 32-bit accumulators, everything fits:
    /// DRAM reads = 8·8·1 + 8·8·0.5 = 64 + 32 = 96; DRAM writes = 8·8·2 = 128.
    /// SRAM A reads: 2 column folds · 8·8 = 128 elements = 128 B; A writes (fill) 64 B.
    /// SRAM B reads: 2 row folds · 8·8 = 128 elements · 0.5 = 64 B; B writes 32 B.
    /// SRAM C: the array writes 64 accumulators · 4 B = 256 B; the write-back reads 256 B.
    @Test func osEverythingFits() throws {
        let t = try BufferedTraffic.compute(plan: plan(8, 8, 8, .os), widths: (int8, int4, fp16),
                                            buffers: (.unbounded, .unbounded, .unbounded))
        #expect(t.dram == DRAMTraffic(readBytes: 96, writeBytes: 128))
        #expect(t.a.dramReadBytes == 64 && t.b.dramReadBytes == 32)
        #expect(t.a.sramReadBytes == 128 && t.a.sramWriteBytes == 64)
        #expect(t.b.sramReadBytes == 64 && t.b.sramWriteBytes == 32)
        #expect(t.c.sramWriteBytes == 256 && t.c.sramReadBytes == 256)
        #expect(t.c.dramReadBytes == 0 && t.c.dramWriteBytes == 128)
        #expect(t.a.resident && t.b.resident && t.c.resident)
        #expect(t.sramStallCycles == 0)
        #expect(t.dequant == .zero)
        // The same totals as the engine's one-fetch DRAM model (whole-byte widths).
        let dram = DRAMConfig(bytesPerCycle: 64, aBits: 8, bBits: 4, cBits: 16)
        let p = try plan(8, 8, 8, .os)
        #expect(try ClosedFormTiming.run(p, convention: .native, dram: dram).dram == t.dram)
    }

    /// The same GEMM with tiny buffers: all of A is 64 B > 32 B, so A is re-streamed in each
    /// of the 2 column folds (128 B); B's column block is 8·4·0.5 = 16 B > 8 B, so it is
    /// re-fetched in each of the 2 row folds (2·32 = 64 B). DRAM reads 192.
    /// Double buffering halves the capacity: 128 B / 2 = 64 fits A, 32 / 2 = 16 fits the
    /// B block (back to 96); 126 / 2 = 63 does not fit A (128 + 32 = 160).
    @Test func osTinyBuffersRefetch() throws {
        let p = try plan(8, 8, 8, .os)
        let tiny = try BufferedTraffic.compute(plan: p, widths: (int8, int4, fp16),
                                               buffers: (buffer(32), buffer(8), .unbounded))
        #expect(tiny.a.dramReadBytes == 128 && tiny.b.dramReadBytes == 64)
        #expect(tiny.dram.readBytes == 192)
        #expect(!tiny.a.resident && !tiny.b.resident)
        #expect(tiny.a.sramWriteBytes == 128 && tiny.a.sramReadBytes == 128)   // fills double, reads unchanged
        let halves = try BufferedTraffic.compute(plan: p, widths: (int8, int4, fp16),
            buffers: (buffer(128, doubleBuffered: true), buffer(32, doubleBuffered: true), .unbounded))
        #expect(halves.dram.readBytes == 96)
        let short = try BufferedTraffic.compute(plan: p, widths: (int8, int4, fp16),
            buffers: (buffer(126, doubleBuffered: true), buffer(32, doubleBuffered: true), .unbounded))
        #expect(short.dram.readBytes == 160)
    }

    /// os 4×4, M = 8, K = 8, N = 10: B column blocks of 4, 4, 2 columns; 4-bit B, so a full
    /// block is 8·4·0.5 = 16 B and the last 8·2·0.5 = 8 B. An 8 B buffer keeps only the last:
    /// B elements = 8·(2 + 2 row folds·8) = 144 → 72 B (instead of 8·10·0.5 = 40 B).
    @Test func osPartialLastBlockFits() throws {
        let t = try BufferedTraffic.compute(plan: plan(8, 8, 10, .os), widths: (int8, int4, fp16),
                                            buffers: (.unbounded, buffer(8), .unbounded))
        #expect(t.b.dramReadBytes == 72)
        let roomy = try BufferedTraffic.compute(plan: plan(8, 8, 10, .os), widths: (int8, int4, fp16),
                                                buffers: (.unbounded, buffer(16), .unbounded))
        #expect(roomy.b.dramReadBytes == 40)
    }

    /// uint4 + FP16 scale + 4-bit zero per 128 weights: (4·128 + 20)/128 = 532/128 bits each.
    /// os 4×4, M = 4, K = 128, N = 8: B = 1024 weights → 1024·532/1024 = 532 B; A = 4·128 = 512 B.
    /// N = 1: 128 weights → 66.5 → 67 B; N = 2: 133 B exactly.
    @Test func groupedWidthsAreRational() throws {
        let w = OperandWidth(bits: 4 * 128 + 20, per: 128)
        let t = try BufferedTraffic.compute(plan: plan(4, 128, 8, .os), widths: (int8, w, fp16),
                                            buffers: (.unbounded, .unbounded, .unbounded))
        #expect(t.b.dramReadBytes == 532 && t.a.dramReadBytes == 512)
        #expect(t.dram.readBytes == 1044)
        for (n, bytes) in [(1, 67), (2, 133)] {
            let u = try BufferedTraffic.compute(plan: plan(4, 128, n, .os), widths: (int8, w, fp16),
                                                buffers: (.unbounded, .unbounded, .unbounded))
            #expect(u.b.dramReadBytes == bytes)
        }
        #expect(try w.byteCount(elements: 128) == 67)
    }

    /// ws 4×4, M = 8, K = 8, N = 4: K on the rows → 2 row folds, 1 column fold, T = M = 8.
    /// 8-bit A and B, 16-bit C, 32-bit partial sums.
    /// Array C writes 2·4·8 = 64 values (256 B), partial-sum reads 1·4·8 = 32 (128 B);
    /// the write-back reads 32 (128 B) and writes 32·2 = 64 B to DRAM.
    /// A C buffer of 64 B < the 8·4·4 = 128 B partial-sum block spills 32 values = 128 B out
    /// and back: C SRAM reads 384, writes 384, DRAM writes 64 + 128, reads 128.
    /// 128 B (or 256 B double buffered) holds the block exactly: no spill.
    @Test func wsPartialSumsAndSpills() throws {
        let p = try plan(8, 8, 4, .ws)
        let fit = try BufferedTraffic.compute(plan: p, widths: (int8, int8, fp16),
                                              buffers: (.unbounded, .unbounded, .unbounded))
        #expect(fit.a.dramReadBytes == 64 && fit.b.dramReadBytes == 32)
        #expect(fit.a.sramReadBytes == 64 && fit.b.sramReadBytes == 32)
        #expect(fit.c.sramWriteBytes == 256 && fit.c.sramReadBytes == 256)
        #expect(fit.c.dramWriteBytes == 64 && fit.c.dramReadBytes == 0)
        let spill = try BufferedTraffic.compute(plan: p, widths: (int8, int8, fp16),
                                                buffers: (.unbounded, .unbounded, buffer(64)))
        #expect(spill.c.sramReadBytes == 384 && spill.c.sramWriteBytes == 384)
        #expect(spill.c.dramWriteBytes == 192 && spill.c.dramReadBytes == 128)
        #expect(spill.dram == DRAMTraffic(readBytes: 64 + 32 + 128, writeBytes: 192))
        #expect(!spill.c.resident)
        for c in [buffer(128), buffer(256, doubleBuffered: true)] {
            let t = try BufferedTraffic.compute(plan: p, widths: (int8, int8, fp16), buffers: (.unbounded, .unbounded, c))
            #expect(t.c.sramReadBytes == 256 && t.c.sramWriteBytes == 256 && t.c.resident)
            #expect(t.c.dramReadBytes == 0 && t.c.dramWriteBytes == 64)
        }
        // 16-bit accumulators halve the partial-sum bytes: 64 values · 2 B written.
        let half = try BufferedTraffic.compute(plan: p, widths: (int8, int8, fp16),
                                               buffers: (.unbounded, .unbounded, .unbounded), accumulatorBits: 16)
        #expect(half.c.sramWriteBytes == 128)
    }

    /// ws 4×4, M = 8, K = 8, N = 8: 2 row and 2 column folds. A (M·K = 64 B) comes back in
    /// the second column fold: a 32 B A buffer re-fetches it (128 B); B tiles are read once (64 B).
    @Test func wsRefetchesActivationsPerColumnFold() throws {
        let t = try BufferedTraffic.compute(plan: plan(8, 8, 8, .ws), widths: (int8, int8, fp16),
                                            buffers: (buffer(32), buffer(1), .unbounded))
        #expect(t.a.dramReadBytes == 128 && t.b.dramReadBytes == 64)
        #expect(!t.a.resident && t.b.resident)
    }

    /// is 4×4, M = K = N = 8: K on rows, M on columns (2 column folds). The A tile is read
    /// once (64 B); B (K·N = 64 weights · 0.5 = 32 B) comes back per column fold: a 16 B
    /// B buffer re-fetches it → 64 B.
    @Test func isRefetchesWeightsPerColumnFold() throws {
        let fits = try BufferedTraffic.compute(plan: plan(8, 8, 8, .is), widths: (int8, int4, fp16),
                                               buffers: (buffer(1), .unbounded, .unbounded))
        #expect(fits.a.dramReadBytes == 64 && fits.b.dramReadBytes == 32)
        let tiny = try BufferedTraffic.compute(plan: plan(8, 8, 8, .is), widths: (int8, int4, fp16),
                                               buffers: (buffer(1), buffer(16), .unbounded))
        #expect(tiny.b.dramReadBytes == 64)
    }

    /// Bandwidth, os 4×4, M = K = N = 8: native compute time
    /// L·[F≥2] + (F−2)·max(L, R) + W + R = 8 + 2·8 + (8 + 3 + 3) + 4 = 42 cycles.
    /// A buffer of 1 bank × 8 bit moves 1 B/cycle: 128 B read + 64 B fill = 192 cycles →
    /// 150 stall cycles, 128 read words, 64 write words. 4 banks × 16 bit (8 B/cycle):
    /// ⌈192·8/64⌉ = 24 cycles ≤ 42, no stall; words ⌈128·8/16⌉ = 64 and 32.
    @Test func bandwidthStalls() throws {
        let p = try plan(8, 8, 8, .os)
        #expect(try ClosedFormTiming.run(p, convention: .native).computeCycles == 42)
        let slow = try BufferedTraffic.compute(plan: p, widths: (int8, int4, fp16),
            buffers: (buffer(1 << 20, widthBits: 8), .unbounded, .unbounded))
        #expect(slow.computeCycles == 42)
        #expect(slow.a.accessCycles == 192 && slow.a.stallCycles == 150)
        #expect(slow.a.sramReadWords == 128 && slow.a.sramWriteWords == 64)
        #expect(slow.sramStallCycles == 150 && slow.cyclesWithSRAMStalls == 192)
        let banked = try BufferedTraffic.compute(plan: p, widths: (int8, int4, fp16),
            buffers: (buffer(1 << 20, banks: 4, widthBits: 16), .unbounded, .unbounded))
        #expect(banked.a.accessCycles == 24 && banked.a.stallCycles == 0)
        #expect(banked.a.sramReadWords == 64 && banked.a.sramWriteWords == 32)
        #expect(SRAMBuffer(sizeBytes: 1, banks: 4, widthBits: 16, doubleBuffered: false).bytesPerCycle == 8)
        // A longer compute time (e.g. a slower convention) hides the same traffic.
        let hidden = try BufferedTraffic.compute(plan: p, widths: (int8, int4, fp16),
            buffers: (buffer(1 << 20, widthBits: 8), .unbounded, .unbounded), computeCycles: 192)
        #expect(hidden.sramStallCycles == 0)
    }

    /// MixPE's buffers (numeric-units.md §3.3): WBUF 128 KiB, 32 banks × 512 bit.
    @Test func mixpeWeightBuffer() throws {
        let wbuf = SRAMBuffer(kib: 128, banks: 32, widthBits: 512, doubleBuffered: true)
        #expect(wbuf.sizeBytes == 131_072 && wbuf.capacityBytes == 65_536)
        #expect(try wbuf.bitsPerAccessCycle == 16_384 && wbuf.bytesPerCycle == 2048)
        #expect(try wbuf.words(bytes: 100) == 2 && wbuf.accessCycles(bytes: 2049) == 2)
    }

    @Test func invalidInputsAreErrors() throws {
        let p = try plan(8, 8, 8, .os)
        #expect(throws: TensorEngineError.invalidMemory(name: "banks", value: 0)) {
            _ = try BufferedTraffic.compute(plan: p, widths: (int8, int4, fp16),
                buffers: (SRAMBuffer(sizeBytes: 64, banks: 0, widthBits: 8, doubleBuffered: false), .unbounded, .unbounded))
        }
        #expect(throws: TensorEngineError.invalidMemory(name: "bPer", value: 0)) {
            _ = try BufferedTraffic.compute(plan: p, widths: (int8, OperandWidth(bits: 4, per: 0), fp16),
                                            buffers: (.unbounded, .unbounded, .unbounded))
        }
        #expect(throws: TensorEngineError.invalidMemory(name: "accumulatorBits", value: 0)) {
            _ = try BufferedTraffic.compute(plan: p, widths: (int8, int4, fp16),
                                            buffers: (.unbounded, .unbounded, .unbounded), accumulatorBits: 0)
        }
        var scheme = DequantTraffic.Scheme.mixpe()
        scheme.groupSize = 0
        #expect(throws: TensorEngineError.invalidMemory(name: "groupSize", value: 0)) {
            _ = try BufferedTraffic.compute(plan: p, widths: (int8, int4, fp16),
                                            buffers: (.unbounded, .unbounded, .unbounded), dequant: scheme)
        }
    }
}
