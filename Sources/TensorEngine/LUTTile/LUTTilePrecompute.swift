/// How the LUT Tensor Core's tables are precomputed (TensorEngine/README.md, "LUT Tensor Core tile").
///
/// Each activation row and K_g group needs one table of 2^(K_g−1) entries (symmetrized),
/// built once and broadcast across all N columns.
/// - `hidden`: the paper's default — the precompute is fused into the previous operator,
///   so it costs no cycles on the tile (tables are still counted as built).
/// - `explicit(entriesPerCycle:)`: the tile writes the tables of a row panel itself, E
///   entries per cycle, before the panel's first lookup; the issue stage is busy meanwhile.
///
/// ```swift
/// let p = LUTTilePrecompute.explicit(entriesPerCycle: 8)
/// // row panel of 2 rows, K = 8 (2 groups of 4): ⌈2·2·8 / 8⌉ = 4 cycles
/// ```
public enum LUTTilePrecompute: Equatable, Hashable, Sendable, Codable {
    case hidden
    case explicit(entriesPerCycle: Int)
}
