/// Which operand stays in the PEs of a systolic array, mapped as SCALE-Sim maps it.
///
/// For C[M×N] = A[M×K]·B[K×N] (A = activations, B = weights):
/// - `os` (output stationary): M on the array rows, N on the columns, K streamed.
/// - `ws` (weight stationary): K on the rows, N on the columns, M streamed.
/// - `is` (input stationary): K on the rows, M on the columns, N streamed.
///
/// ```swift
/// let df = Dataflow(rawValue: "ws")!   // .ws
/// ```
public enum Dataflow: String, CaseIterable, Sendable, Hashable, Codable {
    case os
    case ws
    case `is`
}
