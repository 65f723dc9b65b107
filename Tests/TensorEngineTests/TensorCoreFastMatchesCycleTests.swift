import Testing
@testable import TensorEngine

/// The tensor-core closed forms must equal the cycle-stepped engine, count for count, and
/// both must equal a plain per-tile recurrence.
@Suite struct TensorCoreFastMatchesCycleTests {
    /// A random tile, kind, GEMM and (half the time) DRAM channel.
    private static func randomCase(_ rng: inout SeededGenerator, lut: Bool)
        -> (GEMMDims, TensorCoreTile, TensorCoreKind, DRAMConfig?) {
        let tile = TensorCoreTile(m: Int.random(in: 1...12, using: &rng),
                                  n: Int.random(in: 1...48, using: &rng),
                                  k: Int.random(in: 1...(lut ? 6 : 16), using: &rng),
                                  initiationInterval: Int.random(in: 1...3, using: &rng))
        let dims = GEMMDims(m: Int.random(in: 1...40, using: &rng),
                            k: Int.random(in: 1...40, using: &rng),
                            n: Int.random(in: 1...96, using: &rng))
        let kind: TensorCoreKind
        if lut {
            let precompute: LUTTilePrecompute = Bool.random(using: &rng)
                ? .hidden : .explicit(entriesPerCycle: Int.random(in: 1...16, using: &rng))
            kind = .lutTile(weightBits: Int.random(in: 1...4, using: &rng), precompute: precompute)
        } else {
            kind = .dotTree
        }
        let bits = [1, 2, 4, 8, 16, 32]
        let dram: DRAMConfig? = Bool.random(using: &rng)
            ? DRAMConfig(bytesPerCycle: Int.random(in: 1...64, using: &rng),
                         a: OperandWidth(bits: bits.randomElement(using: &rng)!,
                                         per: [1, 1, 4].randomElement(using: &rng)!),
                         b: OperandWidth(bits: bits.randomElement(using: &rng)!),
                         c: OperandWidth(bits: bits.randomElement(using: &rng)!))
            : nil
        return (dims, tile, kind, dram)
    }

    /// Total cycles by the tile-by-tile recurrence, O(tiles): begin_0 = D_0,
    /// begin_{u+1} = begin_u + max(W_u, D_{u+1}), total = begin_last + W_last + L − 1.
    private static func recurrence(_ plan: TensorCorePlan, dram: DRAMConfig?) throws -> Int {
        var begin = 0, ready = 0, previousEnd = 0
        for u in 0..<plan.outputTiles {
            let (mi, ni) = (u / plan.colTiles, u % plan.colTiles)
            let fetchStart = u == 0 ? 0 : Swift.max(ready, begin)
            ready = fetchStart + (try dram.map { d throws(TensorEngineError) in try plan.fetchCycles(rowTile: mi, colTile: ni, dram: d) } ?? 0)
            begin = Swift.max(previousEnd, ready)
            previousEnd = begin + (try plan.issueCycles(rowTile: mi, colTile: ni))
        }
        return previousEnd + plan.latency - 1
    }

    @Test(arguments: [false, true])
    func randomConfigurationsAgree(lut: Bool) throws {
        var rng = SeededGenerator(seed: lut ? 0x7C_2026 : 0xD07_2026)
        var withDRAM = 0
        for _ in 0..<150 {
            let (dims, tile, kind, dram) = Self.randomCase(&rng, lut: lut)
            let stepped = try TensorCoreTiming.counts(dims, tile: tile, kind: kind, mode: .cycle, dram: dram)
            let fast = try TensorCoreTiming.counts(dims, tile: tile, kind: kind, mode: .fast, dram: dram)
            #expect(stepped == fast, "\(dims) \(tile) \(kind) \(String(describing: dram))")
            let plan = try TensorCorePlan(dims, tile: tile, kind: kind)
            #expect(fast.timing.totalCycles == (try Self.recurrence(plan, dram: dram)))
            #expect(fast.timing.computeCycles == (try Self.recurrence(plan, dram: nil)))
            #expect(fast.timing.totalCycles == fast.timing.computeCycles + fast.timing.stallCycles)
            #expect(fast.timing.stallCycles >= 0)
            #expect(fast.timing.macs == dims.m * dims.k * dims.n)
            #expect(fast.timing.activePECycles == fast.timing.macs * plan.planes * tile.initiationInterval)
            #expect(fast.timing.utilization <= 1)
            if let dram {
                withDRAM += 1
                // Every element of A and B is fetched exactly once.
                if dram.a.per == 1, dram.aBits % 8 == 0, dram.bBits % 8 == 0 {
                    #expect(fast.timing.dram.readBytes
                            == (dims.m * dims.k * dram.aBits + dims.k * dims.n * dram.bBits) / 8)
                }
            }
            #expect(try TensorCoreTiming.run(dims, tile: tile, kind: kind, mode: .cycle, dram: dram)
                    == fast.timing)
        }
        #expect(withDRAM > 50)
    }

    /// Edge shapes: 1×1×1 tiles, single-element GEMMs, exact multiples, one past a multiple.
    @Test func edgeShapesAgree() throws {
        let tiles = [(1, 1, 1), (8, 4, 8), (2, 64, 4), (3, 5, 2)]
        let shapes = [(1, 1, 1), (8, 8, 8), (9, 17, 65), (2, 4, 64), (16, 16, 16), (3, 1, 129)]
        let kinds: [TensorCoreKind] = [.dotTree, .lutTile(weightBits: 2),
                                       .lutTile(weightBits: 3, precompute: .explicit(entriesPerCycle: 3))]
        let drams: [DRAMConfig?] = [nil, DRAMConfig(bytesPerCycle: 1, aBits: 16, bBits: 2, cBits: 16),
                                    DRAMConfig(bytesPerCycle: 64, aBits: 8, bBits: 4, cBits: 32)]
        for (tm, tn, tk) in tiles {
            for ii in 1...2 {
                let tile = TensorCoreTile(m: tm, n: tn, k: tk, initiationInterval: ii)
                for (m, k, n) in shapes {
                    for kind in kinds {
                        for dram in drams {
                            let dims = GEMMDims(m: m, k: k, n: n)
                            let a = try TensorCoreTiming.counts(dims, tile: tile, kind: kind, mode: .cycle, dram: dram)
                            let b = try TensorCoreTiming.counts(dims, tile: tile, kind: kind, mode: .fast, dram: dram)
                            #expect(a == b, "\(tile) \(dims) \(kind) \(String(describing: dram))")
                        }
                    }
                }
            }
        }
    }

    /// The index classes cover 0..<count exactly once.
    @Test func classesPartitionTheIndices() {
        for count in 1...7 {
            let classes = TensorCoreClosedForm.classes(count: count, specials: [0, count - 2, count - 1])
            #expect(classes.reduce(0) { $0 + $1.weight } == count)
            #expect(classes.allSatisfy { $0.index >= 0 && $0.index < count && $0.weight > 0 })
            #expect(Set(classes.map(\.index)).count == classes.count)
        }
    }
}
