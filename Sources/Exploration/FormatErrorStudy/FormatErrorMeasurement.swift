import TensorEngine

/// What the format-error study measured for one format: its numeric error on every GEMM and
/// overall, its storage cost per weight, and the cost model's energy and throughput figures.
///
/// ```swift
/// let m = result.measurements[3]
/// m.label                       // "MXFP4"
/// m.overall.relativeFrobenius   // ‖C − C_ref‖_F / ‖C_ref‖_F over every output of every GEMM
/// m.energyPerMACpJ              // total energy (PE, SRAM, DRAM) / MACs
/// ```
public struct FormatErrorMeasurement: Sendable, Equatable {
    /// The error of one GEMM.
    public struct GEMMError: Sendable, Equatable {
        public let gemm: String
        public let error: ErrorMetrics

        public init(gemm: String, error: ErrorMetrics) {
            self.gemm = gemm
            self.error = error
        }
    }

    public let label: String
    /// The design's name (as in its file).
    public let design: String
    /// The unit's name, e.g. `mxfp4-dot`.
    public let unit: String
    public let activationFormat: String
    public let weightFormat: String
    public let outputFormat: String
    /// Weight storage per element, scales and zero points included.
    public let bitsPerWeight: Double
    /// Activation storage per element.
    public let bitsPerActivation: Double
    /// Per GEMM, in dataset order.
    public let perGEMM: [GEMMError]
    /// The metrics over all GEMMs' outputs concatenated (so larger GEMMs weigh more).
    public let overall: ErrorMetrics
    /// The mean of the per-GEMM SQNRs in dB (∞ when any GEMM is exact).
    public let meanSQNRDB: Double
    /// Total energy (PE, SRAM, leakage, DRAM) per MAC on the study's GEMM shapes, pJ.
    public let energyPerMACpJ: Double
    /// PE energy (dynamic + leakage) per MAC, pJ: the arithmetic alone, without memories.
    public let peEnergyPerMACpJ: Double
    /// DRAM energy per MAC, pJ.
    public let dramEnergyPerMACpJ: Double
    /// The design's DRAM read energy per bit, pJ (designs copy it from different artifacts).
    public let dramReadPJPerBit: Double
    public let topsPerW: Double
    public let topsPerMM2: Double

    public init(label: String, design: String, unit: String, activationFormat: String, weightFormat: String,
                outputFormat: String, bitsPerWeight: Double, bitsPerActivation: Double, perGEMM: [GEMMError],
                overall: ErrorMetrics, meanSQNRDB: Double, energyPerMACpJ: Double, peEnergyPerMACpJ: Double,
                dramEnergyPerMACpJ: Double, dramReadPJPerBit: Double, topsPerW: Double, topsPerMM2: Double) {
        self.label = label
        self.design = design
        self.unit = unit
        self.activationFormat = activationFormat
        self.weightFormat = weightFormat
        self.outputFormat = outputFormat
        self.bitsPerWeight = bitsPerWeight
        self.bitsPerActivation = bitsPerActivation
        self.perGEMM = perGEMM
        self.overall = overall
        self.meanSQNRDB = meanSQNRDB
        self.energyPerMACpJ = energyPerMACpJ
        self.peEnergyPerMACpJ = peEnergyPerMACpJ
        self.dramEnergyPerMACpJ = dramEnergyPerMACpJ
        self.dramReadPJPerBit = dramReadPJPerBit
        self.topsPerW = topsPerW
        self.topsPerMM2 = topsPerMM2
    }
}
