import Foundation

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
        let slots = Slots(count: indices.count)
        let spec = evaluator.spec
        let evaluator = self.evaluator
        let workers = min(jobs, max(1, indices.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = slots.claim() {
                let records = evaluator.evaluate(spec.point(at: indices[i]))
                slots.store(records, at: i) { done in progress?(done, indices.count) }
            }
        }
        return slots.records()
    }
}

/// Result slots filled by workers: the next unclaimed index, and one slot per point.
private final class Slots: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0, done = 0
    private var results: [[SweepRecord]]

    init(count: Int) { results = Array(repeating: [], count: count) }

    func claim() -> Int? {
        lock.withLock {
            guard next < results.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    /// Store a point's records, then `report` how many points are done, under the lock (so
    /// progress reports are never concurrent).
    func store(_ records: [SweepRecord], at i: Int, then report: (Int) -> Void) {
        lock.withLock {
            results[i] = records
            done += 1
            report(done)
        }
    }

    func records() -> [SweepRecord] { lock.withLock { results.flatMap { $0 } } }
}
