import CSIMD
import NumberFormats

/// The LUT Tensor Core GEMM computed fast, equal in every bit to the step-by-step reference
/// model `LUTTensorCoreKernel.referenceGemm` (same tables, same accumulation order, same
/// epilogue); `LUTFastKernelTests` checks the equality on seeded and edge-case operands.
///
/// What changes is only how each step is computed:
/// - the 4-bit lookup index of every (column, LUT group, bit-plane) is taken from the weights
///   once per GEMM, and each row's tables are expanded once to 16 signed entries per
///   bit-plane, already multiplied by 2^b (and, for FP16 accumulation, already flushed to
///   zero when denormal), so a step is one load and one add;
/// - the FP16 entries are rounded by `FP16Rounding` instead of the `Float16` conversion call;
/// - the FP16 accumulator is an integer count of 2^−24 (every FP16 value and every sum of two
///   is a whole number of them, and the sum is exact below 2^53), rounded to 11 significant
///   bits (RNE) after each add, flushed to zero below 2^−14 keeping the sign, as the
///   DesignWare adder does. A row whose tables hold ±∞ or whose accumulator overflows to ±∞
///   is computed by the reference model instead;
/// - quantization groups are the outer loop and columns the inner one, so the tables of one
///   group stay in cache; each column's FP32 sum still adds its groups in order;
/// - with `simd` (AVX-512 present, `SIMDKernels`), the FP16 accumulators of 32 columns run
///   together in `qarch_lut_fp16_accumulate` (`CSIMD`), the same integer steps per lane.
enum LUTFastKernel {
    static func gemm(_ ops: LUTTensorCoreOperands, accumulation: LUTAccumulation,
                     integerAccumulator: IntegerAccumulator, simd: Bool = SIMDKernels.available) -> [UInt32] {
        let lutGroup = LUTTensorCoreKernel.lutGroup
        let planes = ops.weightBits
        // LUT groups in order: first k, and the range of them that each quantization group owns.
        var firstK: [Int] = [], groupEnd: [Int] = [], groupLUTs = [0]
        for g in 0..<ops.groupCount {
            let end = min((g + 1) * ops.groupSize, ops.k)
            for k0 in stride(from: g * ops.groupSize, to: end, by: lutGroup) { firstK.append(k0); groupEnd.append(end) }
            groupLUTs.append(firstK.count)
        }
        let luts = firstK.count
        // Lookup address of every (column, LUT group, plane) inside its LUT group's expanded
        // table: plane·16 + index, index bit i = bit b of the weight code at k0 + i.
        var address = [UInt8](repeating: 0, count: ops.n * luts * planes)
        for c in 0..<ops.n {
            for t in 0..<luts {
                let k0 = firstK[t]
                for b in 0..<planes {
                    var idx = 0
                    for i in 0..<lutGroup where k0 + i < groupEnd[t] {
                        idx |= Int((ops.weightCodesNK[c * ops.k + k0 + i] >> UInt8(b)) & 1) << i
                    }
                    address[(c * luts + t) * planes + b] = UInt8(b * 16 + idx)
                }
            }
        }
        let layout = Layout(firstK: firstK, groupEnd: groupEnd, groupLUTs: groupLUTs, address: address)
        var out = [UInt32](repeating: 0, count: ops.m * ops.n)
        switch ops.activations {
        case .fp16(let a):
            // The SIMD kernel indexes a row's tables with Int32.
            let simdFits = firstK.count * planes * 16 <= Int(Int32.max)
            fp16Rows(ops, a, layout, accumulation, integerAccumulator, simd: simd && simdFits && accumulation == .fp16, &out)
        case .int8(let codes, let rowScales):
            int8Rows(ops, codes, rowScales, layout, integerAccumulator, &out)
        }
        return out
    }

    /// The LUT groups and lookup addresses of a GEMM.
    struct Layout {
        let firstK: [Int], groupEnd: [Int], groupLUTs: [Int], address: [UInt8]
    }

    /// The 16 signed entries T(idx) of a LUT group from its 8 stored ones (`LUTTable.lookup`).
    @inline(__always)
    static func signedEntry<T: SignedNumeric>(_ stored: UnsafeMutablePointer<T>, _ idx: Int) -> T {
        let j = (idx >> 1) & 7
        return idx & 1 == 1 ? -stored[(~j) & 7] : stored[j]
    }

    /// The table index of every (32-column block, step, lane) for `qarch_lut_fp16_accumulate`:
    /// step t·planes + b of column c reads entry (t·planes + b)·16 + idx of the row's tables.
    /// Lanes past the last column repeat it (computed, not used).
    static func simdIndices(_ layout: Layout, columns n: Int, planes: Int) -> [Int32] {
        let luts = layout.firstK.count, steps = luts * planes
        let blocks = (n + 31) / 32
        var indices = [Int32](repeating: 0, count: blocks * steps * 32)
        for slot in 0..<(blocks * 32) {
            let c = min(slot, n - 1)
            for step in 0..<steps {
                let t = step / planes
                indices[((slot / 32) * steps + step) * 32 + slot % 32] =
                    Int32(t * planes * 16 + Int(layout.address[(c * luts + t) * planes + step % planes]))
            }
        }
        return indices
    }

    static func fp16Rows(_ ops: LUTTensorCoreOperands, _ a: [Float], _ layout: Layout, _ accumulation: LUTAccumulation,
                         _ integerAccumulator: IntegerAccumulator, simd: Bool, _ out: inout [UInt32]) {
        let (m, n, k, planes) = (ops.m, ops.n, ops.k, ops.weightBits)
        let luts = layout.firstK.count
        let entries = luts * planes * 16
        let indices = simd ? simdIndices(layout, columns: n, planes: planes) : []
        let blocks = (n + 31) / 32
        var laneUnits = [Int64](repeating: 0, count: 32), laneLast = [Int64](repeating: 0, count: 32)
        var laneBits = [UInt64](repeating: 0, count: 32)
        var simdSums = [Float](repeating: 0, count: simd ? blocks * 32 : 0)
        var unitsTable = [Int64](repeating: 0, count: entries)
        var floatTable = [Float](repeating: 0, count: entries)
        var groupSums = [Float](repeating: 0, count: ops.groupCount)
        var y = [Float](repeating: 0, count: n)
        let coefficientBase = Float((1 << planes) - 1) * 0.5
        for r in 0..<m {
            // Tables: FP32 sums of the group's activations, rounded to FP16 (in 2^−24 units).
            let finite = unitsTable.withUnsafeMutableBufferPointer { up in
                floatTable.withUnsafeMutableBufferPointer { fp in
                    a.withUnsafeBufferPointer { ap in
                        buildFP16Tables(ap.baseAddress! + r * k, layout, planes, accumulation, up.baseAddress!, fp.baseAddress!)
                    }
                }
            }
            guard finite else {
                LUTTensorCoreKernel.referenceRow(ops, row: r, lutGroups: luts, accumulation: accumulation,
                                                 integerAccumulator: integerAccumulator, into: &out)
                continue
            }
            for g in 0..<ops.groupCount {
                let start = g * ops.groupSize, end = min((g + 1) * ops.groupSize, k)
                var sum: Float = 0
                for k2 in start..<end { sum = sum + a[r * k + k2] }
                groupSums[g] = sum
            }
            var overflow = false
            for c in 0..<n { y[c] = 0 }
            y.withUnsafeMutableBufferPointer { yp in
            layout.address.withUnsafeBufferPointer { ap in
                unitsTable.withUnsafeBufferPointer { up in
                    floatTable.withUnsafeBufferPointer { fp in
                        for g in 0..<ops.groupCount {
                            let t0 = layout.groupLUTs[g], t1 = layout.groupLUTs[g + 1]
                            let steps = (t1 - t0) * planes
                            if simd {
                                for block in 0..<blocks {
                                    indices.withUnsafeBufferPointer { ip in
                                        qarch_lut_fp16_accumulate(up.baseAddress!, ip.baseAddress! + (block * luts * planes + t0 * planes) * 32,
                                                                  Int64(steps), &laneUnits, &laneLast, &laneBits)
                                    }
                                    for j in 0..<32 {
                                        let acc = FP16Accumulator(units: laneUnits[j], lastSum: laneLast[j], roundedBits: laneBits[j])
                                        overflow = overflow || acc.overflow
                                        simdSums[block * 32 + j] = Float(acc.value)
                                    }
                                }
                            }
                            var sums: (Float, Float, Float, Float) = (0, 0, 0, 0)
                            for c in 0..<n {
                                let addresses = ap.baseAddress! + (c * luts + t0) * planes
                                let acc: Float
                                if simd {
                                    acc = simdSums[c]
                                } else if accumulation == .fp16 {
                                    // Four columns at a time; columns c+1…c+3 come from the same call.
                                    if c % 4 == 0 {
                                        let s = fp16Sums(up.baseAddress! + t0 * planes * 16, addresses, stride: luts * planes,
                                                         columns: min(n - c, 4), steps, planes)
                                        overflow = overflow || s.0.overflow || s.1.overflow || s.2.overflow || s.3.overflow
                                        sums = (Float(s.0.value), Float(s.1.value), Float(s.2.value), Float(s.3.value))
                                    }
                                    switch c % 4 { case 0: acc = sums.0; case 1: acc = sums.1; case 2: acc = sums.2; default: acc = sums.3 }
                                } else {
                                    acc = fp32Sum(fp.baseAddress! + t0 * planes * 16, addresses, steps, planes)
                                }
                                let zi = g * n + c
                                let h = acc * 0.5
                                let coefficient = coefficientBase - Float(ops.zeroPoints[zi])
                                let u = h + coefficient * groupSums[g]
                                yp[c] = yp[c] + ops.scales[zi] * u
                            }
                        }
                    }
                }
            }
            }
            if overflow {
                LUTTensorCoreKernel.referenceRow(ops, row: r, lutGroups: luts, accumulation: accumulation,
                                                 integerAccumulator: integerAccumulator, into: &out)
            } else {
                for c in 0..<n { out[r * n + c] = y[c].bitPattern }
            }
        }
    }

    /// One row's expanded FP16 tables (`row` points at its activations): per LUT group and
    /// plane, 16 entries ×2^b, into `units` (FP16 accumulation, denormals flushed) or `floats`
    /// (FP32 accumulation). False when an entry is ±∞ or NaN.
    static func buildFP16Tables(_ row: UnsafePointer<Float>, _ layout: Layout, _ planes: Int, _ accumulation: LUTAccumulation,
                                _ units: UnsafeMutablePointer<Int64>, _ floats: UnsafeMutablePointer<Float>) -> Bool {
        withUnsafeTemporaryAllocation(of: Int64.self, capacity: 8) { sp in
            let s = sp.baseAddress!
            for t in 0..<layout.firstK.count {
                let k0 = layout.firstK[t], end = layout.groupEnd[t]
                @inline(__always) func act(_ i: Int) -> Double { k0 + i < end ? Double(row[k0 + i]) : 0 }
                let (a0, a1, a2, a3) = (act(0), act(1), act(2), act(3))
                for j in 0..<8 {
                    guard let u = FP16Rounding.units(LUTTable.fp32Entry(j, a0, a1, a2, a3)) else { return false }
                    s[j] = u
                }
                for idx in 0..<16 {
                    let v = signedEntry(s, idx)
                    for b in 0..<planes {
                        let at = (t * planes + b) * 16 + idx
                        if accumulation == .fp16 {
                            // DesignWare ieee_compliance = 0: a denormal operand counts as zero.
                            units[at] = v.magnitude < 1 << 10 ? 0 : v << b
                        } else {
                            floats[at] = Float(v) * 0x1p-24 * Float(1 << b)
                        }
                    }
                }
            }
            return true
        }
    }

    /// The FP16 accumulator as a count of 2^−24 (with the sign of a zero kept apart).
    struct FP16Accumulator {
        /// The value; the last unrounded sum (a flushed negative one leaves negative zero);
        /// the OR of every rounded magnitude (2^40 or more: some sum overflowed to ±∞).
        var units: Int64 = 0, lastSum: Int64 = 0, roundedBits: UInt64 = 0

        /// `acc + operand` rounded once to FP16 (RNE to 11 significant bits), flushed to zero
        /// below 2^−14 keeping its sign.
        @inline(__always)
        mutating func add(_ operand: Int64) {
            let sum = units &+ operand
            let magnitude = sum.magnitude
            let drop = max(magnitude.bitWidth - magnitude.leadingZeroBitCount - 11, 0)
            let mask: UInt64 = (1 &<< UInt64(drop)) &- 1
            let bias = ((mask &>> 1) &+ ((magnitude &>> UInt64(drop)) & 1)) & mask
            let rounded = (magnitude &+ bias) & ~mask
            roundedBits |= rounded
            let kept = Int64(truncatingIfNeeded: rounded < 1 << 10 ? 0 : rounded)
            let sign = sum &>> 63
            units = (kept ^ sign) &- sign
            lastSum = sum
        }

        /// Some sum rounded to ±∞ (beyond 65504, the next FP16 step being 2^40 units).
        var overflow: Bool { roundedBits >= 1 << 40 }

        /// The accumulator as an FP16 value (valid when not `overflow`). A zero is negative
        /// when the last sum was negative and flushed; an operand of zero (+0) gives +0.
        var value: Double { units == 0 ? (lastSum < 0 ? -0.0 : 0.0) : Double(units) * 0x1p-24 }
    }

    /// One quantization group's FP16 accumulation for `columns` (1…4) adjacent columns, whose
    /// lookup addresses are `stride` apart: `steps` lookups each (plane-major inside each LUT
    /// group) from the expanded tables at `table`, 16·planes entries per LUT group. The
    /// columns' sums are independent, so running them together overlaps their latencies.
    @inline(__always)
    static func fp16Sums(_ table: UnsafePointer<Int64>, _ addresses: UnsafePointer<UInt8>, stride: Int, columns: Int,
                         _ steps: Int, _ planes: Int) -> (FP16Accumulator, FP16Accumulator, FP16Accumulator, FP16Accumulator) {
        var a0 = FP16Accumulator(), a1 = FP16Accumulator(), a2 = FP16Accumulator(), a3 = FP16Accumulator()
        let p1 = addresses + (columns > 1 ? stride : 0), p2 = addresses + (columns > 2 ? 2 * stride : 0)
        let p3 = addresses + (columns > 3 ? 3 * stride : 0)
        var step = 0
        var lut = table
        while step < steps {
            for b in 0..<planes {
                a0.add(lut[Int(addresses[step + b])])
                a1.add(lut[Int(p1[step + b])])
                a2.add(lut[Int(p2[step + b])])
                a3.add(lut[Int(p3[step + b])])
            }
            step += planes
            lut += planes * 16
        }
        return (a0, a1, a2, a3)
    }

    /// One quantization group's FP32 accumulation (IEEE RNE), same walk as `fp16Sum`.
    @inline(__always)
    static func fp32Sum(_ table: UnsafePointer<Float>, _ addresses: UnsafePointer<UInt8>, _ steps: Int, _ planes: Int) -> Float {
        var acc: Float = 0
        var step = 0
        var lut = table
        while step < steps {
            for b in 0..<planes { acc = acc + lut[Int(addresses[step + b])] }
            step += planes
            lut += planes * 16
        }
        return acc
    }

    static func int8Rows(_ ops: LUTTensorCoreOperands, _ codes: [Int8], _ rowScales: [Float], _ layout: Layout,
                         _ integerAccumulator: IntegerAccumulator, _ out: inout [UInt32]) {
        let (m, n, k, planes) = (ops.m, ops.n, ops.k, ops.weightBits)
        let luts = layout.firstK.count
        var table = [Int64](repeating: 0, count: luts * planes * 16)
        var groupSums = [Int64](repeating: 0, count: ops.groupCount)
        var y = [Float](repeating: 0, count: n)
        for r in 0..<m {
            table.withUnsafeMutableBufferPointer { tb in
              withUnsafeTemporaryAllocation(of: Int64.self, capacity: 8) { sp in
                let s = sp.baseAddress!
                for t in 0..<luts {
                    let k0 = layout.firstK[t], end = layout.groupEnd[t]
                    @inline(__always) func act(_ i: Int) -> Double { k0 + i < end ? Double(codes[r * k + k0 + i]) : 0 }
                    let (a0, a1, a2, a3) = (act(0), act(1), act(2), act(3))
                    // int8 activations: |entry| ≤ 512, exact in FP32.
                    for j in 0..<8 { s[j] = Int64(LUTTable.fp32Entry(j, a0, a1, a2, a3)) }
                    for idx in 0..<16 {
                        let v = signedEntry(s, idx)
                        for b in 0..<planes { tb[(t * planes + b) * 16 + idx] = v << Int64(b) }
                    }
                }
              }
            }
            for g in 0..<ops.groupCount {
                let start = g * ops.groupSize, end = min((g + 1) * ops.groupSize, k)
                var sum: Int64 = 0
                for k2 in start..<end { sum = integerAccumulator.add(sum, Int64(codes[r * k + k2])) }
                groupSums[g] = sum
            }
            for c in 0..<n { y[c] = 0 }
            y.withUnsafeMutableBufferPointer { yp in
            layout.address.withUnsafeBufferPointer { ap in
                table.withUnsafeBufferPointer { tp in
                    for g in 0..<ops.groupCount {
                        let t0 = layout.groupLUTs[g], t1 = layout.groupLUTs[g + 1]
                        for c in 0..<n {
                            let addresses = ap.baseAddress! + (c * luts + t0) * planes
                            var lut = tp.baseAddress! + t0 * planes * 16
                            var acc: Int64 = 0
                            var step = 0
                            while step < (t1 - t0) * planes {
                                for b in 0..<planes { acc = integerAccumulator.add(acc, lut[Int(addresses[step + b])]) }
                                step += planes
                                lut += planes * 16
                            }
                            let zi = g * n + c
                            let offset = integerAccumulator.reduce(Int64((1 << planes) - 1) &* groupSums[g])
                            let dot = integerAccumulator.add(acc, offset) >> 1
                            let correction = integerAccumulator.reduce(Int64(ops.zeroPoints[zi]) &* groupSums[g])
                            let d = integerAccumulator.add(dot, -correction)
                            yp[c] = yp[c] + ops.scales[zi] * Float(d)
                        }
                    }
                }
            }
            }
            for c in 0..<n { out[r * n + c] = (rowScales[r] * y[c]).bitPattern }
        }
    }
}
