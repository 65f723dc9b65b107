import DesignModel
import ExactJSON
import NumberFormats
import Workloads

/// A metric the Pareto front optimizes, minimized or maximized.
public struct SweepObjective: Sendable, Equatable {
    public enum Goal: String, Sendable { case min, max }
    public var metric: SweepMetric
    public var goal: Goal
    public init(metric: SweepMetric, goal: Goal) {
        self.metric = metric
        self.goal = goal
    }

    /// The value to minimize: the metric, negated when maximized.
    public func minimized(_ value: Double) -> Double { goal == .min ? value : -value }

    /// The default objectives: energy, latency, area and numeric error, all minimized.
    public static let defaults: [SweepObjective] = [
        .init(metric: .energyPJ, goal: .min), .init(metric: .latencyS, goal: .min),
        .init(metric: .areaUm2, goal: .min), .init(metric: .errorRelFro, goal: .min),
    ]

    /// The defaults of a sweep measuring model quality: energy, latency and area minimized,
    /// the Spearman correlation of the model's sentence similarities maximized.
    public static let modelDefaults: [SweepObjective] = [
        .init(metric: .energyPJ, goal: .min), .init(metric: .latencyS, goal: .min),
        .init(metric: .areaUm2, goal: .min), .init(metric: .spearman, goal: .max),
    ]
}
