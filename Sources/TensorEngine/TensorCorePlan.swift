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

    init(_ dims: GEMMDims, tile: TensorCoreTile, kind: TensorCoreKind) throws(TensorEngineError) {
        self.dims = try dims.validated()
        self.tile = try tile.validated()
        self.kind = kind
        rowTiles = Saturating.ceilDiv(dims.m, tile.m)
        colTiles = Saturating.ceilDiv(dims.n, tile.n)
        kBlocks = Saturating.ceilDiv(dims.k, tile.k)
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
            tableEntries = Self.pow2(tile.k - 1)
            switch precompute {
            case .hidden:
                entriesPerCycle = nil
            case let .explicit(rate):
                guard rate > 0 else { throw .invalidArray(name: "entriesPerCycle", value: rate) }
                entriesPerCycle = rate
            }
        }
    }

    var isLUT: Bool { if case .lutTile = kind { return true } else { return false } }

    /// Output tiles, ⌈M/m⌉·⌈N/n⌉.
    var outputTiles: Int { Saturating.mul(rowTiles, colTiles) }

    var stepsPerTile: Int { Saturating.mul(kBlocks, planes) }

    /// Cycles a tile's steps hold the issue stage, stepsPerTile·II.
    var stepCycles: Int { Saturating.mul(stepsPerTile, tile.initiationInterval) }

    func usedM(_ mi: Int) -> Int { Swift.min(tile.m, dims.m - mi * tile.m) }
    func usedN(_ ni: Int) -> Int { Swift.min(tile.n, dims.n - ni * tile.n) }
    func usedK(_ ki: Int) -> Int { Swift.min(tile.k, dims.k - ki * tile.k) }

    /// Table-write cycles before tile (mi, ni): ⌈u_m·groups·2^(K_g−1) / E⌉ for the first
    /// tile of a row panel with explicit precompute, else 0.
    func precomputeCycles(rowTile mi: Int, colTile ni: Int) -> Int {
        guard ni == 0, let rate = entriesPerCycle else { return 0 }
        return Saturating.ceilDiv(tableEntryWrites(rowTile: mi), rate)
    }

    /// Table entries the row panel mi needs, u_m·groups·2^(K_g−1) (LUT tile).
    func tableEntryWrites(rowTile mi: Int) -> Int {
        Saturating.mul(Saturating.mul(usedM(mi), kBlocks), tableEntries)
    }

    /// Cycles tile (mi, ni) holds the issue stage: precompute + steps·II.
    func issueCycles(rowTile mi: Int, colTile ni: Int) -> Int {
        Saturating.add(precomputeCycles(rowTile: mi, colTile: ni), stepCycles)
    }

    /// Bytes of A (row panel, if ni = 0) and B (column panel, if mi = 0) tile (mi, ni) fetches.
    func fetchBytes(rowTile mi: Int, colTile ni: Int, dram: DRAMConfig) -> Int {
        let a = ni == 0 ? dram.bytes(elements: Saturating.mul(usedM(mi), dims.k), width: dram.a) : 0
        let b = mi == 0 ? dram.bytes(elements: Saturating.mul(dims.k, usedN(ni)), width: dram.b) : 0
        return Saturating.add(a, b)
    }

    /// Cycles tile (mi, ni)'s fetch occupies the channel.
    func fetchCycles(rowTile mi: Int, colTile ni: Int, dram: DRAMConfig) -> Int {
        dram.transferCycles(bytes: fetchBytes(rowTile: mi, colTile: ni, dram: dram))
    }

    /// ⌈log2 x⌉ for x ≥ 1.
    static func ceilLog2(_ x: Int) -> Int {
        x <= 1 ? 0 : Int.bitWidth - (x - 1).leadingZeroBitCount
    }

    /// 2^e, saturating at Int.max; 0 for e < 0.
    static func pow2(_ e: Int) -> Int {
        e < 0 ? 0 : (e >= Int.bitWidth - 1 ? .max : 1 << e)
    }
}
