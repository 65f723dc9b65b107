/// Which tensor-core engine runs the GEMM.
///
/// - `dotTree`: m·n dot products of length k per block-step, an adder tree per output
///   (`DotTreeTiming`).
/// - `lutTile(weightBits:precompute:)`: the LUT Tensor Core elongated tile, bit-serial
///   over `weightBits` weight bit-planes (`LUTTileTiming`).
///
/// ```swift
/// let kind = TensorCoreKind.lutTile(weightBits: 2)            // precompute hidden
/// let costed = TensorCoreKind.lutTile(weightBits: 4, precompute: .explicit(entriesPerCycle: 4))
/// ```
public enum TensorCoreKind: Equatable, Hashable, Sendable, Codable {
    case dotTree
    case lutTile(weightBits: Int, precompute: LUTTilePrecompute = .hidden)
}
