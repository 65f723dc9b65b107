import Workloads

/// The outcome of a format-error study: where the data came from, the GEMMs, and one
/// measurement per format in the order the study listed them.
///
/// ```swift
/// let result = try FormatErrorStudy(candidates: candidates).run(on: dataset)
/// result.source.isReal               // true with the MiniLM package installed
/// result.measurements.map(\.label)   // ["FP16", "HiF8", …]
/// ```
public struct FormatErrorStudyResult: Sendable, Equatable {
    public let source: FormatErrorDataset.Source
    /// The GEMMs, in dataset order.
    public let gemms: [GEMMShape]
    public let measurements: [FormatErrorMeasurement]

    public init(source: FormatErrorDataset.Source, gemms: [GEMMShape], measurements: [FormatErrorMeasurement]) {
        self.source = source
        self.gemms = gemms
        self.measurements = measurements
    }

    /// Total MACs of one pass over the GEMMs, exactly (nil beyond 2^62, which a study whose
    /// cost model ran cannot have).
    public var macs: Int? { Workload(name: "", gemms: gemms).macs }
}
