import ArithmeticUnits

/// One unit configuration `qarch bench` times (`UnitKind.benchCases`), with a bound on
/// the GEMM's M and N for units whose bit-exact model is slow (the BitMoD RTL datapath).
///
/// ```swift
/// UnitBenchCase(BitMoDPE(bits: 4, mode: .rtl), maxRowsAndColumns: 16)   // 16×K×16 instead of 64×K×64
/// ```
public struct UnitBenchCase: Sendable {
    public let unit: any ArithmeticUnit
    /// The largest M and N the benchmark uses for this unit; nil: the benchmark's sizes.
    public let maxRowsAndColumns: Int?

    public init(_ unit: any ArithmeticUnit, maxRowsAndColumns: Int? = nil) {
        self.unit = unit
        self.maxRowsAndColumns = maxRowsAndColumns
    }
}
