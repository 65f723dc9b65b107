import DesignModel
import ExactJSON
import NumberFormats
import Workloads

/// A bound on a metric: a point outside it is infeasible (kept in the results, never on
/// the front).
///
/// ```swift
/// SweepConstraint(metric: .areaMM2, min: nil, max: 20).admits(12)   // true
/// ```
public struct SweepConstraint: Sendable, Equatable {
    public var metric: SweepMetric
    public var min: Double?
    public var max: Double?
    public init(metric: SweepMetric, min: Double?, max: Double?) {
        self.metric = metric
        self.min = min
        self.max = max
    }

    /// Whether `value` satisfies the bound (NaN never does).
    public func admits(_ value: Double) -> Bool {
        if value.isNaN { return false }
        if let lo = min, value < lo { return false }
        if let hi = max, value > hi { return false }
        return true
    }

    /// E.g. `area_mm2 ≤ 20`.
    public var text: String {
        switch (min, max) {
        case let (lo?, hi?): return "\(RoundTripText.format(lo)) ≤ \(metric.rawValue) ≤ \(RoundTripText.format(hi))"
        case let (lo?, nil): return "\(metric.rawValue) ≥ \(RoundTripText.format(lo))"
        case let (nil, hi?): return "\(metric.rawValue) ≤ \(RoundTripText.format(hi))"
        case (nil, nil): return metric.rawValue
        }
    }
}
