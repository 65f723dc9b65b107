import ArithmeticUnits
import DesignModel
import Foundation
import NumberFormats
import Workloads

/// The action counts of each distinct unit configuration on `ActionProfile`'s
/// representative GEMM (M = 2, K = 256, N = the array's columns), computed once per
/// process: they depend only on the unit and N (and the seeded operands), not on the rows,
/// memories or node, so a sweep over thousands of
/// points runs the bit-exact GEMM once per unit. Thread-safe; concurrent first calls may
/// both compute, with the same result.
///
/// ```swift
/// ActionCountCache.shared.counts(for: design.unit, columns: 32)   // ActionCounts of M=2, K=256, N=32
/// ```
final class ActionCountCache: @unchecked Sendable {
    static let shared = ActionCountCache()
    // Guarded by `lock`.
    // A short list searched with ==: a sweep has a few dozen distinct units at most.
    private var entries: [(spec: UnitSpec, columns: Int, counts: ActionCounts)] = []
    private let lock = NSLock()

    func counts(for spec: UnitSpec, columns n: Int) -> ActionCounts {
        if let hit = lock.withLock({ entries.first { $0.spec == spec && $0.columns == n }?.counts }) { return hit }
        let unit = spec.makeUnit()
        let a = SyntheticData.activations(m: ActionProfile.m, k: ActionProfile.k, seed: 1)
        let b = SyntheticData.weights(k: ActionProfile.k, n: n, seed: 2)
        let counts = (try? ActionProfile.actions(unit, a, b)) ?? ActionCounts()
        lock.withLock { if !entries.contains(where: { $0.spec == spec && $0.columns == n }) { entries.append((spec, n, counts)) } }
        return counts
    }
}
