/// The block a tensor core processes per step: an m×n output block over k reduction
/// elements, and how many cycles each step holds the issue stage.
///
/// - Dot-product tree (`TensorCoreKind.dotTree`): m·n dot products of length k per
///   block-step, e.g. the A100-like 8×4×8.
/// - LUT Tensor Core elongated tile (`TensorCoreKind.lutTile`): m activation rows (one
///   table each) × n weight columns, k = K_g activations per lookup (RTL: 2×64×4).
///
/// `initiationInterval` is the unit's II: a block-step (dot tree) or a bit-plane step
/// (LUT tile) occupies the issue stage for that many cycles; 1 for a fully pipelined unit.
///
/// ```swift
/// let a100 = TensorCoreTile(m: 8, n: 4, k: 8)
/// let lut = TensorCoreTile(m: 2, n: 64, k: 4)
/// try lut.lanes   // 512 = 2·64·4 MAC lanes (lookups × activations per lookup)
/// ```
public struct TensorCoreTile: Equatable, Hashable, Sendable, Codable {
    public var m: Int
    public var n: Int
    public var k: Int
    public var initiationInterval: Int

    public init(m: Int, n: Int, k: Int, initiationInterval: Int = 1) {
        self.m = m
        self.n = n
        self.k = k
        self.initiationInterval = initiationInterval
    }

    /// MAC lanes of the tile, m·n·k: the `peCount` of its `TimingCounts`; throws when it
    /// exceeds 2^63 − 1.
    public var lanes: Int {
        get throws(TensorEngineError) { try Checked.mul(Checked.mul(m, n, "tile lanes"), k, "tile lanes") }
    }

    /// Returns `self` if m, n, k and initiationInterval are positive, otherwise the first bad one.
    public func validated() throws(TensorEngineError) -> TensorCoreTile {
        for (name, value) in [("tile.m", m), ("tile.n", n), ("tile.k", k),
                              ("tile.initiationInterval", initiationInterval)] where value <= 0 {
            throw .invalidArray(name: name, value: value)
        }
        return self
    }
}
