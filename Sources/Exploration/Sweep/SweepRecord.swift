/// The result of one sweep point on one workload: its parameters, every `SweepMetric`,
/// the energy and area breakdowns, whether it is feasible and whether it is on the front.
///
/// ```swift
/// record.value(.topsPerW)   // e.g. 3.2
/// record.status             // .ok, or .infeasible("area_mm2 ≤ 20") / .invalid(reason)
/// ```
public struct SweepRecord: Sendable, Equatable {
    /// Feasibility of the point.
    public enum Status: Sendable, Equatable {
        /// Valid and within every constraint.
        case ok
        /// Valid, but outside the named constraints.
        case infeasible(String)
        /// The combination of axis values is not a valid design (or its evaluation failed).
        case invalid(String)

        /// `ok`, `infeasible: …` or `invalid: …`.
        public var text: String {
            switch self {
            case .ok: return "ok"
            case .infeasible(let why): return "infeasible: " + why
            case .invalid(let why): return "invalid: " + why
            }
        }
    }

    /// The point's grid number.
    public var point: Int
    /// The position of the workload in the spec.
    public var workloadIndex: Int
    public var workload: String
    /// The base design's name.
    public var design: String
    /// Axis path → value text, for the axes of this point's design.
    public var parameters: [String: String]
    /// One value per `SweepMetric.allCases` (NaN when invalid).
    public var metrics: [Double]
    public var energyPJ: [(key: String, value: Double)]
    public var areaUm2: [(key: String, value: Double)]
    public var status: Status
    public var pareto = false

    public init(point: Int, workloadIndex: Int, workload: String, design: String, parameters: [String: String],
                metrics: [Double], energyPJ: [(key: String, value: Double)], areaUm2: [(key: String, value: Double)],
                status: Status, pareto: Bool = false) {
        self.point = point
        self.workloadIndex = workloadIndex
        self.workload = workload
        self.design = design
        self.parameters = parameters
        self.metrics = metrics
        self.energyPJ = energyPJ
        self.areaUm2 = areaUm2
        self.status = status
        self.pareto = pareto
    }

    /// The value of `metric`.
    public func value(_ metric: SweepMetric) -> Double {
        guard let i = SweepMetric.allCases.firstIndex(of: metric), i < metrics.count else { return .nan }
        return metrics[i]
    }

    /// A short label: design name and parameters, e.g. `mixpe-w4a8 array.cols=32 array.rows=64`.
    public var label: String {
        ([design] + parameters.keys.sorted().map { "\($0)=\(parameters[$0]!)" }).joined(separator: " ")
    }

    public static func == (a: SweepRecord, b: SweepRecord) -> Bool {
        a.point == b.point && a.workloadIndex == b.workloadIndex && a.workload == b.workload && a.design == b.design
            && a.parameters == b.parameters && a.metrics.elementsEqual(b.metrics, by: { $0 == $1 || ($0.isNaN && $1.isNaN) })
            && a.energyPJ.map(\.key) == b.energyPJ.map(\.key) && a.energyPJ.map(\.value) == b.energyPJ.map(\.value)
            && a.areaUm2.map(\.key) == b.areaUm2.map(\.key) && a.areaUm2.map(\.value) == b.areaUm2.map(\.value)
            && a.status == b.status && a.pareto == b.pareto
    }
}
