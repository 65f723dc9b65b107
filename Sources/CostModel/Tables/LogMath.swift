import Foundation

/// Base-2 logarithm used by the fits and scaling (a thin wrapper so every file shares one
/// definition; non-positive inputs give −∞ rather than trapping).
///
/// ```swift
/// log2Double(8)   // 3
/// ```
@inline(__always) func log2Double(_ x: Double) -> Double { x > 0 ? Foundation.log2(x) : -.infinity }

extension Double {
    /// 2 raised to this value.
    var exp2: Double { Foundation.exp2(self) }
}

/// Piecewise power-law interpolation through points (x, y) with x > 0, y > 0: linear in
/// log x / log y between neighbours, extrapolated along the first or last segment. Exact at
/// every point. One point gives a constant.
///
/// ```swift
/// powerLawInterpolate(16, [(8, 0.2), (32, 3.1)])   // ≈ 0.787 (geometric middle)
/// ```
func powerLawInterpolate(_ x: Double, _ points: [(Double, Double)]) -> Double {
    guard let first = points.first else { return 0 }
    if points.count == 1 { return first.1 }
    if let hit = points.first(where: { $0.0 == x }) { return hit.1 }
    var i = 0
    while i < points.count - 2 && x > points[i + 1].0 { i += 1 }
    let (x0, y0) = points[i], (x1, y1) = points[i + 1]
    guard x > 0, x0 > 0, x1 > 0, y0 > 0, y1 > 0, x0 != x1 else { return y0 }
    let p = (log2Double(y1) - log2Double(y0)) / (log2Double(x1) - log2Double(x0))
    return y0 * ((log2Double(x) - log2Double(x0)) * p).exp2
}
