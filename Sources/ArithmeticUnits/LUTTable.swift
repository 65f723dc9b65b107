import NumberFormats

/// The LUT Tensor Core's symmetrized table for one group of four activations
/// (numeric-units.md §5.2, §7.5).
///
/// With weight bits rewritten as ±1 digits, the 16 signed sums T(idx) = Σ_i s_i·a_i are
/// odd-symmetric, so only 8 are stored: `Tstored[j] = −a0 + Σ_{i=1..3} (2·j_i − 1)·a_i` for
/// j = (b3 b2 b1). A lookup with index bit 0 set returns `−Tstored[~idx[3:1]]` (the correct
/// mapping, which the committed RTL omits; see spec §8.10(a)).
///
/// ```swift
/// let t = LUTTable(activations: [1, 2, 4, 8], entryFormat: .fp16)
/// t.stored          // [-15, -11, -7, -3, 1, 5, 9, 13]
/// t.lookup(0b0101)  // -5
/// ```
public struct LUTTable: Sendable, Equatable {
    /// The 8 stored entries, as exact values of `entryFormat`.
    public let stored: [Double]

    /// Precompute the table: each entry is summed in FP32 in the order a0, a1, a2, a3
    /// (each addition rounded to nearest-even), then rounded once to `entryFormat`.
    /// Integer entry formats (INT8 activations) are exact.
    public init(activations a: [Double], entryFormat: ElementFormat) {
        var entries = [Double](repeating: 0, count: 8)
        for j in 0..<8 {
            var s = Float(-a[0])
            for i in 1..<4 {
                let term = Float(((j >> (i - 1)) & 1) == 1 ? a[i] : -a[i])
                s = s + term
            }
            entries[j] = entryFormat.decode(entryFormat.encode(Double(s), rule: .nearestEven, overflow: .infinity))
        }
        stored = entries
    }

    /// Exact integer table for integer activations (no rounding).
    public init(integerActivations a: [Int]) {
        stored = (0..<8).map { j in
            Double(-a[0] + (1..<4).reduce(0) { $0 + (((j >> ($1 - 1)) & 1) == 1 ? a[$1] : -a[$1]) })
        }
    }

    /// The signed sum T(idx) for a 4-bit index (bit i = digit of activation i).
    @inline(__always)
    public func lookup(_ idx: Int) -> Double {
        let j = (idx >> 1) & 7
        return idx & 1 == 1 ? -stored[(~j) & 7] : stored[j]
    }
}
