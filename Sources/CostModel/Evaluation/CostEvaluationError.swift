/// A workload the cost model cannot evaluate on a design, as one line naming the workload:
/// a count beyond 2^63 − 1 (cycles, bytes, accesses) or an energy that is not finite.
///
/// ```swift
/// CostEvaluationError(workload: "big", message: "gemms[0] (g): cycles exceed 2^63−1 …").description
/// // "workload big: gemms[0] (g): cycles exceed 2^63−1 …"
/// ```
public struct CostEvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var workload: String
    public var message: String

    public init(workload: String, message: String) {
        self.workload = workload
        self.message = message
    }

    public var description: String { "workload \(workload): \(message)" }
}
