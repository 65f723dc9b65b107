import NumberFormats

extension LUTTensorCore {
    /// One bit-serial lookup step with FP16 activations: the entry T(`index`) of `table`
    /// times 2^`plane`, added to `accumulator` by the unit's adder (`LUTAccumulation`), as
    /// `LUTTensorCoreKernel` does for each weight bit-plane. Values are exact values of the
    /// accumulation format (FP16 or FP32).
    ///
    /// ```swift
    /// let t = LUTTable(activations: [1, 2, 4, 8], entryFormat: .fp16)
    /// LUTTensorCore(weights: .uint(bits: 2)).step(accumulator: 0, table: t, index: 0b1001, plane: 1)   // 6 (2·3)
    /// ```
    public func step(accumulator: Double, table: LUTTable, index: Int, plane: Int) -> Double {
        LUTTensorCoreKernel.accumulate(accumulator, table.lookup(index & 0xF), plane, accumulation)
    }

    /// One lookup step with INT8 activations: the integer entry ≪ `plane` added in the
    /// integer accumulator register (wrap or saturate).
    public func step(accumulator: Int64, table: LUTTable, index: Int, plane: Int) -> Int64 {
        integerAccumulator.add(integerAccumulator.reduce(accumulator), Int64(table.lookup(index & 0xF)) << Int64(plane))
    }
}
