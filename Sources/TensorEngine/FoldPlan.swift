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

    public init(_ dims: GEMMDims, on array: ArrayConfig) throws(TensorEngineError) {
        self.dims = try dims.validated()
        self.array = try array.validated()
        switch array.dataflow {
        case .os: (spatialRows, spatialCols, streamSteps) = (dims.m, dims.n, dims.k)
        case .ws: (spatialRows, spatialCols, streamSteps) = (dims.k, dims.n, dims.m)
        case .is: (spatialRows, spatialCols, streamSteps) = (dims.k, dims.m, dims.n)
        }
        rowFolds = Saturating.ceilDiv(spatialRows, array.rows)
        colFolds = Saturating.ceilDiv(spatialCols, array.cols)
    }

    /// Total folds, rowFolds·colFolds.
    public var folds: Int { Saturating.mul(rowFolds, colFolds) }

    /// Cycles one fold spends streaming: streamSteps·cyclesPerStep.
    public var streamCycles: Int { Saturating.mul(streamSteps, array.cyclesPerStep) }

    /// Cycles for a wavefront to cross the whole array's skew: (rows−1)+(cols−1).
    public var skewCycles: Int { Saturating.add(array.rows - 1, array.cols - 1) }

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
