import Testing
@testable import TensorEngine

/// The fast path handles LLM-sized GEMMs: 4096³ on a 128×128 array.
@Suite struct LargeGEMMTests {
    @Test func fastPath4096Cubed() throws {
        let dims = GEMMDims(m: 4096, k: 4096, n: 4096)
        let folds = 32 * 32
        let expectedScaleSim: [Dataflow: Int] = [
            .os: folds * (4096 + 128 + 128 - 2) - 1,
            .ws: folds * (2 * 128 + 128 + 4096 - 2) - 1,
            .is: folds * (2 * 128 + 128 + 4096 - 2) - 1,
        ]
        for dataflow in Dataflow.allCases {
            let array = ArrayConfig(rows: 128, cols: 128, dataflow: dataflow)
            let scalesim = try SystolicTiming.run(dims, on: array, convention: .scalesim, mode: .fast)
            #expect(scalesim.totalCycles == expectedScaleSim[dataflow])
            #expect(scalesim.folds == folds)
            #expect(scalesim.macs == 4096 * 4096 * 4096)
            let native = try SystolicTiming.run(dims, on: array, convention: .native, mode: .fast)
            let wave = 4096 + 127 + 127
            let expectedNative = dataflow == .os
                ? 4096 + (folds - 2) * 4096 + wave + 128
                : 128 + (folds - 1) * 4096 + wave
            #expect(native.totalCycles == expectedNative)
        }
    }

    /// With a DRAM channel the fast path walks the 1024 folds once (O(folds), O(1) memory).
    @Test func fastPath4096CubedWithDRAM() throws {
        let dims = GEMMDims(m: 4096, k: 4096, n: 4096)
        let dram = DRAMConfig(bytesPerCycle: 64, aBits: 8, bBits: 4, cBits: 16)
        for dataflow in Dataflow.allCases {
            let array = ArrayConfig(rows: 128, cols: 128, dataflow: dataflow)
            let counts = try SystolicTiming.run(dims, on: array, convention: .native, dram: dram)
            #expect(counts.dram.readBytes == 4096 * 4096 + 4096 * 4096 / 2)
            #expect(counts.dram.writeBytes == 4096 * 4096 * 2)
            #expect(counts.totalCycles == counts.computeCycles + counts.stallCycles)
            #expect(counts.stallCycles > 0)   // the first fold's data is at least one cycle
        }
    }
}
