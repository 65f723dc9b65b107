/// How a GEMM maps onto a tensor-core tile: the output-tile order, the steps per tile, the
/// pipeline latency, and each tile's DRAM fetch — shared by `DotTreeTiming` and `LUTTileTiming`.
///
/// Order: output tiles (mi, ni) of C run row-major — row panels mi outer, columns ni inner
/// (tile u = mi·⌈N/n⌉ + ni) — and each tile runs its whole K before the next (outputs stay
/// in accumulator registers; a tile's last result drains while the next tile's first step
/// enters, so the pipeline fills once). A tile issues `stepsPerTile` steps (dot tree:
/// ⌈K/k⌉ block-steps; LUT: ⌈K/K_g⌉ groups × B bit-planes), each holding the issue stage
/// II cycles, preceded (LUT explicit precompute, ni = 0) by its row panel's table writes.
///
/// DRAM (`DRAMConfig`), the systolic engine's semantics at output-tile granularity: every
/// element of A and B is fetched once, in tile order, over one channel. Tile (mi, ni)
/// fetches its A row panel (u_m·K elements) if ni = 0 and its B column panel (K·u_n) if
/// mi = 0, in ⌈bytes/bytesPerCycle⌉ cycles. Tile 0's fetch starts at cycle 0; tile u+1's
/// fetch starts once tile u's fetch has finished and tile u has begun (double buffering,
/// one tile of prefetch). A tile cannot begin before its data has arrived.
///
/// ```swift
/// let plan = try TensorCorePlan(GEMMDims(m: 16, k: 16, n: 16),
///                               tile: TensorCoreTile(m: 8, n: 4, k: 8), kind: .dotTree)
/// // rowTiles 2, colTiles 4, kBlocks 2, stepsPerTile 2, latency 4
/// ```
struct TensorCorePlan: Equatable, Sendable {
    let dims: GEMMDims
    let tile: TensorCoreTile
    let kind: TensorCoreKind
    /// ⌈M/m⌉ row panels.
    let rowTiles: Int
    /// ⌈N/n⌉ column tiles.
    let colTiles: Int
    /// ⌈K/k⌉ K blocks (dot tree) or K_g groups (LUT tile).
    let kBlocks: Int
    /// Steps per K block: 1 (dot tree) or the weight bits B (LUT tile, one per bit-plane).
    let planes: Int
    /// Pipeline latency L in cycles: ⌈log2 k⌉ + 1 (dot tree) or 2 (LUT tile).
    let latency: Int
    /// Table entries written per table (LUT explicit precompute) and the write rate.
    let tableEntries: Int
    let entriesPerCycle: Int?
    /// Multiply-accumulates, M·K·N (at most 2^62, `MACLimit`).
    let macs: Int
    /// The tile's MAC lanes, m·n·k.
    let lanes: Int
    /// Output tiles, ⌈M/m⌉·⌈N/n⌉.
    let outputTiles: Int
    /// Steps per output tile, kBlocks·planes.
    let stepsPerTile: Int
    /// Cycles a tile's steps hold the issue stage, stepsPerTile·II.
    let stepCycles: Int

    /// Throws for a bad shape, tile or kind, and when a per-tile count exceeds 2^63 − 1.
    init(_ dims: GEMMDims, tile: TensorCoreTile, kind: TensorCoreKind) throws(TensorEngineError) {
        self.dims = try dims.validated()
        self.tile = try tile.validated()
        self.kind = kind
        rowTiles = Checked.ceilDiv(dims.m, tile.m)
        colTiles = Checked.ceilDiv(dims.n, tile.n)
        kBlocks = Checked.ceilDiv(dims.k, tile.k)
        switch kind {
        case .dotTree:
            planes = 1
            latency = Self.ceilLog2(tile.k) + 1
            tableEntries = 0
            entriesPerCycle = nil
        case let .lutTile(weightBits, precompute):
            guard weightBits > 0 else { throw .invalidArray(name: "weightBits", value: weightBits) }
            planes = weightBits
            latency = 2
            guard tile.k - 1 < Int.bitWidth - 1 else { throw .countOverflow("LUT table entries (2^(tile.k−1))") }
            tableEntries = 1 << (tile.k - 1)
            switch precompute {
            case .hidden:
                entriesPerCycle = nil
            case let .explicit(rate):
                guard rate > 0 else { throw .invalidArray(name: "entriesPerCycle", value: rate) }
                entriesPerCycle = rate
            }
        }
        macs = try dims.macs
        lanes = try tile.lanes
        outputTiles = rowTiles * colTiles   // ≤ M·N ≤ 2^62
        stepsPerTile = try Checked.mul(kBlocks, planes, "steps")
        stepCycles = try Checked.mul(stepsPerTile, tile.initiationInterval, "cycles")
    }

    var isLUT: Bool { if case .lutTile = kind { return true } else { return false } }

    func usedM(_ mi: Int) -> Int { Swift.min(tile.m, dims.m - mi * tile.m) }
    func usedN(_ ni: Int) -> Int { Swift.min(tile.n, dims.n - ni * tile.n) }
    func usedK(_ ki: Int) -> Int { Swift.min(tile.k, dims.k - ki * tile.k) }

    /// Table-write cycles before tile (mi, ni): ⌈u_m·groups·2^(K_g−1) / E⌉ for the first
    /// tile of a row panel with explicit precompute, else 0.
    func precomputeCycles(rowTile mi: Int, colTile ni: Int) throws(TensorEngineError) -> Int {
        guard ni == 0, let rate = entriesPerCycle else { return 0 }
        return Checked.ceilDiv(try tableEntryWrites(rowTile: mi), rate)
    }

    /// Table entries the row panel mi needs, u_m·groups·2^(K_g−1) (LUT tile).
    func tableEntryWrites(rowTile mi: Int) throws(TensorEngineError) -> Int {
        try Checked.mul(usedM(mi) * kBlocks, tableEntries, "LUT table entries")   // u_m·groups ≤ M·K
    }

    /// Cycles tile (mi, ni) holds the issue stage: precompute + steps·II.
    func issueCycles(rowTile mi: Int, colTile ni: Int) throws(TensorEngineError) -> Int {
        try Checked.add(precomputeCycles(rowTile: mi, colTile: ni), stepCycles, "cycles")
    }

    /// Bytes of A (row panel, if ni = 0) and B (column panel, if mi = 0) tile (mi, ni) fetches.
    func fetchBytes(rowTile mi: Int, colTile ni: Int, dram: DRAMConfig) throws(TensorEngineError) -> Int {
        let a = ni == 0 ? try dram.bytes(elements: usedM(mi) * dims.k, width: dram.a) : 0   // ≤ M·K
        let b = mi == 0 ? try dram.bytes(elements: dims.k * usedN(ni), width: dram.b) : 0   // ≤ K·N
        return try Checked.add(a, b, "DRAM bytes")
    }

    /// Cycles tile (mi, ni)'s fetch occupies the channel.
    func fetchCycles(rowTile mi: Int, colTile ni: Int, dram: DRAMConfig) throws(TensorEngineError) -> Int {
        dram.transferCycles(bytes: try fetchBytes(rowTile: mi, colTile: ni, dram: dram))
    }

    /// ⌈log2 x⌉ for x ≥ 1.
    static func ceilLog2(_ x: Int) -> Int {
        x <= 1 ? 0 : Int.bitWidth - (x - 1).leadingZeroBitCount
    }
}
