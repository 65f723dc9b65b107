/// Closed-form tensor-core timing: the same `TensorCoreCounts` as `TensorCoreCycleStepped`,
/// in O(1) time and memory.
///
/// With U = ⌈M/m⌉·⌈N/n⌉ output tiles, S steps per tile (dot tree ⌈K/k⌉, LUT ⌈K/K_g⌉·B),
/// II the unit's initiation interval, P_u the table-write cycles before tile u (LUT
/// explicit precompute, first tile of a row panel) and L the pipeline latency, tile u
/// holds the issue stage W_u = P_u + S·II cycles and tiles follow back to back:
/// - ideal memory: total = Σ W_u + L − 1 = U·S·II + Σ_panels P + L − 1;
/// - with DRAM, D_u = ⌈fetch bytes of tile u / bytesPerCycle⌉: tile u+1's fetch starts at
///   max(ready_u, begin_u) = begin_u, so begin_0 = D_0, begin_{u+1} = begin_u +
///   max(W_u, D_{u+1}) and total = D_0 + Σ_{u<U−1} max(W_u, D_{u+1}) + W_{U−1} + L − 1.
///   The summand depends on (mi, ni) only through mi ∈ {0, R−2, R−1} and
///   ni ∈ {0, C−2, C−1} (first panel/column, partial last panel/column and its
///   predecessor); every other index gives the same value, so the sum is evaluated over at
///   most 4×4 classes with their multiplicities.
///
/// MACs are M·K·N and active lane-cycles M·K·N·B·II (B = 1 for the dot tree); SRAM
/// traffic uses Σ u_m = M, Σ u_n = N, Σ u_k = K over the tiles. Every count is exact; one
/// beyond 2^63 − 1 throws `TensorEngineError.countOverflow`.
///
/// ```swift
/// let plan = try TensorCorePlan(GEMMDims(m: 4096, k: 4096, n: 4096),
///                               tile: TensorCoreTile(m: 8, n: 4, k: 8), kind: .dotTree)
/// try TensorCoreClosedForm.run(plan).timing.totalCycles
/// // 512·1024·512 + 4 − 1 = 268_435_459
/// ```
enum TensorCoreClosedForm {
    static func run(_ plan: TensorCorePlan, dram: DRAMConfig? = nil) throws(TensorEngineError) -> TensorCoreCounts {
        typealias C = Checked
        let (m, k, n) = (plan.dims.m, plan.dims.k, plan.dims.n)
        let rowTiles = plan.rowTiles, colTiles = plan.colTiles
        let tiles = plan.outputTiles
        let lastRow = rowTiles - 1, lastCol = colTiles - 1

        // Table writes happen once per row panel: R−1 full panels and the last one.
        let precompute = try C.add(C.mul(lastRow, plan.precomputeCycles(rowTile: 0, colTile: 0), "cycles"),
                                   plan.precomputeCycles(rowTile: lastRow, colTile: 0), "cycles")
        let drain = plan.latency - 1
        let compute = try C.add(C.add(C.mul(tiles, plan.stepCycles, "cycles"), precompute, "cycles"), drain, "cycles")

        // Element counts below without a check are at most M·K·N ≤ 2^62.
        let macs = plan.macs
        var sram = SRAMTraffic()
        sram.bReads = k * n * rowTiles
        sram.cWrites = m * n
        var counts = TensorCoreCounts(
            timing: TimingCounts(totalCycles: compute, computeCycles: compute, stallCycles: 0,
                                 activePECycles: try C.mul(C.mul(macs, plan.planes, "PE-cycles"),
                                                           plan.tile.initiationInterval, "PE-cycles"),
                                 macs: macs, folds: tiles, peCount: plan.lanes, sram: sram),
            steps: try C.mul(tiles, plan.stepsPerTile, "steps"), pipelineLatency: plan.latency,
            precomputeCycles: precompute)
        if plan.isLUT {
            let tables = m * plan.kBlocks                     // M·⌈K/K_g⌉
            counts.tableBuilds = tables
            counts.tableEntryWrites = try C.mul(tables, plan.tableEntries, "LUT table entries")
            counts.tableLoads = tables * colTiles
            counts.tableLookups = try C.mul(m * n * plan.kBlocks, plan.planes, "LUT table lookups")
            counts.timing.sram.aReads = try C.mul(counts.tableLoads, plan.tableEntries, "SRAM reads")
        } else {
            counts.timing.sram.aReads = m * k * colTiles
        }

        if let dram {
            let total = try cyclesWithDRAM(plan, dram: dram)
            let aBytes = try C.add(C.mul(lastRow, aBytesOf(plan, rowTile: 0, dram: dram), "DRAM bytes"),
                                   aBytesOf(plan, rowTile: lastRow, dram: dram), "DRAM bytes")
            let bBytesTotal = try C.add(C.mul(lastCol, bBytes(plan, colTile: 0, dram: dram), "DRAM bytes"),
                                        bBytes(plan, colTile: lastCol, dram: dram), "DRAM bytes")
            counts.timing.totalCycles = total
            counts.timing.stallCycles = total - compute
            counts.timing.dram = DRAMTraffic(readBytes: try C.add(aBytes, bBytesTotal, "DRAM bytes"),
                                             writeBytes: try dram.bytes(elements: m * n, width: dram.c))
        }
        return counts
    }

    /// Bytes of row panel mi's A (u_m·K elements).
    private static func aBytesOf(_ plan: TensorCorePlan, rowTile mi: Int, dram: DRAMConfig) throws(TensorEngineError) -> Int {
        try dram.bytes(elements: plan.usedM(mi) * plan.dims.k, width: dram.a)
    }

    /// Bytes of column tile ni's B (K·u_n elements).
    private static func bBytes(_ plan: TensorCorePlan, colTile ni: Int, dram: DRAMConfig) throws(TensorEngineError) -> Int {
        try dram.bytes(elements: plan.dims.k * plan.usedN(ni), width: dram.b)
    }

    /// Total cycles with DRAM: D_0 + Σ_u g(u), g(u) = max(W_u, D_{u+1}) (u < U−1) or
    /// W_{U−1} + L − 1, summed over index classes.
    static func cyclesWithDRAM(_ plan: TensorCorePlan, dram: DRAMConfig) throws(TensorEngineError) -> Int {
        typealias C = Checked
        let rowTiles = plan.rowTiles, colTiles = plan.colTiles
        func g(_ mi: Int, _ ni: Int) throws(TensorEngineError) -> Int {
            let w = try plan.issueCycles(rowTile: mi, colTile: ni)
            if ni < colTiles - 1 {
                return Swift.max(w, try plan.fetchCycles(rowTile: mi, colTile: ni + 1, dram: dram))
            }
            if mi < rowTiles - 1 {
                return Swift.max(w, try plan.fetchCycles(rowTile: mi + 1, colTile: 0, dram: dram))
            }
            return try C.add(w, plan.latency - 1, "cycles")
        }
        var total = try plan.fetchCycles(rowTile: 0, colTile: 0, dram: dram)
        for (mi, rowWeight) in classes(count: rowTiles, specials: [0, rowTiles - 2, rowTiles - 1]) {
            for (ni, colWeight) in classes(count: colTiles, specials: [0, colTiles - 2, colTiles - 1]) {
                total = try C.add(total, C.mul(rowWeight * colWeight, g(mi, ni), "cycles"), "cycles")   // weights ≤ tiles
            }
        }
        return total
    }

    /// Indices 0..<count as classes: each special index in range alone (weight 1), and one
    /// representative of all the others with their number as its weight.
    static func classes(count: Int, specials: [Int]) -> [(index: Int, weight: Int)] {
        var out: [(index: Int, weight: Int)] = []
        for s in specials where s >= 0 && s < count && !out.contains(where: { $0.index == s }) {
            out.append((s, 1))
        }
        let rest = count - out.count
        if rest > 0, let rep = (0...out.count).first(where: { i in !out.contains { $0.index == i } }) {
            out.append((rep, rest))
        }
        return out
    }
}
