import NumberFormats

/// The LUT Tensor Core's symmetrized table for one group of four activations
/// (ArithmeticUnits/README.md, "LUT Tensor Core").
///
/// With weight bits rewritten as ±1 digits, the 16 signed sums T(idx) = Σ_i s_i·a_i are
/// odd-symmetric, so only 8 are stored: `Tstored[j] = −a0 + Σ_{i=1..3} (2·j_i − 1)·a_i` for
/// j = (b3 b2 b1). A lookup with index bit 0 set returns `−Tstored[~idx[3:1]]` (the correct
/// mapping, which the committed RTL omits; see ArithmeticUnits/README.md, "LUT Tensor Core").
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
    public init(activations given: [Double], entryFormat: ElementFormat) {
        let a = LUTTable.group(given, zero: 0.0)
        if entryFormat == .fp16 {
            var entries = [Double](repeating: 0, count: 8)
            entries.withUnsafeMutableBufferPointer { LUTTable.fillFP16($0.baseAddress!, a[0], a[1], a[2], a[3]) }
            stored = entries
            return
        }
        stored = (0..<8).map { j in
            let s = LUTTable.fp32Entry(j, a[0], a[1], a[2], a[3])
            return entryFormat.decode(entryFormat.encode(Double(s), rule: .nearestEven, overflow: .infinity))
        }
    }

    /// The first four activations, padded with zeros (a short group's missing lanes hold 0).
    static func group<T>(_ a: [T], zero: T) -> [T] { (0..<4).map { $0 < a.count ? a[$0] : zero } }

    /// Entry j summed in FP32 in the order a0, a1, a2, a3, each addition rounded to nearest-even.
    @inline(__always)
    static func fp32Entry(_ j: Int, _ a0: Double, _ a1: Double, _ a2: Double, _ a3: Double) -> Float {
        var s = Float(-a0)
        s = s + Float(j & 1 == 1 ? a1 : -a1)
        s = s + Float(j & 2 == 2 ? a2 : -a2)
        s = s + Float(j & 4 == 4 ? a3 : -a3)
        return s
    }

    /// Write the 8 FP16 entries (FP32 sums rounded once to FP16, RNE) without allocating.
    @inline(__always)
    static func fillFP16(_ out: UnsafeMutablePointer<Double>, _ a0: Double, _ a1: Double, _ a2: Double, _ a3: Double) {
        for j in 0..<8 { out[j] = Double(Float16(fp32Entry(j, a0, a1, a2, a3))) }
    }

    /// Exact integer table for integer activations (no rounding).
    public init(integerActivations given: [Int]) {
        let a = LUTTable.group(given, zero: 0)
        var entries = [Double](repeating: 0, count: 8)
        entries.withUnsafeMutableBufferPointer {
            LUTTable.fillInteger($0.baseAddress!, Double(a[0]), Double(a[1]), Double(a[2]), Double(a[3]))
        }
        stored = entries
    }

    /// Write the 8 integer entries (int8 activations: |entry| ≤ 512, exact) without allocating.
    @inline(__always)
    static func fillInteger(_ out: UnsafeMutablePointer<Double>, _ a0: Double, _ a1: Double, _ a2: Double, _ a3: Double) {
        for j in 0..<8 { out[j] = Double(fp32Entry(j, a0, a1, a2, a3)) }
    }

    /// The signed sum T(idx) for a 4-bit index (bit i = digit of activation i).
    @inline(__always)
    public func lookup(_ idx: Int) -> Double {
        let j = (idx >> 1) & 7
        return idx & 1 == 1 ? -stored[(~j) & 7] : stored[j]
    }
}
