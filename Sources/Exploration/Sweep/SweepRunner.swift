import QArchSupport

/// Evaluates a list of sweep points on `jobs` threads. The records come back in point
/// order (then workload order) whatever the thread count, and each point's records depend
/// only on the point, so the output is identical for any `jobs`.
///
/// ```swift
/// let records = SweepRunner(evaluator: PointEvaluator(spec: spec), jobs: 2)
///     .run(spec.selectedPoints()) { done, total in print(done, total) }
/// ```
public struct SweepRunner: Sendable {
    public let evaluator: PointEvaluator
    public let jobs: Int

    public init(evaluator: PointEvaluator, jobs: Int) {
        self.evaluator = evaluator
        self.jobs = max(1, jobs)
    }

    /// Evaluate the points with grid numbers `indices`; `progress(done, total)` is called
    /// from worker threads after each point (never concurrently).
    public func run(_ indices: [Int], progress: (@Sendable (Int, Int) -> Void)? = nil) -> [SweepRecord] {
        let spec = evaluator.spec
        let evaluator = self.evaluator
        let total = indices.count
        var report: (@Sendable (Int) -> Void)?
        if let progress { report = { done in progress(done, total) } }
        let perPoint = WorkQueue.map(count: total, jobs: jobs, progress: report) { i in
            evaluator.evaluate(spec.point(at: indices[i]))
        }
        return perPoint.flatMap { $0 }
    }
}
