import CSIMD
import NumberFormats

/// BitMoD's `rtl` mode computed fast, equal in every bit to the cycle-by-cycle reference
/// `BitMoDKernel.rtlReference` (which calls `BitMoDRTLDatapath` step by step and documents the
/// hardware); `BitMoDFastKernelTests` checks the equality.
///
/// For FP4 and FP3 weights (every term has `bsig = 0`) each cycle is the same arithmetic in
/// a few integer operations:
/// - lane i's aligned product `±((sig·8) >> (vmax − v_i))` is `Z_i >> vmax`, plus 1 for a
///   negative lane, with `Z_i = (sig·8)·2^v_i`, or its complement `−Z − 1` when negative (an
///   arithmetic shift of `−Z − 1` is `−(Z >> s) − 1`), 0 for an invalid term; `Z_i` and
///   `v_i·2^8 + negative` come from a per-row table indexed by (k, weight term): the
///   metadata's maximum gives vmax, the low byte of its sum counts the negative lanes.
///   Deltas of 14 or more give 0 as in the RTL, since the magnitude is below 2^14.
/// - the partial sum is below 4·2^14 in magnitude and the accumulator mantissa below 2^14,
///   so the 23-bit wraps never act, the leading-one shift is `max(0, bitLength − 14)` (at most
///   3) and the shifted sum always fits the 15-bit mantissa.
/// Four columns run together (independent accumulators). With `simd` (AVX-512 present,
/// `SIMDKernels.available`) and at most 16 term states, 32 columns run together in
/// `qarch_bitmod_rtl_group` (`CSIMD`): each lane's (Z, meta) pair packed into one word
/// `(Z << 7) | (v << 1) | negative`, looked up by a 16-entry register permute, the same
/// integer steps per column. Integer (Booth) weights use the reference.
enum BitMoDRTLFastKernel {
    /// The number of cycles (accumulator steps) of an `rtl` GEMM: per (row, column) and LUT
    /// quad of 4 lanes inside each group, `kind.cycles`.
    static func steps(_ ops: BitMoDOperands) -> Int {
        var quads = 0
        for g in 0..<ops.groupCount {
            quads += (min((g + 1) * ops.groupSize, ops.k) - g * ops.groupSize + BitMoDKernel.lanes - 1) / BitMoDKernel.lanes
        }
        return ops.m * ops.n * quads * ops.kind.cycles
    }

    /// The bits of an `rtl` GEMM, or nil for weight kinds it does not cover (integers).
    static func gemm(_ ops: BitMoDOperands, simd: Bool = SIMDKernels.available) -> [UInt32]? {
        if case .int = ops.kind { return nil }
        let (m, k, n) = (ops.m, ops.k, ops.n)
        let cycles = ops.kind.cycles
        let lanes = BitMoDKernel.lanes
        // Weight terms as states: 0 invalid, 1 + 2·exp + negative.
        // Weight values −128…127 (all of FP4's and FP3's) are decoded once each.
        var maxState = 0
        var states = [UInt8](repeating: 0, count: n * k * cycles)
        var byValue = [UInt8](repeating: 0, count: 256 * cycles), decoded = [Bool](repeating: false, count: 256)
        func decode(_ v: Int, into out: UnsafeMutablePointer<UInt8>) {
            for (cycle, term) in BitMoDTerms.magnitude(abs(v), negative: v < 0, cycles: cycles).enumerated() where term.valid {
                let state = 1 + 2 * term.exp + (term.negative ? 1 : 0)
                out[cycle] = UInt8(state)
                maxState = max(maxState, state)
            }
        }
        states.withUnsafeMutableBufferPointer { sp in
            byValue.withUnsafeMutableBufferPointer { bp in
                for i in 0..<(k * n) {
                    let v = Int(ops.weightValuesNK[i])
                    guard v >= -128 && v < 128 else { decode(v, into: sp.baseAddress! + i * cycles); continue }
                    let slot = v + 128
                    if !decoded[slot] { decoded[slot] = true; decode(v, into: bp.baseAddress! + slot * cycles) }
                    for cycle in 0..<cycles { sp[i * cycles + cycle] = bp[slot * cycles + cycle] }
                }
            }
        }
        let stateCount = maxState + 1
        if simd && stateCount <= 16 && k <= Int(Int32.max) { return simdGEMM(ops, states: states, stateCount: stateCount) }
        let padding = k * stateCount            // the table entry of a lane past a group's end: all zero
        // Table offsets per (column, LUT quad, cycle, lane), quads numbered per group in order.
        var quadStart: [Int] = [], quadOffsets: [Int32] = []
        var quads = 0
        for g in 0..<ops.groupCount { quadStart.append(quads); quads += (min((g + 1) * ops.groupSize, k) - g * ops.groupSize + lanes - 1) / lanes }
        quadStart.append(quads)
        // Layout: blocks of 4 columns; per (quad, cycle) the 4 columns' 4 lane offsets side by
        // side. A last block of fewer columns repeats its last column (computed, not used).
        let blocks = (n + 3) / 4
        quadOffsets = [Int32](repeating: 0, count: blocks * quads * cycles * 16)
        for slot in 0..<(blocks * 4) {
            let c = min(slot, n - 1)
            for g in 0..<ops.groupCount {
                let start = g * ops.groupSize, end = min((g + 1) * ops.groupSize, k)
                for q in quadStart[g]..<quadStart[g + 1] {
                    let k0 = start + (q - quadStart[g]) * lanes
                    for cycle in 0..<cycles {
                        for i in 0..<lanes {
                            let kk = k0 + i
                            let offset = 2 * (kk < end ? kk * stateCount + Int(states[(c * k + kk) * cycles + cycle]) : padding)
                            quadOffsets[(((slot / 4) * quads + q) * cycles + cycle) * 16 + (slot % 4) * lanes + i] = Int32(offset)
                        }
                    }
                }
            }
        }
        // Per state: term exponent, sign mask (−1 negative), validity mask (−1 valid).
        let stateExp = (0..<stateCount).map { Int64($0 == 0 ? 0 : ($0 - 1) >> 1) }
        let stateSign = (0..<stateCount).map { Int64($0 != 0 && ($0 - 1) & 1 == 1 ? -1 : 0) }
        let stateValid = (0..<stateCount).map { Int64($0 == 0 ? 0 : -1) }
        var out = [UInt32](repeating: 0, count: m * n)
        var table = [Int64](repeating: 0, count: 2 * (padding + 1))   // (Z, meta) pairs
        var y = [Float](repeating: 0, count: n)
        for r in 0..<m {
            // The row's lane entries for every (k, state): Z = mag·2^v, or its complement for a
            // negative lane, 0 for an invalid term; meta = v·2^8 + negative (v = exponent + exp).
            for kk in 0..<k {
                let (negative, exponent, significand) = fields(ops.activations[r * k + kk])
                let magnitude = Int64(significand) << 3
                let activationSign: Int64 = negative ? -1 : 0
                for state in 0..<stateCount {
                    let laneSign = (activationSign ^ stateSign[state]) & stateValid[state]    // −1: negative lane
                    let v = Int64(exponent) + stateExp[state]
                    table[2 * (kk * stateCount + state)] = ((magnitude << v) & stateValid[state]) ^ laneSign
                    table[2 * (kk * stateCount + state) + 1] = v << 8 | (laneSign & 1)
                }
            }
            for c in 0..<n { y[c] = 0 }
            y.withUnsafeMutableBufferPointer { yp in
            table.withUnsafeBufferPointer { tp in
                quadOffsets.withUnsafeBufferPointer { qp in
                    let t = tp.baseAddress!
                    for g in 0..<ops.groupCount {
                        let q0 = quadStart[g], q1 = quadStart[g + 1]
                        var c = 0
                        while c < n {
                            let columns = min(n - c, 4)
                            let p = qp.baseAddress! + ((c / 4) * quads + q0) * cycles * 16
                            var a0 = Accumulator(), a1 = Accumulator(), a2 = Accumulator(), a3 = Accumulator()
                            for step in 0..<((q1 - q0) * cycles) {
                                let o = p + step * 16
                                a0.add(t, o); a1.add(t, o + 4); a2.add(t, o + 8); a3.add(t, o + 12)
                            }
                            for j in 0..<columns {
                                let zi = g * n + c + j
                                let acc = j == 0 ? a0 : j == 1 ? a1 : j == 2 ? a2 : a3
                                let scaled = BitMoDRTLDatapath.dequantize(mantissa: acc.mantissa, scale: Int(ops.groupScales[zi]))
                                let value = Float(sign: .plus, exponent: acc.exponent - BitMoDKernel.lsbBias + ops.kind.unitExponent,
                                                  significand: Float(scaled))
                                yp[c + j] = yp[c + j] + value * ops.channelScales[zi]
                            }
                            c += columns
                        }
                    }
                }
            }
            }
            for c in 0..<n { out[r * n + c] = y[c].bitPattern }
        }
        return out
    }

    /// The `simd` path of `gemm`: `states` holds each (column, k, cycle)'s term state.
    static func simdGEMM(_ ops: BitMoDOperands, states: [UInt8], stateCount: Int) -> [UInt32] {
        let (m, k, n) = (ops.m, ops.k, ops.n)
        let cycles = ops.kind.cycles, lanes = BitMoDKernel.lanes
        // Quads in order, numbered across groups: first k and lanes inside the group.
        var quadK: [Int32] = [], quadLanes: [Int32] = [], quadStart = [0]
        for g in 0..<ops.groupCount {
            let end = min((g + 1) * ops.groupSize, k)
            for k0 in stride(from: g * ops.groupSize, to: end, by: lanes) { quadK.append(Int32(k0)); quadLanes.append(Int32(min(lanes, end - k0))) }
            quadStart.append(quadK.count)
        }
        let quads = quadK.count, blocks = (n + 31) / 32
        // [block][quad][cycle][lane][32 columns]; columns past n repeat the last one.
        var laneStates = [UInt8](repeating: 0, count: blocks * quads * cycles * lanes * 32)
        for slot in 0..<(blocks * 32) {
            let c = min(slot, n - 1)
            for q in 0..<quads {
                for cycle in 0..<cycles {
                    for i in 0..<Int(quadLanes[q]) {
                        let kk = Int(quadK[q]) + i
                        laneStates[((((slot / 32) * quads + q) * cycles + cycle) * lanes + i) * 32 + slot % 32] = states[(c * k + kk) * cycles + cycle]
                    }
                }
            }
        }
        var out = [UInt32](repeating: 0, count: m * n)
        var table = [Int64](repeating: 0, count: k * 16)
        var y = [Float](repeating: 0, count: n)
        var exponents = [Int64](repeating: 0, count: 32), mantissas = [Int64](repeating: 0, count: 32)
        let stateExp = (0..<stateCount).map { Int64($0 == 0 ? 0 : ($0 - 1) >> 1) }
        let stateSign = (0..<stateCount).map { Int64($0 != 0 && ($0 - 1) & 1 == 1 ? -1 : 0) }
        let stateValid = (0..<stateCount).map { Int64($0 == 0 ? 0 : -1) }
        for r in 0..<m {
            for kk in 0..<k {
                let (negative, exponent, significand) = fields(ops.activations[r * k + kk])
                let magnitude = Int64(significand) << 3
                let activationSign: Int64 = negative ? -1 : 0
                for state in 0..<stateCount {
                    let laneSign = (activationSign ^ stateSign[state]) & stateValid[state]
                    let v = Int64(exponent) + stateExp[state]
                    let z = ((magnitude << v) & stateValid[state]) ^ laneSign
                    table[kk * 16 + state] = z << 7 | v << 1 | (laneSign & 1)   // |z| < 2^50
                }
            }
            for c in 0..<n { y[c] = 0 }
            for g in 0..<ops.groupCount {
                let q0 = quadStart[g], q1 = quadStart[g + 1]
                for block in 0..<blocks {
                    table.withUnsafeBufferPointer { tp in
                        laneStates.withUnsafeBufferPointer { sp in
                            quadK.withUnsafeBufferPointer { kp in
                                quadLanes.withUnsafeBufferPointer { lp in
                                    qarch_bitmod_rtl_group(tp.baseAddress!, sp.baseAddress! + (block * quads + q0) * cycles * lanes * 32,
                                                           kp.baseAddress! + q0, lp.baseAddress! + q0, Int64(q1 - q0), Int64(cycles),
                                                           &exponents, &mantissas)
                                }
                            }
                        }
                    }
                    for j in 0..<min(32, n - block * 32) {
                        let c = block * 32 + j, zi = g * n + c
                        let scaled = BitMoDRTLDatapath.dequantize(mantissa: Int(mantissas[j]), scale: Int(ops.groupScales[zi]))
                        let value = Float(sign: .plus, exponent: Int(exponents[j]) - BitMoDKernel.lsbBias + ops.kind.unitExponent,
                                          significand: Float(scaled))
                        y[c] = y[c] + value * ops.channelScales[zi]
                    }
                }
            }
            for c in 0..<n { out[r * n + c] = y[c].bitPattern }
        }
        return out
    }

    /// `BitMoDKernel.fp16Fields` of an activation: sign, biased exponent (1 for subnormals),
    /// 11-bit significand; integer arithmetic for finite values.
    @inline(__always)
    static func fields(_ a: Float) -> (Bool, Int, Int) {
        guard let units = FP16Rounding.units(a) else { return BitMoDKernel.fp16Fields(a) }
        let magnitude = Int(units.magnitude)
        let negative = a.sign == .minus
        if magnitude < 1 << 10 { return (negative, 1, magnitude) }      // subnormal: field 0
        let field = Int.bitWidth - magnitude.leadingZeroBitCount - 10     // units = significand · 2^(field − 1)
        return (negative, field, magnitude >> (field - 1))
    }

    /// The group accumulator (exponent, 15-bit mantissa) of `BitMoDRTLDatapath`.
    struct Accumulator {
        var exponent = 0, mantissa = 0

        /// One cycle: the 4 lanes' partial sum from the row table `t` at the 4 offsets `o`,
        /// then `BitMoDRTLDatapath.accumulate` with `bsig = 0`.
        @inline(__always)
        mutating func add(_ t: UnsafePointer<Int64>, _ o: UnsafePointer<Int32>) {
            // Wrapping operators: every value here is below 2^20 in magnitude.
            let i0 = Int(o[0]), i1 = Int(o[1]), i2 = Int(o[2]), i3 = Int(o[3])
            let m0 = t[i0 + 1], m1 = t[i1 + 1], m2 = t[i2 + 1], m3 = t[i3 + 1]
            let vmax = max(max(m0, m1), max(m2, m3)) &>> 8
            let negatives = (m0 &+ m1 &+ m2 &+ m3) & 0xFF
            let psum = (t[i0] &>> vmax) &+ (t[i1] &>> vmax) &+ (t[i2] &>> vmax) &+ (t[i3] &>> vmax) &+ negatives
            let maxExp = max(exponent, Int(vmax))
            let inShift = maxExp &- Int(vmax), accShift = maxExp &- exponent
            let inAligned = inShift >= 14 ? 0 : Int(psum) &>> inShift
            let accAligned = accShift >= 14 ? 0 : mantissa &>> accShift
            let sum = inAligned &+ accAligned
            let length = Int.bitWidth &- sum.magnitude.leadingZeroBitCount
            let shift = max(length &- 14, 0)
            exponent = (maxExp &+ shift) & 63
            mantissa = sum &>> shift
        }
    }
}
