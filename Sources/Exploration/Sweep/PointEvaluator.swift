import CostModel
import DesignModel
import Models
import TensorEngine
import Workloads

/// Evaluates sweep points: builds each point's design from its base design and axis
/// values, prices it on every workload with the cost model (closed-form engine timing, no
/// values computed) and attaches the numeric error of its unit from `NumericErrorCache` and,
/// in a sweep measuring model quality, the unit's model quality from `ModelQualityCache`.
///
/// ```swift
/// let e = PointEvaluator(spec: spec)
/// let rows = e.evaluate(spec.point(at: 0))   // one SweepRecord per workload
/// ```
public struct PointEvaluator: Sendable {
    public let spec: SweepSpec
    public let errors: NumericErrorCache
    public let costs: CostEvaluator
    /// Model quality (nil: the model metrics are NaN).
    public let model: ModelQualityCache?

    public init(spec: SweepSpec, errors: NumericErrorCache? = nil, model: ModelQualityCache? = nil, costs: CostEvaluator = CostEvaluator()) {
        self.spec = spec
        self.errors = errors ?? NumericErrorCache(tile: spec.errorTile)
        self.model = model
        self.costs = costs
    }

    /// The design of point `p`: its base design with the point's axis values, or the first
    /// problem the design reports.
    public func design(for p: SweepPoint) -> Result<Design, PointProblem> {
        let base = spec.designs[p.design]
        do {
            // The base design's `sources` were checked when the spec was read; the axes
            // change values, not which fields exist, so the point keeps them unchecked.
            var design = try Design.decode(DesignOverride.apply(spec.overrides(for: p), to: base.treeWithoutSources))
            design.sources = base.sources
            return .success(design)
        } catch let e as DesignErrors {
            return .failure(PointProblem(description: e.issues.first.map { "\($0.path): \($0.message)" } ?? "invalid design"))
        } catch {
            return .failure(PointProblem(description: "\(error)"))
        }
    }

    /// Why a point has no design.
    public struct PointProblem: Error, CustomStringConvertible {
        public var description: String
    }

    /// The records of point `p`, one per workload, in workload order.
    public func evaluate(_ p: SweepPoint) -> [SweepRecord] {
        let base = spec.designs[p.design]
        let parameters = spec.parameters(for: p)
        func invalid(_ why: String) -> [SweepRecord] {
            spec.workloads.enumerated().map { i, w in
                SweepRecord(point: p.index, workloadIndex: i, workload: w.name, design: base.name, parameters: parameters,
                            metrics: Array(repeating: .nan, count: SweepMetric.allCases.count), energyPJ: [], areaUm2: [],
                            status: .invalid(why))
            }
        }
        let design: Design
        switch self.design(for: p) {
        case .success(let d): design = d
        case .failure(let why): return invalid(why.description)
        }
        let error = errors.error(for: design)
        let quality = model?.quality(for: design)
        let w = design.unit.operandWidths.b
        let bitsPerWeight = Double(w.bits) / Double(max(1, w.per))
        let all: [DesignCost]
        do {
            all = try costs.evaluate(design, on: spec.workloads)
        } catch {
            return invalid("evaluation failed: \(error)")
        }
        var out: [SweepRecord] = []
        for (i, workload) in spec.workloads.enumerated() {
            let cost = all[i]
            let metrics = Self.metrics(cost, design: design, error: error, model: quality, bitsPerWeight: bitsPerWeight)
            var record = SweepRecord(point: p.index, workloadIndex: i, workload: workload.name, design: base.name,
                                     parameters: parameters, metrics: metrics, energyPJ: cost.energyPJ, areaUm2: cost.areaUm2,
                                     status: .ok)
            let broken = spec.constraints.filter { !$0.admits(record.value($0.metric)) }
            if !broken.isEmpty { record.status = .infeasible(broken.map(\.text).joined(separator: "; ")) }
            out.append(record)
        }
        return out
    }

    /// Every `SweepMetric` of a cost, in `SweepMetric.allCases` order.
    static func metrics(_ c: DesignCost, design: Design, error: ErrorMetrics, model: EmbeddingComparison?,
                        bitsPerWeight: Double) -> [Double] {
        let memories = Set(design.memories.map(\.name))
        let energySRAM = c.energyPJ.filter { memories.contains($0.key) || $0.key == "sram_leakage" }.reduce(0) { $0 + $1.value }
        let areaSRAM = c.areaUm2.filter { memories.contains($0.key) }.reduce(0) { $0 + $1.value }
        let energy = c.energy("total")
        return SweepMetric.allCases.map { m in
            switch m {
            case .energyPJ: return energy
            case .energyPEPJ: return c.energy("pe_dynamic") + c.energy("pe_leakage")
            case .energySRAMPJ: return energySRAM
            case .energyDRAMPJ: return c.energy("dram")
            case .latencyS: return c.latencyS
            case .cycles: return Double(c.cycles)
            case .macs: return Double(c.macs)
            case .areaUm2: return c.area("total")
            case .areaMM2: return c.area("total") / 1e6
            case .areaPEUm2: return c.area("pe_array")
            case .areaSRAMUm2: return areaSRAM
            case .powerW: return c.latencyS > 0 ? energy * 1e-12 / c.latencyS : .nan
            case .tops: return c.tops
            case .topsPerW: return c.topsPerW
            case .topsPerMM2: return c.topsPerMM2
            case .bitsPerWeight: return bitsPerWeight
            case .errorRelFro: return error.relativeFrobenius
            case .errorSQNRdB: return error.sqnrDB
            case .errorMaxAbs: return error.maxAbs
            case .cosineMean: return model?.meanCosine ?? .nan
            case .cosineMin: return model?.minCosine ?? .nan
            case .spearman: return model?.spearman ?? .nan
            }
        }
    }
}
