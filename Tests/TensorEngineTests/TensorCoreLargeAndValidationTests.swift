import Foundation
import Testing
@testable import TensorEngine

/// Big GEMMs in the fast mode, and invalid configurations thrown (never trapped).
@Suite struct TensorCoreLargeAndValidationTests {
    /// 4096³ in O(1): dot tree 8×4×8 issues 512·1024·512 block-steps, + L − 1 = 3;
    /// LUT 2×64×4 at B = 2 issues 2048·64·1024·2 bit-plane steps, + 1.
    @Test func large4096CubedIsInstant() throws {
        let dims = GEMMDims(m: 4096, k: 4096, n: 4096)
        let dram = DRAMConfig(bytesPerCycle: 256, aBits: 16, bBits: 2, cBits: 16)
        let start = Date()
        let dot = try TensorCoreTiming.run(dims, tile: TensorCoreTile(m: 8, n: 4, k: 8), kind: .dotTree)
        #expect(dot.totalCycles == 268_435_459)
        #expect(dot.macs == 1 << 36)
        let lut = try TensorCoreTiming.run(dims, tile: TensorCoreTile(m: 2, n: 64, k: 4),
                                           kind: .lutTile(weightBits: 2, precompute: .explicit(entriesPerCycle: 8)),
                                           dram: dram)
        // 2048 row panels · ⌈2·1024·8/8⌉ = 2048 precompute cycles each.
        #expect(lut.computeCycles == 268_435_456 + 2048 * 2048 + 1)
        #expect(lut.totalCycles >= lut.computeCycles)
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func invalidTileAndKindThrow() {
        let dims = GEMMDims(m: 4, k: 4, n: 4)
        let cases: [(TensorCoreTile, TensorCoreKind, TensorEngineError)] = [
            (TensorCoreTile(m: 0, n: 4, k: 4), .dotTree, .invalidArray(name: "tile.m", value: 0)),
            (TensorCoreTile(m: 4, n: -1, k: 4), .dotTree, .invalidArray(name: "tile.n", value: -1)),
            (TensorCoreTile(m: 4, n: 4, k: 0), .lutTile(weightBits: 2), .invalidArray(name: "tile.k", value: 0)),
            (TensorCoreTile(m: 4, n: 4, k: 4, initiationInterval: 0), .dotTree,
             .invalidArray(name: "tile.initiationInterval", value: 0)),
            (TensorCoreTile(m: 2, n: 64, k: 4), .lutTile(weightBits: 0), .invalidArray(name: "weightBits", value: 0)),
            (TensorCoreTile(m: 2, n: 64, k: 4), .lutTile(weightBits: 2, precompute: .explicit(entriesPerCycle: 0)),
             .invalidArray(name: "entriesPerCycle", value: 0)),
        ]
        for (tile, kind, expected) in cases {
            for mode in SimulationMode.allCases {
                #expect(throws: expected) { try TensorCoreTiming.run(dims, tile: tile, kind: kind, mode: mode) }
            }
        }
        #expect(throws: TensorEngineError.invalidDimension(name: "k", value: 0)) {
            try TensorCoreTiming.run(GEMMDims(m: 4, k: 0, n: 4), tile: TensorCoreTile(m: 2, n: 2, k: 2), kind: .dotTree)
        }
        #expect(throws: TensorEngineError.invalidMemory(name: "bytesPerCycle", value: 0)) {
            try TensorCoreTiming.run(GEMMDims(m: 4, k: 4, n: 4), tile: TensorCoreTile(m: 2, n: 2, k: 2), kind: .dotTree,
                                     dram: DRAMConfig(bytesPerCycle: 0, aBits: 8, bBits: 8, cBits: 8))
        }
    }

    /// Absurd sizes are refused instead of saturating: beyond 2^62 MACs by the plan, and a
    /// count beyond 2^63 − 1 (here II = Int.max) as a `countOverflow`.
    @Test func hugeSizesAreRefused() throws {
        let dram = DRAMConfig(bytesPerCycle: 1, aBits: 64, bBits: 64, cBits: 64)
        for kind: TensorCoreKind in [.dotTree, .lutTile(weightBits: .max, precompute: .explicit(entriesPerCycle: 1))] {
            #expect(throws: TensorEngineError.tooManyMACs(m: .max, k: .max, n: .max)) {
                try TensorCoreTiming.counts(GEMMDims(m: .max, k: .max, n: .max), tile: TensorCoreTile(m: 1, n: 1, k: 200),
                                            kind: kind, dram: dram)
            }
            #expect(throws: TensorEngineError.self) {
                try TensorCoreTiming.counts(GEMMDims(m: 1 << 20, k: 1 << 20, n: 1 << 20),
                                            tile: TensorCoreTile(m: 1, n: 1, k: 8, initiationInterval: .max), kind: kind, dram: dram)
            }
        }
        // LUT tables of 2^(k−1) entries: k = 64 does not fit.
        #expect(throws: TensorEngineError.countOverflow("LUT table entries (2^(tile.k−1))")) {
            try TensorCoreTiming.counts(GEMMDims(m: 4, k: 128, n: 4), tile: TensorCoreTile(m: 2, n: 2, k: 64),
                                        kind: .lutTile(weightBits: 2))
        }
    }
}
