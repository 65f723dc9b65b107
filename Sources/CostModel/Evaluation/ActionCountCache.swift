import ArithmeticUnits
import DesignModel
import NumberFormats
import QArchSupport
import Workloads

/// The action counts of each distinct unit configuration on `ActionProfile`'s
/// representative GEMM (M = 2, K = 256, N = the array's columns), computed once per
/// process: they depend only on the unit and N (and the seeded operands), not on the rows,
/// memories or node, so a sweep over thousands of
/// points runs the bit-exact GEMM once per unit. Thread-safe (`MemoCache`); concurrent first
/// calls may both compute, with the same result.
///
/// ```swift
/// ActionCountCache.shared.counts(for: design.unit, columns: 32)   // ActionCounts of M=2, K=256, N=32
/// ```
final class ActionCountCache: Sendable {
    static let shared = ActionCountCache()

    /// What fixes the counts: the unit and the GEMM's N.
    private struct Key: Equatable, Sendable {
        var spec: UnitSpec
        var columns: Int
    }
    private let memo = MemoCache<Key, ActionCounts>()

    func counts(for spec: UnitSpec, columns n: Int) -> ActionCounts {
        memo.value(for: Key(spec: spec, columns: n)) {
            let unit = spec.makeUnit()
            let a = SyntheticData.activations(m: ActionProfile.m, k: ActionProfile.k, seed: 1)
            let b = SyntheticData.weights(k: ActionProfile.k, n: n, seed: 2)
            return (try? ActionProfile.actions(unit, a, b)) ?? ActionCounts()
        }
    }
}
