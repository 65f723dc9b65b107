/// How the cycle-stepped engine sequences folds; both come out of the same engine.
///
/// - `scalesim`: reproduces SCALE-Sim 3.0.0's "Total Cycles" (COMPUTE_REPORT.csv). Folds
///   run strictly one after another; each fold preloads its stationary tile (ws/is: R
///   cycles), streams, and lets its wavefront leave the whole array before the next fold
///   begins. SCALE-Sim reports the index of the last cycle, i.e. the count minus one.
/// - `native`: preload of the next stationary tile (ws/is) or drain of the previous
///   outputs (os) overlaps the current fold; folds stream back to back, so the skew fill
///   (R−1)+(C−1) is paid once.
///
/// ```swift
/// let c = TimingConvention(rawValue: "scalesim")!   // .scalesim
/// ```
public enum TimingConvention: String, CaseIterable, Sendable, Hashable, Codable {
    case native
    case scalesim
}
