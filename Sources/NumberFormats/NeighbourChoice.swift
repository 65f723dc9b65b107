/// The choice between the two grid neighbours of an exact value under a rounding rule,
/// shared by every rounding path (`ElementFormat.encode` and exact quotients).
///
/// Callers supply what only they can compute exactly: on which side of the midpoint the
/// exact value lies, and the stochastic draw's outcome.
///
/// ```swift
/// // 2.5 between 2 and 3 (a tie): nearest-even takes 2, nearest-away 3.
/// NeighbourChoice.choose(.nearestEven, lo: 2, hi: 3, positive: true,
///                        midpointOrder: { 0 }, stochasticTakesFar: { false })   // 2
/// ```
enum NeighbourChoice {
    /// The chosen neighbour of an exact value strictly between `lo` and `hi`.
    ///
    /// - Parameters:
    ///   - positive: whether the exact value is positive (so `lo` is the smaller magnitude).
    ///   - midpointOrder: the sign of |exact| − |midpoint|: negative when nearer the
    ///     smaller-magnitude neighbour, positive when nearer the larger, 0 on a tie.
    ///   - stochasticTakesFar: whether the draw takes the larger-magnitude neighbour.
    /// An infinite neighbour (beyond a lookup table's ends) is never chosen by nearest or
    /// stochastic rounding.
    @inline(__always)
    static func choose(_ rule: RoundingRule, lo: Double, hi: Double, positive: Bool,
                       midpointOrder: () -> Int, stochasticTakesFar: () -> Bool) -> Double {
        let (near, far) = positive ? (lo, hi) : (hi, lo)
        switch rule {
        case .down: return lo
        case .up: return hi
        case .towardZero: return near
        case .nearestEven, .nearestAway:
            if !far.isFinite { return near }
            if !near.isFinite { return far }
            let order = midpointOrder()
            if order != 0 { return order < 0 ? near : far }
            if rule == .nearestAway { return far }
            return twoAdicValuation(far) > twoAdicValuation(near) ? far : near
        case .stochastic:
            if !far.isFinite { return near }
            return stochasticTakesFar() ? far : near
        }
    }
}
