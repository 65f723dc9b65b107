import Exploration

/// The SVG charts of a sweep report and their file names.
public enum SweepCharts {
    /// File names of the charts, per workload where per workload.
    public struct Names: Sendable, Equatable {
        public var pareto: [String] = []
        public var energy: [String] = []
        public var area: [String] = []
        public var errorVsBits: String?
        public init() {}
    }

    /// The charts of `r`: file name → SVG text, and the names for the summary.
    public static func render(_ r: SweepResult) -> (files: [(name: String, svg: String)], names: Names) {
        ([], Names())
    }
}
