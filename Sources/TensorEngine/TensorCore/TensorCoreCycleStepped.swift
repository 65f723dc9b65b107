/// The cycle-stepped tensor-core engine: steps one cycle at a time through the output
/// tiles' block-steps (dot tree) or bit-plane steps (LUT tile) of a `TensorCorePlan`.
///
/// Units acting each cycle:
/// - the **DRAM channel** fetches each output tile's new A/B panels, one tile ahead;
/// - the **issue stage** (pipeline stage 0) begins the next tile once its data has
///   arrived, spends its table-write cycles (LUT explicit precompute, first tile of a row
///   panel), then holds each step for II cycles;
/// - the **pipeline registers** (stages 1…L−1) move a step one stage per cycle; a step
///   leaving the last stage has its result in the accumulator; a tile's last step
///   retiring writes its u_m·u_n outputs.
///
/// Total cycles are the cycles until every step has retired; `computeCycles` come from a
/// second run with an ideal memory. Work is O(total cycles · L); use
/// `TensorCoreClosedForm` for big GEMMs. Counts are added exactly; one beyond 2^63 − 1
/// throws `TensorEngineError.countOverflow`.
///
/// ```swift
/// let plan = try TensorCorePlan(GEMMDims(m: 16, k: 16, n: 16),
///                               tile: TensorCoreTile(m: 8, n: 4, k: 8), kind: .dotTree)
/// try TensorCoreCycleStepped.run(plan).timing.totalCycles   // 19 = 16 steps + L − 1
/// ```
enum TensorCoreCycleStepped {
    /// One step in flight: which tile, K block and bit-plane.
    private struct Token {
        var mi: Int, ni: Int, ki: Int, plane: Int
        var lastOfTile: Bool
    }

    static func run(_ plan: TensorCorePlan, dram: DRAMConfig? = nil) throws(TensorEngineError) -> TensorCoreCounts {
        typealias C = Checked
        let ii = plan.tile.initiationInterval
        let tiles = plan.outputTiles
        let perTile = plan.stepsPerTile
        let colTiles = plan.colTiles

        var counts = TensorCoreCounts(
            timing: TimingCounts(totalCycles: 0, computeCycles: 0, stallCycles: 0, activePECycles: 0,
                                 macs: 0, folds: tiles, peCount: plan.lanes, sram: SRAMTraffic()),
            steps: 0, pipelineLatency: plan.latency)

        // DRAM channel.
        var begun = 0
        var channel = DRAMFetchChannel(units: tiles)
        func startFetches(at c: Int) throws(TensorEngineError) {
            try channel.start(at: c, begun: begun, bytes: { unit throws(TensorEngineError) in
                guard let dram else { return 0 }
                return try plan.fetchBytes(rowTile: unit / colTiles, colTile: unit % colTiles, dram: dram)
            }, cycles: { dram?.transferCycles(bytes: $0) ?? 0 })
        }

        // Issue stage and pipeline registers.
        var tile = 0, step = 0, tileBegun = false
        var precomputeLeft = 0
        var stage0: (token: Token, remaining: Int)?
        var pipe = [Token?](repeating: nil, count: plan.latency - 1)   // stages 1…L−1

        var c = 0
        while true {
            // 1. Retire the fetch that completes at the start of cycle c; start the next.
            channel.retire(at: c)
            try startFetches(at: c)

            // 2. Issue stage: begin the next tile, or issue its next step.
            if stage0 == nil, precomputeLeft == 0, tile < tiles {
                let (mi, ni) = (tile / colTiles, tile % colTiles)
                if !tileBegun, channel.fetched > tile {
                    tileBegun = true
                    begun += 1
                    try startFetches(at: c)
                    if plan.isLUT, ni == 0 {
                        counts.tableBuilds += plan.usedM(mi) * plan.kBlocks   // Σ ≤ M·K
                        counts.tableEntryWrites = try C.add(counts.tableEntryWrites, plan.tableEntryWrites(rowTile: mi),
                                                            "LUT table entries")
                    }
                    precomputeLeft = try plan.precomputeCycles(rowTile: mi, colTile: ni)
                }
                if tileBegun, precomputeLeft == 0 {
                    let token = Token(mi: mi, ni: ni, ki: step / plan.planes, plane: step % plan.planes,
                                      lastOfTile: step == perTile - 1)
                    try issue(token, plan: plan, into: &counts)
                    stage0 = (token, ii)
                    step += 1
                    if step == perTile {
                        tile += 1
                        step = 0
                        tileBegun = false
                    }
                }
            }

            // 3. Done when every step has issued and retired.
            if tile == tiles, stage0 == nil, pipe.allSatisfy({ $0 == nil }) { break }

            // 4. The work of cycle c.
            if precomputeLeft > 0 {
                precomputeLeft -= 1
                counts.precomputeCycles += 1
            } else if let (token, _) = stage0 {
                counts.timing.activePECycles = try C.add(counts.timing.activePECycles,
                                                         plan.usedM(token.mi) * plan.usedN(token.ni) * plan.usedK(token.ki),
                                                         "PE-cycles")
            }

            // 5. End of cycle: the last stage retires, registers shift, stage 0 hands over.
            var leaving: Token?
            if let last = pipe.last {
                leaving = last
                for j in stride(from: pipe.count - 1, to: 0, by: -1) { pipe[j] = pipe[j - 1] }
                pipe[0] = nil
            }
            if let (token, remaining) = stage0 {
                if remaining > 1 {
                    stage0 = (token, remaining - 1)
                } else {
                    stage0 = nil
                    if pipe.isEmpty { leaving = token } else { pipe[0] = token }
                }
            }
            if let done = leaving, done.lastOfTile {
                counts.timing.sram.cWrites += plan.usedM(done.mi) * plan.usedN(done.ni)   // Σ = M·N
            }
            c = try C.add(c, 1, "cycles")
        }

        counts.timing.totalCycles = c
        counts.timing.computeCycles = c
        if let dram {
            counts.timing.computeCycles = try run(plan).timing.totalCycles
            counts.timing.dram = DRAMTraffic(readBytes: channel.readBytes,
                                             writeBytes: try dram.bytes(elements: plan.dims.m * plan.dims.n, width: dram.c))
        }
        counts.timing.stallCycles = counts.timing.totalCycles - counts.timing.computeCycles
        return counts
    }

    /// Counts a step entering the issue stage: its operand reads and, on a K block's last
    /// plane, its MACs. Sums bounded by M·K·N (MACs, loads, weight reads) add unchecked.
    private static func issue(_ t: Token, plan: TensorCorePlan, into counts: inout TensorCoreCounts) throws(TensorEngineError) {
        typealias C = Checked
        let um = plan.usedM(t.mi), un = plan.usedN(t.ni), uk = plan.usedK(t.ki)
        counts.steps = try C.add(counts.steps, 1, "steps")
        if t.plane == plan.planes - 1 { counts.timing.macs += um * un * uk }
        if plan.isLUT {
            counts.tableLookups = try C.add(counts.tableLookups, um * un, "LUT table lookups")
            if t.plane == 0 {
                // The group's u_m tables and its u_k·u_n weights (all B bits) enter the tile.
                counts.tableLoads += um
                counts.timing.sram.aReads = try C.add(counts.timing.sram.aReads, C.mul(um, plan.tableEntries, "SRAM reads"),
                                                      "SRAM reads")
                counts.timing.sram.bReads += uk * un
            }
        } else {
            counts.timing.sram.aReads += um * uk
            counts.timing.sram.bReads += uk * un
        }
    }
}
