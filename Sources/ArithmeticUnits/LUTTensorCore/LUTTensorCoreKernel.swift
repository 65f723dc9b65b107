import NumberFormats

/// The LUT Tensor Core datapath: per group of 4 activations a table of 8 entries, then for
/// each weight column and bit-plane b a lookup, an exact ×2^b (exponent add) and one add.
///
/// Accumulation order: quantization groups in order; inside a group, LUT groups of 4
/// consecutive k in order (a quantization group's tail is padded with zero activations),
/// and inside a LUT group bit-planes b = 0…B−1. Epilogue per group (ArithmeticUnits/README.md, "LUT Tensor Core"), in FP32:
/// `u = 0.5·acc_g + ((2^B−1)/2 − z_g)·Σa_g`, `y ← y + s_g·u`. With int8 activations the
/// accumulator is an integer register and the epilogue is MixPE's: `d = (acc_g + (2^B−1)·Σa_g)/2
/// − z_g·Σa_g`, `y ← y + s_g·float(d)`, then `y ← s_a·y`.
enum LUTTensorCoreKernel {
    static let lutGroup = 4

    /// The GEMM's bits and action counts, computed by `LUTFastKernel` (equal in every bit to
    /// `referenceGemm`, the step-by-step model below).
    static func gemm(_ ops: LUTTensorCoreOperands, accumulation: LUTAccumulation,
                     integerAccumulator: IntegerAccumulator) -> (bits: [UInt32], counts: ActionCounts) {
        let bits = LUTFastKernel.gemm(ops, accumulation: accumulation, integerAccumulator: integerAccumulator)
        return (bits, counts(ops, lutGroups: lutGroupCount(ops), accumulation: accumulation, integerAccumulator: integerAccumulator))
    }

    /// The number of LUT groups along K: each quantization group's length rounded up to 4.
    static func lutGroupCount(_ ops: LUTTensorCoreOperands) -> Int {
        var lutGroups = 0
        for g in 0..<ops.groupCount {
            let len = min((g + 1) * ops.groupSize, ops.k) - g * ops.groupSize
            lutGroups += (len + lutGroup - 1) / lutGroup
        }
        return lutGroups
    }

    /// The reference model: the datapath step by step, one lookup and one accumulator add per
    /// (column, LUT group, bit-plane).
    static func referenceGemm(_ ops: LUTTensorCoreOperands, accumulation: LUTAccumulation,
                              integerAccumulator: IntegerAccumulator) -> (bits: [UInt32], counts: ActionCounts) {
        var out = [UInt32](repeating: 0, count: ops.m * ops.n)
        let lutGroups = lutGroupCount(ops)
        for r in 0..<ops.m {
            referenceRow(ops, row: r, lutGroups: lutGroups, accumulation: accumulation, integerAccumulator: integerAccumulator, into: &out)
        }
        return (out, counts(ops, lutGroups: lutGroups, accumulation: accumulation, integerAccumulator: integerAccumulator))
    }

    /// Row `r` of the reference model, written into `out` (row-major M×N FP32 bits).
    static func referenceRow(_ ops: LUTTensorCoreOperands, row r: Int, lutGroups: Int, accumulation: LUTAccumulation,
                             integerAccumulator: IntegerAccumulator, into out: inout [UInt32]) {
        let groups = ops.groupCount
        let bPlanes = ops.weightBits
        // Tables (8 entries per LUT group, flat) and activation sums of this row, shared by every column.
        var tables = [Double](repeating: 0, count: lutGroups * 8)
        var firstK = [Int](repeating: 0, count: lutGroups)
        var groupSumsF = [Float](repeating: 0, count: groups)
        var groupSumsI = [Int64](repeating: 0, count: groups)
        var built = 0
        tables.withUnsafeMutableBufferPointer { tp in
            for g in 0..<groups {
                let start = g * ops.groupSize, end = min((g + 1) * ops.groupSize, ops.k)
                var kk = start
                while kk < end {
                    @inline(__always) func act(_ i: Int) -> Double {
                        guard kk + i < end else { return 0 }
                        switch ops.activations {
                        case .fp16(let a): return Double(a[r * ops.k + kk + i])
                        case .int8(let codes, _): return Double(codes[r * ops.k + kk + i])
                        }
                    }
                    let out = tp.baseAddress! + 8 * built
                    if case .fp16 = ops.activations {
                        LUTTable.fillFP16(out, act(0), act(1), act(2), act(3))
                    } else {
                        LUTTable.fillInteger(out, act(0), act(1), act(2), act(3))
                    }
                    firstK[built] = kk
                    built += 1
                    kk += lutGroup
                }
                for k2 in start..<end {
                    switch ops.activations {
                    case .fp16(let a): groupSumsF[g] = groupSumsF[g] + a[r * ops.k + k2]
                    case .int8(let codes, _): groupSumsI[g] = integerAccumulator.add(groupSumsI[g], Int64(codes[r * ops.k + k2]))
                    }
                }
            }
        }
        for c in 0..<ops.n {
            let wRow = c * ops.k
            var y: Float = 0
            var t = 0
            for g in 0..<groups {
                let end = min((g + 1) * ops.groupSize, ops.k)
                var accF: Double = 0
                var accI: Int64 = 0
                let groupEnd = t + ((end - g * ops.groupSize) + lutGroup - 1) / lutGroup
                while t < groupEnd {
                    let k0 = firstK[t]
                    for b in 0..<bPlanes {
                        var idx = 0
                        for i in 0..<lutGroup where k0 + i < end {
                            idx |= Int((ops.weightCodesNK[wRow + k0 + i] >> UInt8(b)) & 1) << i
                        }
                        let jj = (idx >> 1) & 7
                        let entry = idx & 1 == 1 ? -tables[8 * t + ((~jj) & 7)] : tables[8 * t + jj]
                        switch ops.activations {
                        case .int8:
                            accI = integerAccumulator.add(accI, Int64(entry) << Int64(b))
                        case .fp16:
                            accF = accumulate(accF, entry, b, accumulation)
                        }
                    }
                    t += 1
                }
                let zi = g * ops.n + c
                switch ops.activations {
                case .int8:
                    let offset = integerAccumulator.reduce(Int64((1 << bPlanes) - 1) &* groupSumsI[g])
                    let dot = integerAccumulator.add(accI, offset) >> 1
                    let correction = integerAccumulator.reduce(Int64(ops.zeroPoints[zi]) &* groupSumsI[g])
                    let d = integerAccumulator.add(dot, -correction)
                    y = y + ops.scales[zi] * Float(d)
                case .fp16:
                    let h = Float(accF) * 0.5
                    let coefficient = Float((1 << bPlanes) - 1) * 0.5 - Float(ops.zeroPoints[zi])
                    let u = h + coefficient * groupSumsF[g]
                    y = y + ops.scales[zi] * u
                }
            }
            if case .int8(_, let rowScales) = ops.activations { y = rowScales[r] * y }
            out[r * ops.n + c] = y.bitPattern
        }
    }

    /// One accumulator step `acc + 2^b·entry` under the chosen adder.
    @inline(__always)
    static func accumulate(_ acc: Double, _ entry: Double, _ b: Int, _ mode: LUTAccumulation) -> Double {
        switch mode {
        case .fp32:
            return Double(Float(acc) + Float(entry * Double(1 << b)))
        case .fp16:
            // DesignWare ieee_compliance = 0: a denormal operand counts as zero, and a
            // denormal result is flushed to zero (keeping its sign).
            let operand = abs(entry) < 0x1p-14 ? 0 : entry * Double(1 << b)
            let sum = acc + operand          // exact: both have ≤ 11 significant bits, close exponents
            let rounded = Double(Float16(sum))   // one RNE rounding, overflow to ±Inf
            return abs(rounded) < 0x1p-14 ? (rounded.sign == .minus ? -0.0 : 0.0) : rounded
        }
    }

    /// Closed-form action counts: 8 table entries per (row, LUT group), N·B lookups and adds.
    static func counts(_ ops: LUTTensorCoreOperands, lutGroups: Int, accumulation: LUTAccumulation,
                       integerAccumulator: IntegerAccumulator) -> ActionCounts {
        var c = ActionCounts()
        let tablesBuilt = ops.m * lutGroups
        let lookups = tablesBuilt * ops.n * ops.weightBits
        let integer: Bool
        if case .int8 = ops.activations { integer = true } else { integer = false }
        c.record(Action(.lutWrite, bits: 16), tablesBuilt * 8)
        c.record(Action(integer ? .intAdd : .fpAdd, bits: integer ? 16 : 32), tablesBuilt * 8 * 3)
        if !integer { c.record(Action(.convert, bits: 16), tablesBuilt * 8) }
        c.record(Action(.lutRead, bits: 16), lookups)
        c.record(Action(.mux, bits: 16), lookups)
        c.record(Action(.shift, bits: 16), tablesBuilt * ops.n * (ops.weightBits - 1))
        if integer {
            c.record(Action(.intAdd, bits: integerAccumulator.bits), lookups)
        } else {
            c.record(Action(.fpAdd, bits: accumulation == .fp16 ? 16 : 32), lookups)
        }
        let groupsTotal = ops.m * ops.n * ops.groupCount
        c.record(Action(.fpMul, bits: 32), groupsTotal * 2 + (integer ? ops.m * ops.n : 0))
        c.record(Action(.fpAdd, bits: 32), groupsTotal * 2 + ops.m * ops.k)
        c.record(Action(.regRead, bits: 16), ops.m * ops.n * ops.k * ops.weightBits / lutGroup)
        return c
    }
}
