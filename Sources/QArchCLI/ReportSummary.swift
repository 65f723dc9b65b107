import ExactJSON
import Exploration
import Reporting

/// What `explore` and `report merge` print: the folder, the counts and each front.
///
/// ```
/// wrote Reports/default: 240 points × 2 workloads, 412 feasible, fronts 14 / 9 points
/// ```
enum ReportSummary {
    static func json(_ r: SweepResult, folder: String) -> JSONValue {
        .object([
            ("name", .string(r.name)),
            ("out", .string(folder)),
            ("points", .int(Set(r.records.map(\.point)).count)),
            ("evaluations", .int(r.records.count)),
            ("feasible", .int(r.records.filter { $0.status == .ok }.count)),
            ("shard", r.shard.map { .object([("index", .int($0.index)), ("count", .int($0.count))]) } ?? .null),
            ("fronts", .array(r.workloads.enumerated().map { w, name in
                .object([("workload", .string(name)), ("points", .array(r.front(workload: w).map { .int($0.point) }))])
            })),
        ])
    }

    static func text(_ r: SweepResult, folder: String) -> String {
        let points = Set(r.records.map(\.point)).count
        let fronts = r.workloads.indices.map { String(r.front(workload: $0).count) }.joined(separator: " / ")
        return "wrote \(folder): \(points) points × \(r.workloads.count) workload(s), "
            + "\(r.records.filter { $0.status == .ok }.count) feasible, front sizes \(fronts)"
    }
}
