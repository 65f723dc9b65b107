import Foundation

/// One reproduced number: the published value (when the paper or its artifact gives one),
/// ours, their ratio, and the named modelling difference that explains a gap over 20 %.
///
/// `labels` fill the section's label columns (e.g. model, design, metric). A row without a
/// published value is ours only: it has no ratio and needs no explanation.
///
/// ```swift
/// let r = ReproductionRow(labels: ["OPT-6.7B", "INT8", "time"], published: 0.86, ours: 0.875,
///                         explanation: "pipeline fill")
/// r.ratio          // 1.0174… (= 0.875 / 0.86)
/// r.needsExplanation   // false: |1.017 − 1| ≤ 0.2
/// ```
public struct ReproductionRow: Sendable, Equatable {
    /// The gap above which a row must carry an explanation: |ours/published − 1| > 0.2.
    public static let gapThreshold = 0.2

    public var labels: [String]
    /// The published number, or nil when none is published for this cell.
    public var published: Double?
    /// Our number for the same cell.
    public var ours: Double
    /// The modelling difference behind the gap, shown when the gap exceeds 20 %.
    public var explanation: String?

    public init(labels: [String], published: Double?, ours: Double, explanation: String? = nil) {
        self.labels = labels
        self.published = published
        self.ours = ours
        self.explanation = explanation
    }

    /// ours / published, or nil without a published value, a non-positive published value
    /// or a non-finite quotient.
    public var ratio: Double? {
        guard let p = published, p > 0, ours.isFinite else { return nil }
        let r = ours / p
        return r.isFinite ? r : nil
    }

    /// Whether |ratio − 1| exceeds `gapThreshold`. A published cell whose ratio cannot be
    /// formed (published 0, ours not finite) counts as a gap too.
    public var needsExplanation: Bool {
        guard published != nil else { return false }
        guard let r = ratio else { return true }
        return abs(r - 1) > Self.gapThreshold
    }

    /// Whether the row meets the report's rule: every gap over 20 % is explained.
    public var isExplained: Bool {
        !needsExplanation || !(explanation ?? "").trimmingCharacters(in: .whitespaces).isEmpty
    }
}
