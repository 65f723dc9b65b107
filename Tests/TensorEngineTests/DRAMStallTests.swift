import Testing
@testable import TensorEngine

/// Folds wait for their DRAM data; both modes agree on the stalls.
@Suite struct DRAMStallTests {
    @Test func randomConfigurationsAgree() throws {
        var rng = SeededGenerator(seed: 0xD7A_2026)
        for _ in 0..<200 {
            let (array, dims) = randomConfiguration(&rng)
            let dram = randomDRAM(&rng)
            for convention in TimingConvention.allCases {
                let stepped = try SystolicTiming.run(dims, on: array, convention: convention,
                                                     mode: .cycle, dram: dram)
                let fast = try SystolicTiming.run(dims, on: array, convention: convention,
                                                  mode: .fast, dram: dram)
                #expect(stepped == fast, "\(array) \(dims) \(dram) \(convention)")
                let ideal = try SystolicTiming.run(dims, on: array, convention: convention)
                #expect(fast.computeCycles == ideal.totalCycles)
                #expect(fast.totalCycles == fast.computeCycles + fast.stallCycles)
                #expect(fast.stallCycles >= 0)
                // Every element of A and B is fetched exactly once.
                let a = try dram.bytes(elements: 1, bits: dram.aBits)
                if dram.aBits % 8 == 0 && dram.bBits % 8 == 0 {
                    #expect(fast.dram.readBytes
                            == dims.m * dims.k * a + dims.k * dims.n * dram.bBits / 8)
                }
            }
        }
    }

    /// 4×4 ws, M = K = N = 4, 8-bit A and B, 1 byte/cycle: the single fold needs 16 + 16
    /// bytes, which arrive at cycle 32. SCALE-Sim-style: 32 + 4 (preload) + 4 + 6 = 46
    /// cycles, index 45 = 13 compute + 32 stall. Native: 32 + 4 + 4 + 6 = 46 = 14 + 32.
    @Test func singleFoldWaitsForData() throws {
        let dims = GEMMDims(m: 4, k: 4, n: 4)
        let array = ArrayConfig(rows: 4, cols: 4, dataflow: .ws)
        let dram = DRAMConfig(bytesPerCycle: 1, aBits: 8, bBits: 8, cBits: 16)
        for mode in SimulationMode.allCases {
            let s = try SystolicTiming.run(dims, on: array, convention: .scalesim, mode: mode, dram: dram)
            #expect(s.totalCycles == 45)
            #expect(s.stallCycles == 32)
            #expect(s.dram == DRAMTraffic(readBytes: 32, writeBytes: 32))
            let n = try SystolicTiming.run(dims, on: array, convention: .native, mode: mode, dram: dram)
            #expect(n.totalCycles == 46)
            #expect(n.stallCycles == 32)
        }
    }

    /// Ample bandwidth hides everything but the first fold's fetch.
    @Test func wideChannelOnlyDelaysTheFirstFold() throws {
        let dims = GEMMDims(m: 64, k: 64, n: 64)
        let array = ArrayConfig(rows: 16, cols: 16, dataflow: .os)
        let dram = DRAMConfig(bytesPerCycle: 1 << 20, aBits: 8, bBits: 8, cBits: 32)
        let counts = try SystolicTiming.run(dims, on: array, convention: .native, mode: .cycle, dram: dram)
        #expect(counts.stallCycles == 1)
    }

    @Test func invalidMemoryThrows() {
        #expect(throws: TensorEngineError.invalidMemory(name: "bytesPerCycle", value: 0)) {
            try SystolicTiming.run(GEMMDims(m: 1, k: 1, n: 1),
                                   on: ArrayConfig(rows: 1, cols: 1, dataflow: .os),
                                   convention: .native,
                                   dram: DRAMConfig(bytesPerCycle: 0, aBits: 8, bBits: 8, cBits: 8))
        }
    }
}
