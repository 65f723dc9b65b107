import Exploration
import Foundation

/// The analytic evaluation rate of `qarch explore`: design points (each priced on every
/// workload of the spec by the closed-form engine path and the cost model) per second.
///
/// The numeric-error tiles are measured once first (untimed: they are computed once per
/// distinct unit, not per point), then the whole selection is evaluated repeatedly on
/// `jobs` threads until `minimumSeconds` have passed; the best pass counts.
///
/// ```swift
/// try ExploreBenchmark.run(space: "Designs/spaces/default.json", jobs: 2, minimumSeconds: 1).points
/// ```
enum ExploreBenchmark {
    static func run(space: String, jobs: Int, minimumSeconds: Double) throws -> (points: Double, evaluations: Double) {
        let spec = try SweepSpecFile.require(space)
        let points = spec.selectedPoints()
        let evaluator = PointEvaluator(spec: spec)
        let runner = SweepRunner(evaluator: evaluator, jobs: jobs)
        _ = runner.run(points)   // warm: error tiles and action profiles
        var best = Double.infinity, elapsed = 0.0
        repeat {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = runner.run(points)
            let s = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            best = min(best, s)
            elapsed += s
        } while elapsed < minimumSeconds
        let n = Double(points.count)
        return (n / best, n * Double(spec.workloads.count) / best)
    }
}
