/// Operands assembled from parts, so a caller that quantized the weight columns once can
/// pair them with each new activation tensor (`quantize` builds exactly these).
///
/// ```swift
/// let w = try unit.quantize(activations: oneRow, weights: b).columns         // once
/// let ops = BlockDotUnit.Operands(k: k, activationRows: rows, weightColumns: w)
/// ```
extension BlockDotUnit.Operands {
    public init(k: Int, activationRows: [BlockVector], weightColumns: [BlockVector]) {
        self.init(k: k, rows: activationRows, columns: weightColumns)
    }
}
