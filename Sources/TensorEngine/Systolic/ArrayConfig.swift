/// A rows×cols systolic array, its dataflow, and how many cycles one MAC step takes.
///
/// `cyclesPerStep` models multi-cycle PEs: a bit-serial BitMoD PE with 4-bit weights
/// takes ⌈4/2⌉ = 2 cycles per MAC step; a LUT tensor core processing B bit-planes takes B.
/// Only the streamed MAC steps stretch: each of the T steps of a fold holds its operands
/// in the PE for `cyclesPerStep` cycles, while operand forwarding between neighbours
/// (skew), stationary preload and output drain still move one hop per cycle. With
/// `cyclesPerStep == 1` the engine is a plain one-MAC-per-cycle array.
///
/// `lanes` models precision-scalable PEs that compute several narrow products per cycle
/// (`PELanes`); `GEMMExecution.schedule` runs such an array on the GEMM of the packs, and
/// the timing engines themselves always see one product per PE-cycle.
///
/// ```swift
/// let array = ArrayConfig(rows: 128, cols: 128, dataflow: .ws, cyclesPerStep: 2)
/// try array.peCount   // 16384
/// ```
public struct ArrayConfig: Equatable, Hashable, Sendable, Codable {
    public var rows: Int
    public var cols: Int
    public var dataflow: Dataflow
    public var cyclesPerStep: Int
    /// Products per PE-cycle (`PELanes.single` for a plain PE).
    public var lanes: PELanes

    public init(rows: Int, cols: Int, dataflow: Dataflow, cyclesPerStep: Int = 1, lanes: PELanes = .single) {
        self.rows = rows
        self.cols = cols
        self.dataflow = dataflow
        self.cyclesPerStep = cyclesPerStep
        self.lanes = lanes
    }

    /// Number of processing elements, rows·cols; throws when it exceeds 2^63 − 1.
    public var peCount: Int { get throws(TensorEngineError) { try Checked.mul(rows, cols, "PEs (rows·cols)") } }

    /// Returns `self` if rows, cols and cyclesPerStep are positive, otherwise the first bad one.
    public func validated() throws(TensorEngineError) -> ArrayConfig {
        for (name, value) in [("rows", rows), ("cols", cols), ("cyclesPerStep", cyclesPerStep)]
        where value <= 0 {
            throw .invalidArray(name: name, value: value)
        }
        _ = try lanes.validated()
        return self
    }
}
