/// How a dot product accumulates its products.
public enum DotAccumulation: Sendable, Hashable {
    /// Sum every product exactly and round once to the result format.
    case exact
    /// `acc ← round_F(acc + a_i·b_i)` for i = 0, 1, 2, … in index order, starting from +0,
    /// each step a fused multiply-add rounded once to format F under the call's rule; the
    /// final accumulator is then rounded to the result format.
    case sequential(ElementFormat)
}
