import ArithmeticUnits
import DesignModel
import Foundation
import NumberFormats
import QArchSupport
import TensorEngine
import Workloads

/// The numeric error of each distinct unit configuration on a sweep's error tile, computed
/// once and shared by every point that uses that configuration (the array size, memories
/// and clock do not change the values a unit computes; the engine's accumulation order
/// does, so tensor-core tiles are part of the key).
///
/// The tile is seeded synthetic LLM-like data (`SyntheticData`); the unit quantizes it and
/// runs the GEMM bit-exactly on the design's engine (`GEMMExecution.run`, fast mode); the
/// error is against the exact product of the unquantized operands. Thread-safe (`MemoCache`):
/// two threads may compute the same entry, with the same result.
///
/// ```swift
/// let cache = NumericErrorCache(tile: .init())
/// cache.error(for: design).relativeFrobenius   // e.g. 0.011 for mixpe-w4a8
/// ```
public final class NumericErrorCache: Sendable {
    public let tile: SweepSpec.ErrorTile
    private let memo = MemoCache<Key, ErrorMetrics>()
    private let a: Matrix, b: Matrix

    /// What the tile holds, for reports, e.g. `synthetic LLM-like, M=8 K=512 N=32, seed 1`.
    public let source: String

    /// Why the requested MiniLM data could not be used (the tile then holds synthetic
    /// data), or nil when it was used or not requested.
    public let unavailableData: String?

    public init(tile: SweepSpec.ErrorTile) {
        self.tile = tile
        let synthetic = "synthetic LLM-like (outlier activation channels, Gaussian weights), M=\(tile.m) K=\(tile.k) N=\(tile.n), seed \(tile.seed)"
        if tile.source == .minilm {
            let why: String
            do {
                switch try MiniLMLoad.load(layers: [0], tokens: tile.m, seed: tile.seed) {
                case .loaded(let ck):
                    if let linear = ck.linears.first(where: { $0.role == .intermediate }) {
                        let w = linear.weights, n = min(tile.n, w.cols)
                        var cols = [Double](repeating: 0, count: w.rows * n)
                        for r in 0..<w.rows { for c in 0..<n { cols[r * n + c] = w.storage[r * w.cols + c] } }
                        a = ck.activations(for: linear)
                        b = Matrix(rows: w.rows, cols: n, storage: cols) ?? w
                        source = "real all-MiniLM-L6-v2 data: layer 0 FFN-intermediate weights (first \(n) columns) and "
                            + "\(a.rows) token-embedding rows (seed \(tile.seed)), M=\(a.rows) K=\(a.cols) N=\(b.cols)"
                        unavailableData = nil
                        return
                    }
                    why = "the checkpoint has no layer-0 FFN intermediate"
                case .notInstalled(let reason): why = reason
                }
            } catch {
                why = error.description
            }
            source = synthetic + " (MiniLM data requested, not available: \(why))"
            unavailableData = why
        } else {
            source = synthetic
            unavailableData = nil
        }
        a = SyntheticData.activations(m: tile.m, k: tile.k, seed: tile.seed)
        b = SyntheticData.weights(k: tile.k, n: tile.n, seed: tile.seed &+ 1)
    }

    /// What fixes the values a design computes: its unit and, on tensor cores, the engine
    /// kind and tile (the accumulation order).
    struct Key: Equatable, Sendable {
        var unit: UnitSpec
        var engine: ArraySpec?

        init(_ design: Design) {
            unit = design.unit
            engine = design.array.kind.isTensorCore ? ArraySpec(kind: design.array.kind, rows: 1, cols: 1, dataflow: .os, tile: design.array.tile) : nil
        }
    }

    /// The error of `design`'s unit on the tile (NaN metrics if the unit rejects the data).
    public func error(for design: Design) -> ErrorMetrics {
        memo.value(for: Key(design)) { Self.measure(design, a, b) }
    }

    static func measure(_ design: Design, _ a: Matrix, _ b: Matrix) -> ErrorMetrics {
        do {
            return try GEMMExecution.run(unit: design.makeUnit(), activations: a, weights: b, engine: design.engineConfig(),
                                         convention: .native, mode: .fast).error
        } catch {
            var e = ErrorMetrics(result: [], reference: [])
            e.maxAbs = .nan
            e.relativeFrobenius = .nan
            e.sqnrDB = .nan
            return e
        }
    }
}
