import ArithmeticUnits
import CostModel
import DesignModel
import NumberFormats
import TensorEngine
import Workloads

/// Numeric error against cost for several number formats on the same GEMMs (issue 6, item 5,
/// "FP4 and HiF8").
///
/// For each candidate and each GEMM, the design's bit-exact unit quantizes A and B and
/// computes C in the accumulation order of the design's dataflow (`GEMMExecution.run`);
/// C is compared with `ReferenceGEMM` of the unquantized operands (`ErrorMetrics`). The
/// overall error is taken over all GEMMs' outputs concatenated; the mean SQNR averages the
/// per-GEMM dB values. The cost comes from `CostEvaluator` on a workload of the same GEMM
/// shapes (each once). Everything is deterministic: the data is fixed or seeded and the units
/// are bit-exact.
///
/// ```swift
/// let study = FormatErrorStudy(candidates: try FormatErrorCandidate.standard(designsDirectory: designs))
/// let result = try study.run(on: FormatErrorDataset.miniLMOrSynthetic(load, tokens: 64, seed: 1))
/// result.measurements[0].overall.sqnrDB   // FP16: the high-precision anchor
/// ```
public struct FormatErrorStudy: Sendable {
    public var candidates: [FormatErrorCandidate]
    public var evaluator: CostEvaluator

    public init(candidates: [FormatErrorCandidate], evaluator: CostEvaluator = CostEvaluator()) {
        self.candidates = candidates
        self.evaluator = evaluator
    }

    /// Measure every candidate on `dataset`, in candidate order.
    public func run(on dataset: FormatErrorDataset) throws(FormatErrorStudyError) -> FormatErrorStudyResult {
        guard !dataset.gemms.isEmpty,
              dataset.gemms.allSatisfy({ $0.activations.rows > 0 && $0.activations.cols > 0 && $0.weights.cols > 0 }) else {
            throw .emptyDataset
        }
        for g in dataset.gemms where g.activations.cols != g.weights.rows {
            throw .shapeMismatch(gemm: g.name, activationColumns: g.activations.cols, weightRows: g.weights.rows)
        }
        let references = dataset.gemms.map { ReferenceGEMM.multiply($0.activations, $0.weights).storage }
        var measurements: [FormatErrorMeasurement] = []
        for candidate in candidates {
            measurements.append(try measure(candidate, on: dataset, references: references))
        }
        return FormatErrorStudyResult(source: dataset.source, gemms: dataset.gemms.map(\.shape), measurements: measurements)
    }

    /// One candidate's measurement; `references[i]` is the float64 C of GEMM i.
    func measure(_ candidate: FormatErrorCandidate, on dataset: FormatErrorDataset,
                 references: [[Double]]) throws(FormatErrorStudyError) -> FormatErrorMeasurement {
        let design = candidate.design
        let unit = design.makeUnit()
        var perGEMM: [FormatErrorMeasurement.GEMMError] = []
        var allResults: [Double] = [], allReferences: [Double] = []
        for (g, reference) in zip(dataset.gemms, references) {
            let values: [Double]
            do {
                let report = try GEMMExecution.run(unit: unit, activations: g.activations, weights: g.weights,
                                                   engine: design.engineConfig(), convention: .native, mode: .fast)
                values = report.output.values.storage
            } catch let error as QuantizationError {
                throw .quantization(format: candidate.label, gemm: g.name, error)
            } catch {
                throw .evaluation(format: candidate.label, message: "\(g.name): \(error)")
            }
            perGEMM.append(.init(gemm: g.name, error: ErrorMetrics(result: values, reference: reference)))
            allResults += values
            allReferences += reference
        }
        let workload = Workload(name: "format-error-study", gemms: dataset.gemms.map(\.shape))
        let cost: DesignCost
        do { cost = try evaluator.evaluate(design, on: workload) } catch {
            throw .evaluation(format: candidate.label, message: "cost model: \(error)")
        }
        let macs = Double(cost.macs)
        let formats = candidate.formats
        return FormatErrorMeasurement(
            label: candidate.label, design: design.name, unit: unit.name, activationFormat: formats.activations,
            weightFormat: formats.weights, outputFormat: formats.output, bitsPerWeight: candidate.bitsPerWeight,
            bitsPerActivation: candidate.bitsPerActivation, perGEMM: perGEMM,
            overall: ErrorMetrics(result: allResults, reference: allReferences),
            meanSQNRDB: perGEMM.map(\.error.sqnrDB).reduce(0, +) / Double(perGEMM.count),
            energyPerMACpJ: cost.energy("total") / macs,
            peEnergyPerMACpJ: (cost.energy("pe_dynamic") + cost.energy("pe_leakage")) / macs,
            dramEnergyPerMACpJ: cost.energy("dram") / macs, dramReadPJPerBit: design.dram.readPJPerBit,
            topsPerW: cost.topsPerW, topsPerMM2: cost.topsPerMM2)
    }
}
