/// One row of the component table: a primitive that passed its check against the reference,
/// with its synthesized cells, NAND2 gate equivalents, 45 nm area and energy per action.
///
/// Energy per action = gate equivalents × `CellWeights.energyPerGEToggleFJ` × toggle rate,
/// where the toggle rate is the netlist's net toggles per operation over its net count
/// (both measured by `SimulationHarness` on the primitive's `OperandStream`).
///
/// ```swift
/// // add-u8 (Yosys 0.23): 38 cells, 52.667 GE, 42.028 µm²; 14.25 of its 38 nets toggle per add → 0.0256 pJ
/// entry.energyPJ   // gateEquivalents * 1.296e-3 * togglesPerOp / Double(nets)
/// ```
public struct CharacterizedPrimitive: Sendable, Equatable {
    public let name: String
    public let kind: String
    public let parameters: [String: String]
    /// `Fingerprint` (two FNV-1a 64 hashes, 32 hex digits) of the generated Verilog.
    public let verilogHash: String
    /// Vectors the RTL and the netlist both matched the reference on.
    public let vectors: Int
    public let vectorMode: String
    public let vectorSeed: UInt64?
    public let cells: [String: Int]
    public let gateEquivalents: Double
    public let areaUm2: Double
    public let stream: String
    public let streamOps: Int
    public let streamSeed: UInt64
    /// Netlist net bits (cell outputs, the module's outputs included).
    public let nets: Int
    /// Net toggles per operation, averaged over the stream after its first operation.
    public let togglesPerOp: Double
    /// `togglesPerOp / nets`.
    public var toggleRate: Double { nets == 0 ? 0 : togglesPerOp / Double(nets) }
    /// Energy per operation (pJ) at 45 nm, 0.9 V.
    public var energyPJ: Double { gateEquivalents * CellWeights.energyPerGEToggleFJ * 1e-3 * toggleRate }
}
