import ArithmeticUnits
import DesignModel
import Foundation
import NumberFormats
import Workloads

/// The action counts of each distinct unit configuration on `ActionProfile`'s
/// representative GEMM, computed once per process: they depend only on the unit (and the
/// seeded operands), not on the array, memories or node, so a sweep over thousands of
/// points runs the bit-exact GEMM once per unit. Thread-safe; concurrent first calls may
/// both compute, with the same result.
///
/// ```swift
/// ActionCountCache.shared.counts(for: design.unit)   // ActionCounts of M=2, K=256, N=2
/// ```
final class ActionCountCache: @unchecked Sendable {
    static let shared = ActionCountCache()
    // Guarded by `lock`.
    // A short list searched with ==: a sweep has a few dozen distinct units at most.
    private var entries: [(spec: UnitSpec, counts: ActionCounts)] = []
    private let lock = NSLock()

    func counts(for spec: UnitSpec) -> ActionCounts {
        if let hit = lock.withLock({ entries.first { $0.spec == spec }?.counts }) { return hit }
        let unit = spec.makeUnit().unit
        let a = SyntheticData.activations(m: ActionProfile.m, k: ActionProfile.k, seed: 1)
        let b = SyntheticData.weights(k: ActionProfile.k, n: ActionProfile.n, seed: 2)
        let counts = (try? ActionProfile.actions(unit, a, b)) ?? ActionCounts()
        lock.withLock { if !entries.contains(where: { $0.spec == spec }) { entries.append((spec, counts)) } }
        return counts
    }
}
