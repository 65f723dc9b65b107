/// How timing is computed: by stepping every cycle, or by closed-form counts.
///
/// Both give identical `TimingCounts` for every configuration.
///
/// ```swift
/// let mode = SimulationMode(rawValue: "fast")!   // .fast
/// ```
public enum SimulationMode: String, CaseIterable, Sendable, Hashable, Codable {
    case cycle
    case fast
}
