import Testing
@testable import TensorEngine

/// Small tensor-core cases worked out by hand; every mode must give these counts.
@Suite struct TensorCoreHandDerivedTests {
    /// A100-like 8×4×8 dot tree, GEMM 16×16×16: ⌈16/8⌉·⌈16/4⌉·⌈16/8⌉ = 2·4·2 = 16 block-steps
    /// issued on cycles 0…15; latency L = ⌈log2 8⌉ + 1 = 4, so the last result lands
    /// 3 cycles after the last issue cycle: 16 + 4 − 1 = 19.
    /// SRAM: A read once per column tile, 16·16·4 = 1024; B once per row panel, 16·16·2 = 512.
    @Test(arguments: SimulationMode.allCases)
    func dotTreeA100Block(mode: SimulationMode) throws {
        let c = try TensorCoreTiming.counts(GEMMDims(m: 16, k: 16, n: 16), tile: TensorCoreTile(m: 8, n: 4, k: 8),
                                            kind: .dotTree, mode: mode)
        #expect(c.steps == 16)
        #expect(c.pipelineLatency == 4)
        #expect(c.timing.totalCycles == 19)
        #expect(c.timing.computeCycles == 19)
        #expect(c.timing.stallCycles == 0)
        #expect(c.timing.macs == 4096)
        #expect(c.timing.activePECycles == 4096)
        #expect(c.timing.peCount == 256)
        #expect(c.timing.folds == 8)
        #expect(c.timing.sram == SRAMTraffic(aReads: 1024, bReads: 512, cWrites: 256, cReads: 0))
        // Utilization = useful MACs / (cycles·m·n·k) = 4096 / (19·256).
        #expect(c.timing.utilization == 4096.0 / (19.0 * 256.0))
        #expect(c.tableBuilds == 0 && c.tableLookups == 0)
    }

    /// Pipeline latency ⌈log2 k⌉ + 1: k = 1 → 1, 2 → 2, 5 → 4, 8 → 4, 9 → 5. A single
    /// block-step takes exactly L cycles.
    @Test func dotTreeLatency() throws {
        for (k, latency) in [(1, 1), (2, 2), (5, 4), (8, 4), (9, 5), (64, 7)] {
            for mode in SimulationMode.allCases {
                let c = try TensorCoreTiming.counts(GEMMDims(m: 1, k: k, n: 1),
                                                    tile: TensorCoreTile(m: 1, n: 1, k: k), kind: .dotTree, mode: mode)
                #expect(c.pipelineLatency == latency)
                #expect(c.timing.totalCycles == latency)
            }
        }
    }

    /// Initiation interval 8 (one block-step per 8 cycles): 16 steps · 8 + 3 = 131 cycles;
    /// the lanes are busy 8 cycles per MAC: 4096·8 lane-cycles.
    @Test(arguments: SimulationMode.allCases)
    func dotTreeInitiationInterval(mode: SimulationMode) throws {
        let c = try TensorCoreTiming.run(GEMMDims(m: 16, k: 16, n: 16),
                                         tile: TensorCoreTile(m: 8, n: 4, k: 8, initiationInterval: 8),
                                         kind: .dotTree, mode: mode)
        #expect(c.totalCycles == 131)
        #expect(c.activePECycles == 32768)
    }

    /// Partial blocks: 8×4×8 tile on M = 9, K = 9, N = 5: ⌈9/8⌉·⌈5/4⌉·⌈9/8⌉ = 2·2·2 = 8
    /// steps, total 8 + 3 = 11; MACs still 9·9·5 = 405 (padded lanes are idle).
    @Test(arguments: SimulationMode.allCases)
    func dotTreePartialBlocks(mode: SimulationMode) throws {
        let c = try TensorCoreTiming.run(GEMMDims(m: 9, k: 9, n: 5), tile: TensorCoreTile(m: 8, n: 4, k: 8),
                                         kind: .dotTree, mode: mode)
        #expect(c.totalCycles == 11)
        #expect(c.macs == 405)
        #expect(c.activePECycles == 405)
    }

    /// LUT tile 2×64×4, B = 2, GEMM M = 2, K = 8, N = 64: one output tile, ⌈8/4⌉ = 2 groups
    /// × 2 bit-planes = 4 steps on cycles 0…3, plus 1 cycle for the 2-stage pipeline = 5.
    /// Tables: 2 rows · 2 groups = 4 builds of 2^(4−1) = 8 entries = 32 entry writes; each
    /// group loads its 2 tables once (4 loads, 32 entries read); lookups 2·64 per step · 4 = 512.
    @Test(arguments: SimulationMode.allCases)
    func lutTileSmallest(mode: SimulationMode) throws {
        let c = try TensorCoreTiming.counts(GEMMDims(m: 2, k: 8, n: 64), tile: TensorCoreTile(m: 2, n: 64, k: 4),
                                            kind: .lutTile(weightBits: 2), mode: mode)
        #expect(c.steps == 4)
        #expect(c.pipelineLatency == 2)
        #expect(c.timing.totalCycles == 5)
        #expect(c.timing.macs == 1024)
        #expect(c.timing.activePECycles == 2048)   // 1024 MACs · 2 bit-planes
        #expect(c.timing.peCount == 512)
        #expect(c.tableBuilds == 4)
        #expect(c.tableEntryWrites == 32)
        #expect(c.tableLoads == 4)
        #expect(c.tableLookups == 512)
        #expect(c.precomputeCycles == 0)
        #expect(c.timing.sram == SRAMTraffic(aReads: 32, bReads: 512, cWrites: 128, cReads: 0))
    }

    /// The same GEMM with explicit precompute at 8 entries per cycle: the row panel's 32
    /// entries take ⌈32/8⌉ = 4 cycles before the first lookup: 4 + 4 + 1 = 9.
    /// At 3 entries per cycle: ⌈32/3⌉ = 11 → 11 + 4 + 1 = 16.
    @Test(arguments: SimulationMode.allCases)
    func lutTileExplicitPrecompute(mode: SimulationMode) throws {
        let tile = TensorCoreTile(m: 2, n: 64, k: 4)
        let dims = GEMMDims(m: 2, k: 8, n: 64)
        let eight = try TensorCoreTiming.counts(dims, tile: tile,
                                                kind: .lutTile(weightBits: 2, precompute: .explicit(entriesPerCycle: 8)),
                                                mode: mode)
        #expect(eight.timing.totalCycles == 9)
        #expect(eight.precomputeCycles == 4)
        let three = try TensorCoreTiming.run(dims, tile: tile,
                                             kind: .lutTile(weightBits: 2, precompute: .explicit(entriesPerCycle: 3)),
                                             mode: mode)
        #expect(three.totalCycles == 16)
    }

    /// Tables are built once per row panel, not per column tile: M = 4, K = 8, N = 128 on
    /// 2×64×4 has 2 row panels × 2 column tiles; explicit precompute at 8/cycle costs
    /// 2 panels · ⌈2·2·8/8⌉ = 8 cycles; steps 2·2·2·2 = 16; total 8 + 16 + 1 = 25.
    /// Builds 4 rows · 2 groups = 8; loads 8 · 2 column tiles = 16.
    @Test(arguments: SimulationMode.allCases)
    func lutTileTablesBroadcastAcrossN(mode: SimulationMode) throws {
        let c = try TensorCoreTiming.counts(GEMMDims(m: 4, k: 8, n: 128), tile: TensorCoreTile(m: 2, n: 64, k: 4),
                                            kind: .lutTile(weightBits: 2, precompute: .explicit(entriesPerCycle: 8)),
                                            mode: mode)
        #expect(c.precomputeCycles == 8)
        #expect(c.timing.totalCycles == 25)
        #expect(c.tableBuilds == 8)
        #expect(c.tableEntryWrites == 64)
        #expect(c.tableLoads == 16)
    }

    /// Equivalent throughput m·n·k/B MACs per cycle (spec §5.3): on 2×64×4, 256 for W2×A16,
    /// 128 for INT4, 512 for INT1. M = 256, K = 4096, N = 4096: 128·64·1024·B steps, so
    /// MACs / (total − 1) = 256·4096·4096 / (8_388_608·B) = 512/B.
    @Test func lutTileEquivalentThroughput() throws {
        let tile = TensorCoreTile(m: 2, n: 64, k: 4)
        let dims = GEMMDims(m: 256, k: 4096, n: 4096)
        for (bits, perCycle) in [(2, 256), (4, 128), (1, 512)] {
            let c = try TensorCoreTiming.run(dims, tile: tile, kind: .lutTile(weightBits: bits))
            #expect(c.totalCycles == 8_388_608 * bits + 1)
            #expect(c.macs == perCycle * (c.totalCycles - 1))
        }
    }

    /// Tile 2×2×2 dot tree, M = 4, K = 2, N = 2, 8-bit A and B, 16-bit C, 1 byte/cycle.
    /// Ideal: 2 steps + L − 1 = 2 + 1 = 3. DRAM: tile (0,0) fetches A 2·2 + B 2·2 = 8 bytes
    /// (ready at 8, begins at 8); tile (1,0) fetches its A panel, 4 bytes, from cycle 8 to
    /// 12 and begins at max(8 + 1, 12) = 12; its result lands at 12 + 1 + 1 = 14.
    /// Stalls 14 − 3 = 11; read 12 bytes; write 4·2·2 = 16 bytes.
    @Test(arguments: SimulationMode.allCases)
    func dotTreeWaitsForData(mode: SimulationMode) throws {
        let dram = DRAMConfig(bytesPerCycle: 1, aBits: 8, bBits: 8, cBits: 16)
        let c = try TensorCoreTiming.run(GEMMDims(m: 4, k: 2, n: 2), tile: TensorCoreTile(m: 2, n: 2, k: 2),
                                         kind: .dotTree, mode: mode, dram: dram)
        #expect(c.totalCycles == 14)
        #expect(c.computeCycles == 3)
        #expect(c.stallCycles == 11)
        #expect(c.dram == DRAMTraffic(readBytes: 12, writeBytes: 16))
    }

    /// LUT 2×64×4, B = 2, M = 4, K = 8, N = 64, FP16 A, 2-bit B, 4 bytes/cycle.
    /// Tile (0,0): A 2·8·2 = 32 B + B 8·64/4 = 128 B = 160 B → 40 cycles; it begins at 40 and
    /// issues 4 steps. Tile (1,0): A 32 B → 8 cycles from 40, ready 48; begins at
    /// max(44, 48) = 48; done 48 + 4 + 1 = 53. Ideal 8 + 1 = 9; stalls 44.
    @Test(arguments: SimulationMode.allCases)
    func lutTileWaitsForData(mode: SimulationMode) throws {
        let dram = DRAMConfig(bytesPerCycle: 4, aBits: 16, bBits: 2, cBits: 16)
        let c = try TensorCoreTiming.run(GEMMDims(m: 4, k: 8, n: 64), tile: TensorCoreTile(m: 2, n: 64, k: 4),
                                         kind: .lutTile(weightBits: 2), mode: mode, dram: dram)
        #expect(c.totalCycles == 53)
        #expect(c.computeCycles == 9)
        #expect(c.stallCycles == 44)
        #expect(c.dram.readBytes == 192)
    }
}
