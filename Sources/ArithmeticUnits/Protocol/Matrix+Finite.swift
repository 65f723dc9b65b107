import NumberFormats

extension Matrix {
    /// Throws `QuantizationError.nonFiniteInput` for the first NaN or infinite entry: units
    /// require finite weights.
    func requireFinite() throws(QuantizationError) {
        if let i = storage.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteInput(index: i) }
    }
}
