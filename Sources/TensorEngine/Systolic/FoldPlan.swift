/// How a GEMM maps onto the array: the spatial extents, the streamed length, the folds.
///
/// Following SCALE-Sim, the array rows hold `spatialRows` (os: M, ws/is: K), the columns
/// hold `spatialCols` (os/ws: N, is: M), and `streamSteps` operand vectors are streamed
/// through each fold (os: K, ws: M, is: N). A spatial extent larger than the array is cut
/// into ⌈extent/size⌉ folds; the last fold along each axis may use only part of the array.
///
/// ```swift
/// let plan = try FoldPlan(GEMMDims(m: 20, k: 17, n: 9),
///                         on: ArrayConfig(rows: 8, cols: 8, dataflow: .ws))
/// // spatialRows 17, spatialCols 9, streamSteps 20, rowFolds 3, colFolds 2
/// ```
public struct FoldPlan: Equatable, Sendable {
    public let array: ArrayConfig
    public let dims: GEMMDims
    /// Extent mapped on the array rows (os: M; ws, is: K).
    public let spatialRows: Int
    /// Extent mapped on the array columns (os, ws: N; is: M).
    public let spatialCols: Int
    /// Operand vectors streamed per fold (os: K; ws: M; is: N).
    public let streamSteps: Int
    public let rowFolds: Int
    public let colFolds: Int
    /// Total folds, rowFolds·colFolds.
    public let folds: Int
    /// Multiply-accumulates, M·K·N (at most 2^62, `MACLimit`).
    public let macs: Int
    /// Processing elements, rows·cols.
    public let peCount: Int
    /// Cycles one fold spends streaming: streamSteps·cyclesPerStep.
    public let streamCycles: Int
    /// Cycles for a wavefront to cross the whole array's skew: (rows−1)+(cols−1).
    public let skewCycles: Int
    /// Cycles a fold's wavefront takes to leave the array: streamCycles + skewCycles.
    let waveCycles: Int

    /// Throws for a bad shape or array, and when the fold's cycles exceed 2^63 − 1.
    public init(_ dims: GEMMDims, on array: ArrayConfig) throws(TensorEngineError) {
        self.dims = try dims.validated()
        self.array = try array.validated()
        switch array.dataflow {
        case .os: (spatialRows, spatialCols, streamSteps) = (dims.m, dims.n, dims.k)
        case .ws: (spatialRows, spatialCols, streamSteps) = (dims.k, dims.n, dims.m)
        case .is: (spatialRows, spatialCols, streamSteps) = (dims.k, dims.m, dims.n)
        }
        rowFolds = Checked.ceilDiv(spatialRows, array.rows)
        colFolds = Checked.ceilDiv(spatialCols, array.cols)
        folds = rowFolds * colFolds   // ≤ spatialRows·spatialCols ≤ M·K·N ≤ 2^62
        macs = try dims.macs
        peCount = try array.peCount
        streamCycles = try Checked.mul(streamSteps, array.cyclesPerStep, "cycles")
        skewCycles = try Checked.add(array.rows - 1, array.cols - 1, "cycles")
        waveCycles = try Checked.add(streamCycles, skewCycles, "cycles")
    }

    /// Cycles to shift a stationary tile in (ws/is) or out (os): one per array row.
    public var shiftCycles: Int { array.rows }

    /// Array rows used by row fold `index` (the last fold may be partial).
    public func usedRows(rowFold index: Int) -> Int {
        Swift.min(array.rows, spatialRows - index * array.rows)
    }

    /// Array columns used by column fold `index` (the last fold may be partial).
    public func usedCols(colFold index: Int) -> Int {
        Swift.min(array.cols, spatialCols - index * array.cols)
    }
}
