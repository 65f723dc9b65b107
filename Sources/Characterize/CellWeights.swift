/// NAND2 gate equivalents of Yosys' generic cells, and the 45 nm area and switching energy
/// of one gate equivalent.
///
/// Each generic cell is weighted by the area of its X1 cell in the NanGate FreePDK45 Open
/// Cell Library (v1.3, `NangateOpenCellLibrary_typical.lib`) divided by NAND2_X1's 0.798 µm²:
///
/// | Yosys cell | NanGate cell | area (µm²) | GE |
/// |---|---|---:|---:|
/// | `$_NOT_` | INV_X1 | 0.532 | 0.667 |
/// | `$_BUF_` | BUF_X1 | 0.798 | 1 |
/// | `$_NAND_`, `$_NOR_` | NAND2_X1, NOR2_X1 | 0.798 | 1 |
/// | `$_AND_`, `$_OR_` | AND2_X1, OR2_X1 | 1.064 | 1.333 |
/// | `$_XOR_`, `$_XNOR_` | XOR2_X1, XNOR2_X1 | 1.596 | 2 |
/// | `$_MUX_` | MUX2_X1 | 1.862 | 2.333 |
/// | `$_DFF_P_` | DFF_X1 | 4.522 | 5.667 |
///
/// Energy: one gate-equivalent toggle switches ½·C·V² with C = 3.2 fF (a NAND2_X1 output
/// driving two NAND2_X1 inputs of about 1.6 fF each, the library's input pin capacitance;
/// wire and diffusion capacitance left out) at V = 0.9 V (the 45 nm, 0.9 V point of the
/// Horowitz table the cost model already uses): 1.296 fJ. This is a derived assumption, not
/// a published per-GE figure; Sources/Characterize/README.md compares it with Horowitz.
///
/// ```swift
/// try CellWeights.gateEquivalents(["$_NAND_": 3, "$_XOR_": 1])   // 5.0
/// CellWeights.areaUm2(gateEquivalents: 10)                        // 7.98
/// ```
public enum CellWeights {
    /// NAND2_X1 area in the NanGate 45 nm Open Cell Library.
    public static let nand2AreaUm2 = 0.798
    /// The process node of the weights.
    public static let nodeNm = 45
    /// Switched capacitance per gate-equivalent toggle (fF), see the type's docs.
    public static let capacitancePerGEfF = 3.2
    /// Supply voltage (V).
    public static let voltage = 0.9
    /// ½·C·V² per gate-equivalent toggle, in fJ.
    public static var energyPerGEToggleFJ: Double { 0.5 * capacitancePerGEfF * voltage * voltage }

    /// The NanGate X1 cell and its area (µm²) for each generic cell type.
    public static let cells: [(yosys: String, nangate: String, areaUm2: Double)] = [
        ("$_NOT_", "INV_X1", 0.532), ("$_BUF_", "BUF_X1", 0.798),
        ("$_NAND_", "NAND2_X1", 0.798), ("$_NOR_", "NOR2_X1", 0.798),
        ("$_AND_", "AND2_X1", 1.064), ("$_OR_", "OR2_X1", 1.064),
        ("$_XOR_", "XOR2_X1", 1.596), ("$_XNOR_", "XNOR2_X1", 1.596),
        ("$_MUX_", "MUX2_X1", 1.862), ("$_DFF_P_", "DFF_X1", 4.522),
    ]

    /// The weight of one cell type in NAND2 equivalents, nil for a type without a weight.
    public static func weight(_ type: String) -> Double? {
        cells.first { $0.yosys == type }.map { $0.areaUm2 / nand2AreaUm2 }
    }

    /// The gate equivalents of a cell count; a cell type without a weight is an error (it
    /// cannot be priced, so the primitive cannot enter the table).
    public static func gateEquivalents(_ counts: [String: Int]) throws(CharacterizeProblem) -> Double {
        var total = 0.0
        for (type, n) in counts.sorted(by: { $0.key < $1.key }) {
            guard let w = weight(type) else { throw CharacterizeProblem("cell type \(type) has no NAND2 weight") }
            total += w * Double(n)
        }
        return total
    }

    /// Area at 45 nm: gate equivalents × the NAND2_X1 area.
    public static func areaUm2(gateEquivalents: Double) -> Double { gateEquivalents * nand2AreaUm2 }
}
