/// The non-dominated subset of points under objectives that are all minimized.
///
/// Point `p` dominates `q` when it is no worse in every objective and strictly better in
/// at least one. NaN in any objective makes a point dominated by every finite one (and
/// never a dominator). Equal points are all kept. The result lists indices in ascending
/// order, so it does not depend on how the points were produced.
///
/// ```swift
/// ParetoFront.indices([[1, 5], [2, 2], [3, 3], [5, 1]])   // [0, 1, 3]
/// ```
public enum ParetoFront {
    /// Indices of the non-dominated rows of `objectives` (each row one point, all minimized).
    public static func indices(_ objectives: [[Double]]) -> [Int] {
        // Sort by the first objective (then the rest) so a point can only be dominated by
        // points before it; compare against the front found so far.
        let order = objectives.indices.sorted { a, b in
            let x = objectives[a], y = objectives[b]
            for (u, v) in zip(x, y) where u != v {
                if u.isNaN != v.isNaN { return !u.isNaN }
                return u < v
            }
            return a < b
        }
        var front: [Int] = []
        for i in order where !objectives[i].contains(where: \.isNaN) {
            if !front.contains(where: { dominates(objectives[$0], objectives[i]) }) { front.append(i) }
        }
        return front.sorted()
    }

    /// Whether `p` dominates `q` (all ≤, one <).
    public static func dominates(_ p: [Double], _ q: [Double]) -> Bool {
        var strictly = false
        for (a, b) in zip(p, q) {
            if a > b { return false }
            if a < b { strictly = true }
        }
        return strictly
    }
}
