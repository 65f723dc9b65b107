import Testing
@testable import TensorEngine

/// DRAM stalls from the traffic the buffers really cause (`DRAMReuse`): re-fetched operands
/// and partial-sum spills stall folds, identically in both modes.
@Suite struct DRAMReuseTests {
    /// 16×16 ws, M = 64, K = 128, N = 128 (8 row × 8 column folds, T = 64 stream cycles),
    /// 8-bit A and B, 16 bytes per cycle, native. A is 8 KiB.
    /// - Large buffers: folds of column fold 0 fetch A's block (64·16 = 1024 B) and a B tile
    ///   (256 B), 80 cycles; later folds only the tile, 16 cycles. Folds 0…7 begin every 80
    ///   cycles (b₇ = 640, preload done 656), then every 64: the last preload ends at
    ///   656 + 56·64 = 4240, total 4240 + 94 = 4334 against 16 + 63·64 + 94 = 4142: 192 stalls.
    /// - A 4 KiB A buffer cannot hold A: every fold re-fetches A's block, 80 cycles each, so
    ///   fold f begins at 80(f+1): total 80·64 + 16 + 94 = 5230, 1088 stalls; A is read
    ///   8 times (64 KiB) instead of once.
    @Test func tooSmallBufferStallsMore() throws {
        let dims = GEMMDims(m: 64, k: 128, n: 128)
        let array = ArrayConfig(rows: 16, cols: 16, dataflow: .ws)
        let dram = DRAMConfig(bytesPerCycle: 16, aBits: 8, bBits: 8, cBits: 32)
        let small = DRAMReuse(buffers: (SRAMBuffer(kib: 4, banks: 1, widthBits: 64, doubleBuffered: false),
                                        .unbounded, .unbounded))
        for mode in SimulationMode.allCases {
            let large = try SystolicTiming.run(dims, on: array, convention: .native, mode: mode, dram: dram,
                                               reuse: .unbounded)
            let tight = try SystolicTiming.run(dims, on: array, convention: .native, mode: mode, dram: dram,
                                               reuse: small)
            #expect(large.computeCycles == 4142)
            #expect(large.stallCycles == 192)
            #expect(tight.stallCycles == 1088)
            #expect(tight.stallCycles > large.stallCycles)
            #expect(large.dram.readBytes == 8192 + 16384)
            #expect(tight.dram.readBytes == 8 * 8192 + 16384)
        }
    }

    /// Partial sums that do not fit the C buffer spill: 16×16 ws, M = 64, K = 32, N = 16
    /// (2 row folds, 1 column fold, T = 64), 8-bit A and B, 32-bit partial sums, 16 B/cycle.
    /// The block is 64·16·4 = 4096 B; with a 2 KiB C buffer, fold 1 writes fold 0's partial
    /// sums out and reads them back (8192 B) with its own 1024 + 256 B: 592 cycles instead of 80.
    @Test func spilledPartialSumsStall() throws {
        let dims = GEMMDims(m: 64, k: 32, n: 16)
        let array = ArrayConfig(rows: 16, cols: 16, dataflow: .ws)
        let dram = DRAMConfig(bytesPerCycle: 16, aBits: 8, bBits: 8, cBits: 32)
        let small = DRAMReuse(buffers: (.unbounded, .unbounded,
                                        SRAMBuffer(kib: 2, banks: 1, widthBits: 64, doubleBuffered: false)))
        let plan = try FoldPlan(dims, on: array)
        #expect(try dram.transfer(fold: 1, of: plan, reuse: small) == FoldTransfer(readBytes: 1280 + 4096, writeBytes: 4096))
        for mode in SimulationMode.allCases {
            let large = try SystolicTiming.run(dims, on: array, convention: .native, mode: mode, dram: dram,
                                               reuse: .unbounded)
            let tight = try SystolicTiming.run(dims, on: array, convention: .native, mode: mode, dram: dram,
                                               reuse: small)
            #expect(tight.stallCycles > large.stallCycles)
            #expect(tight.stallCycles - large.stallCycles == 592 - 80)
            #expect(tight.dram == DRAMTraffic(readBytes: 2560 + 4096, writeBytes: 64 * 16 * 4 + 4096))
        }
    }

    /// Buffers around the operands' sizes (most too small), random widths and bandwidth:
    /// cycle-stepped, per-cycle reference and closed form agree count for count; the bytes
    /// are `BufferedTraffic`'s when widths are whole bytes; re-fetches only add stalls.
    @Test func seededConfigurationsWithRefetchAgree() throws {
        var rng = SeededGenerator(seed: 0x2EF3_2026)
        var withRefetch = 0, checked = 0, bufferedChecked = 0
        for _ in 0..<400 {
            let (array, dims) = randomConfiguration(&rng)
            let dram = try randomDRAM(&rng).validated()
            let accumulatorBits = [16, 32].randomElement(using: &rng)!
            func buffer(upTo bytes: Int) -> SRAMBuffer {
                SRAMBuffer(sizeBytes: Int.random(in: 1...Swift.max(1, bytes), using: &rng), banks: 1, widthBits: 64,
                           doubleBuffered: Bool.random(using: &rng))
            }
            let plan = try FoldPlan(dims, on: array)
            let aBytes = try dram.a.byteCount(elements: dims.m * dims.k)
            let bBytes = try dram.b.byteCount(elements: dims.k * dims.n)
            let cBytes = plan.streamSteps * array.cols * accumulatorBits / 8
            let reuse = DRAMReuse(buffers: (buffer(upTo: 2 * aBytes), buffer(upTo: 2 * bBytes), buffer(upTo: 2 * cBytes)),
                                  accumulatorBits: accumulatorBits)
            for convention in TimingConvention.allCases {
                let stepped = try SystolicTiming.run(dims, on: array, convention: convention, mode: .cycle,
                                                     dram: dram, reuse: reuse)
                let fast = try SystolicTiming.run(dims, on: array, convention: convention, mode: .fast,
                                                  dram: dram, reuse: reuse)
                #expect(stepped == fast, "\(array) \(dims) \(dram) \(reuse) \(convention)")
                #expect(try PerCycleReference.run(plan, convention: convention, dram: dram, reuse: reuse) == stepped)
                let once = try SystolicTiming.run(dims, on: array, convention: convention, dram: dram)
                #expect(fast.computeCycles == once.computeCycles)
                #expect(fast.totalCycles >= once.totalCycles)
                #expect(fast.dram.readBytes >= once.dram.readBytes)
                if fast.dram.readBytes > once.dram.readBytes { withRefetch += 1 }
                if [dram.aBits, dram.bBits, dram.cBits].allSatisfy({ $0 % 8 == 0 }) {
                    let buffered = try BufferedTraffic.compute(plan: plan, dram: dram, buffers: (reuse.a, reuse.b, reuse.c),
                                                               accumulatorBits: accumulatorBits)
                    #expect(fast.dram == buffered.dram, "\(array) \(dims) \(dram) \(reuse)")
                    bufferedChecked += 1
                }
                checked += 1
            }
        }
        #expect(checked == 800)
        #expect(withRefetch >= 500, "\(withRefetch) configurations with re-fetch or spill")
        #expect(bufferedChecked > 50)
    }

    /// With buffers that hold everything, the counts are those of fetching each element once.
    @Test func unboundedBuffersChangeNothing() throws {
        var rng = SeededGenerator(seed: 0xD7A_2026)
        for _ in 0..<200 {
            let (array, dims) = randomConfiguration(&rng)
            let dram = randomDRAM(&rng)
            for convention in TimingConvention.allCases {
                for mode in SimulationMode.allCases {
                    #expect(try SystolicTiming.run(dims, on: array, convention: convention, mode: mode, dram: dram,
                                                   reuse: .unbounded)
                            == SystolicTiming.run(dims, on: array, convention: convention, mode: mode, dram: dram))
                }
            }
        }
    }

    @Test func invalidBuffersThrow() {
        let bad = DRAMReuse(buffers: (.unbounded, SRAMBuffer(sizeBytes: 0, banks: 1, widthBits: 8, doubleBuffered: false),
                                      .unbounded))
        #expect(throws: TensorEngineError.invalidMemory(name: "sizeBytes", value: 0)) {
            try SystolicTiming.run(GEMMDims(m: 1, k: 1, n: 1), on: ArrayConfig(rows: 1, cols: 1, dataflow: .os),
                                   convention: .native, dram: DRAMConfig(bytesPerCycle: 1, aBits: 8, bBits: 8, cBits: 8),
                                   reuse: bad)
        }
        #expect(throws: TensorEngineError.invalidMemory(name: "accumulatorBits", value: 0)) {
            try SystolicTiming.run(GEMMDims(m: 1, k: 1, n: 1), on: ArrayConfig(rows: 1, cols: 1, dataflow: .os),
                                   convention: .native, dram: DRAMConfig(bytesPerCycle: 1, aBits: 8, bBits: 8, cBits: 8),
                                   reuse: DRAMReuse(buffers: (.unbounded, .unbounded, .unbounded), accumulatorBits: 0))
        }
    }
}
