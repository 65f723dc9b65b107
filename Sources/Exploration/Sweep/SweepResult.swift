/// The outcome of a sweep (or of one shard of it): what was swept, every record, and the
/// Pareto front of each workload.
///
/// The front of a workload is the set of its `ok` records that no other `ok` record of the
/// same workload dominates in the objectives (`ParetoFront`). Merging the shards of a sweep
/// gives the same records and fronts as running it whole.
///
/// ```swift
/// var r = SweepResult(spec: spec, shard: nil, records: records, errorSource: evaluator.errors.source)
/// r.front(workload: 0)   // the front's records
/// ```
public struct SweepResult: Sendable, Equatable {
    /// A shard's position: `index` of `count` (numbered from 0).
    public struct Shard: Sendable, Equatable {
        public var index: Int, count: Int
        public init(index: Int, count: Int) {
            self.index = index
            self.count = count
        }
    }

    public var name: String
    public var description: String
    public var fingerprint: String
    /// Points selected in the whole sweep (all shards).
    public var selectedPoints: Int
    public var gridSize: Int
    public var sampling: String
    public var axisPaths: [String]
    public var workloads: [String]
    public var objectives: [SweepObjective]
    public var constraints: [SweepConstraint]
    public var errorTile: SweepSpec.ErrorTile
    /// The data the error tile actually held (`NumericErrorCache.source`).
    public var errorSource: String
    /// What the model metrics measured (`ModelQualityCache.source`); nil without them.
    public var modelSource: String?
    public var shard: Shard?
    /// Sorted by point, then workload; `pareto` set from the fronts.
    public private(set) var records: [SweepRecord]

    public init(name: String, description: String, fingerprint: String, selectedPoints: Int, gridSize: Int, sampling: String,
                axisPaths: [String], workloads: [String], objectives: [SweepObjective], constraints: [SweepConstraint],
                errorTile: SweepSpec.ErrorTile, errorSource: String, modelSource: String? = nil, shard: Shard?,
                records: [SweepRecord]) {
        self.name = name
        self.description = description
        self.fingerprint = fingerprint
        self.selectedPoints = selectedPoints
        self.gridSize = gridSize
        self.sampling = sampling
        self.axisPaths = axisPaths
        self.workloads = workloads
        self.objectives = objectives
        self.constraints = constraints
        self.errorTile = errorTile
        self.errorSource = errorSource
        self.modelSource = modelSource
        self.shard = shard
        self.records = records.sorted { ($0.point, $0.workloadIndex) < ($1.point, $1.workloadIndex) }
        markFronts()
    }

    /// The result of evaluating `records` of `spec` (a shard when `shard` is given), whose
    /// error tile held `errorSource` (and whose model metrics measured `modelSource`).
    public init(spec: SweepSpec, shard: Shard?, records: [SweepRecord], errorSource: String, modelSource: String? = nil) {
        let sampling: String
        switch spec.sampling {
        case .grid: sampling = "grid"
        case .random(let points, let seed) where points > spec.gridSize:
            sampling = "random (\(points) points asked, capped at the grid's \(spec.gridSize), seed \(seed))"
        case .random(let points, let seed): sampling = "random (\(points) points, seed \(seed))"
        }
        self.init(name: spec.name, description: spec.description, fingerprint: spec.fingerprint,
                  selectedPoints: spec.selectedPoints().count, gridSize: spec.gridSize, sampling: sampling,
                  axisPaths: spec.axisPaths, workloads: spec.workloads.map(\.name), objectives: spec.objectives,
                  constraints: spec.constraints, errorTile: spec.errorTile, errorSource: errorSource, modelSource: modelSource, shard: shard,
                  records: records)
    }

    /// The records of workload `w` on its front, in point order.
    public func front(workload w: Int) -> [SweepRecord] { records.filter { $0.workloadIndex == w && $0.pareto } }

    /// Set `pareto` on each workload's non-dominated `ok` records.
    mutating func markFronts() {
        for i in records.indices { records[i].pareto = false }
        for w in workloads.indices {
            let candidates = records.indices.filter { records[$0].workloadIndex == w && records[$0].status == .ok }
            let rows = candidates.map { i in objectives.map { $0.minimized(records[i].value($0.metric)) } }
            for j in ParetoFront.indices(rows) { records[candidates[j]].pareto = true }
        }
    }

    /// Why shards cannot be merged.
    public enum MergeError: Error, Sendable, Equatable, CustomStringConvertible {
        case noInputs
        case notAShard(Int)
        case differentSweeps(Int)
        case shardCountMismatch(Int)
        case duplicateShard(Int)
        case missingShards([Int])

        public var description: String {
            switch self {
            case .noInputs: return "expected at least one shard report, found none"
            case .notAShard(let i): return "input \(i + 1): expected a shard report (written with --shard i/n), found a whole-sweep report"
            case .differentSweeps(let i): return "input \(i + 1): expected a shard of the same sweep (same spec, design files and error data), found a different one"
            case .shardCountMismatch(let i): return "input \(i + 1): expected the same shard count as input 1, found a different one"
            case .duplicateShard(let s): return "expected each shard once, found shard \(s) twice"
            case .missingShards(let m): return "expected every shard, missing shard(s) \(m.map(String.init).joined(separator: ", "))"
            }
        }
    }

    /// Merge all shards of one sweep into the whole-sweep result.
    public static func merge(_ shards: [SweepResult]) throws(MergeError) -> SweepResult {
        guard let first = shards.first else { throw .noInputs }
        var seen = Set<Int>()
        for (i, s) in shards.enumerated() {
            guard let shard = s.shard else { throw .notAShard(i) }
            guard s.fingerprint == first.fingerprint, s.selectedPoints == first.selectedPoints,
                  s.errorSource == first.errorSource, s.modelSource == first.modelSource else { throw .differentSweeps(i) }
            guard shard.count == first.shard?.count else { throw .shardCountMismatch(i) }
            guard seen.insert(shard.index).inserted else { throw .duplicateShard(shard.index) }
        }
        let count = first.shard?.count ?? 1
        let missing = (0..<count).filter { !seen.contains($0) }
        guard missing.isEmpty else { throw .missingShards(missing) }
        return SweepResult(name: first.name, description: first.description, fingerprint: first.fingerprint,
                           selectedPoints: first.selectedPoints, gridSize: first.gridSize, sampling: first.sampling,
                           axisPaths: first.axisPaths, workloads: first.workloads, objectives: first.objectives,
                           constraints: first.constraints, errorTile: first.errorTile, errorSource: first.errorSource, modelSource: first.modelSource, shard: nil,
                           records: shards.flatMap(\.records))
    }
}
