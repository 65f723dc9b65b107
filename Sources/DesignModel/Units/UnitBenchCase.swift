import ArithmeticUnits

/// One unit configuration `qarch bench` times (`UnitKind.benchCases`), with a bound on
/// the GEMM's M and N for a unit whose bit-exact model is slow (no unit needs one today;
/// every case is timed on the benchmark's 64×K×64).
///
/// ```swift
/// UnitBenchCase(BitMoDPE(bits: 4, mode: .rtl))                          // 64×K×64
/// UnitBenchCase(BitMoDPE(bits: 4, mode: .rtl), maxRowsAndColumns: 16)   // 16×K×16
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
