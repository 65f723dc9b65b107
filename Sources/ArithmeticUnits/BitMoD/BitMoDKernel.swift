import NumberFormats

/// How the BitMoD PE computes (numeric-units.md §8.8).
public enum BitMoDMode: String, Sendable, Codable, CaseIterable {
    /// Exact dequantized math: w = value·q_scale·s_ch, each product fused into an FP32
    /// accumulator (one rounding per step), K in order.
    case functional
    /// The RTL's truncating datapath (`BitMoDRTLDatapath`), then FP32 across groups.
    case rtl
}

/// The operands of a BitMoD GEMM as the PE array sees them.
///
/// Each weight is a signed integer in its group's datatype units (BitMoD FP4 values ×2,
/// FP3 values, or plain integers), with a per-(group, column) 8-bit integer scale and a
/// FP16 channel scale s_ch of the group's datatype (BitMoD keeps one per column and
/// datatype): `w = value · 2^unitExponent · q_scale · s_ch`.
public struct BitMoDOperands: Sendable {
    /// The datatype family of a group.
    public enum WeightKind: Sendable, Equatable {
        /// BitMoD FP4 (values in ×2 units, so unitExponent −1).
        case fp4
        /// BitMoD FP3 (integer units).
        case fp3
        /// Signed integers of the given width, Booth-recoded.
        case int(bits: Int)

        /// Bit-serial cycles per 4-wide dot product: ceil(bits/2).
        public var cycles: Int {
            switch self {
            case .fp4, .fp3: return 2
            case .int(let b): return (b + 1) / 2
            }
        }
        var unitExponent: Int { self == .fp4 ? -1 : 0 }
    }

    public let m: Int, k: Int, n: Int
    public let groupSize: Int
    public let kind: WeightKind
    /// Weight values transposed to N×K.
    public let weightValuesNK: [Int16]
    /// Per (group, column) integer scales, index `g * n + col`.
    public let groupScales: [UInt8]
    /// Per (group, column) FP16 channel scales held as Float, index `g * n + col`.
    public let channelScales: [Float]
    /// Row-major M×K FP16 activations held as Float.
    public let activations: [Float]

    public var groupCount: Int { (k + groupSize - 1) / groupSize }

    public init(m: Int, k: Int, n: Int, groupSize: Int, kind: WeightKind, weightValuesKN: [Int16],
                groupScales: [UInt8], channelScales: [Float], activations: [Float]) {
        self.m = m; self.k = k; self.n = n
        self.groupSize = max(groupSize, 1)
        self.kind = kind
        var t = [Int16](repeating: 0, count: k * n)
        for kk in 0..<k { for c in 0..<n { t[c * k + kk] = weightValuesKN[kk * n + c] } }
        weightValuesNK = t
        self.groupScales = groupScales
        self.channelScales = channelScales
        self.activations = activations
    }

    /// The exact dequantized weight at (k, column).
    public func dequantizedWeight(k kk: Int, column c: Int) -> Float {
        let g = kk / groupSize
        let v = Float(weightValuesNK[c * k + kk]) * Float(sign: .plus, exponent: kind.unitExponent, significand: 1)
        return v * Float(groupScales[g * n + c]) * channelScales[g * n + c]
    }
}

enum BitMoDKernel {
    static let lanes = 4
    /// The exponent of the datapath's LSB: FP16 bias 15, 10 fraction bits, 3 guard bits.
    static let lsbBias = 28

    static func gemm(_ ops: BitMoDOperands, mode: BitMoDMode, order: AccumulationOrder) -> (bits: [UInt32], counts: ActionCounts) {
        switch mode {
        case .functional: return functional(ops, order: order)
        case .rtl: return rtl(ops)
        }
    }

    static func functional(_ ops: BitMoDOperands, order: AccumulationOrder) -> (bits: [UInt32], counts: ActionCounts) {
        var out = [UInt32](repeating: 0, count: ops.m * ops.n)
        var wDeq = [Float](repeating: 0, count: ops.k * ops.n)   // N×K
        for c in 0..<ops.n { for kk in 0..<ops.k { wDeq[c * ops.k + kk] = ops.dequantizedWeight(k: kk, column: c) } }
        let chunks = order.chunks(of: 0..<ops.k)
        for r in 0..<ops.m {
            for c in 0..<ops.n {
                var acc: Float = 0
                for chunk in chunks {
                    var partial: Float = 0
                    for kk in chunk { partial = partial.addingProduct(ops.activations[r * ops.k + kk], wDeq[c * ops.k + kk]) }
                    acc = acc + partial
                }
                out[r * ops.n + c] = acc.bitPattern
            }
        }
        var counts = ActionCounts()
        counts.record(Action(.fpFMA, bits: 32), ops.m * ops.n * ops.k)
        return (out, counts)
    }

    static func rtl(_ ops: BitMoDOperands) -> (bits: [UInt32], counts: ActionCounts) {
        var out = [UInt32](repeating: 0, count: ops.m * ops.n)
        let cycles = ops.kind.cycles
        // Decode every weight to its terms once.
        var terms = [[BitMoDTerms.Term]](repeating: [], count: ops.k * ops.n)
        for i in 0..<(ops.k * ops.n) {
            let v = Int(ops.weightValuesNK[i])
            switch ops.kind {
            case .int(let b): terms[i] = BitMoDTerms.booth(v, bits: b)
            case .fp4, .fp3: terms[i] = BitMoDTerms.magnitude(abs(v), negative: v < 0, cycles: cycles)
            }
        }
        var steps = 0
        for r in 0..<ops.m {
            let aRow = r * ops.k
            let decoded: [(Bool, Int, Int)] = (0..<ops.k).map { fp16Fields(ops.activations[aRow + $0]) }
            for c in 0..<ops.n {
                var y: Float = 0
                for g in 0..<ops.groupCount {
                    let start = g * ops.groupSize, end = min((g + 1) * ops.groupSize, ops.k)
                    var acc = BitMoDRTLDatapath.Accumulator()
                    var k0 = start
                    while k0 < end {
                        for cycle in 0..<cycles {
                            var laneOps: [BitMoDRTLDatapath.Lane] = []
                            laneOps.reserveCapacity(lanes)
                            var bsig = 0
                            for i in 0..<lanes {
                                guard k0 + i < end else {
                                    laneOps.append(.init(aNegative: false, aExponent: 0, aSignificand: 0, term: .zero))
                                    continue
                                }
                                let (neg, e, s) = decoded[k0 + i]
                                let term = terms[c * ops.k + k0 + i][cycle]
                                bsig = term.bsig
                                laneOps.append(.init(aNegative: neg, aExponent: e, aSignificand: s, term: term))
                            }
                            let (psum, pExp) = BitMoDRTLDatapath.partialSum(laneOps)
                            acc = BitMoDRTLDatapath.accumulate(acc, psum: psum, psumExponent: pExp, bsig: bsig)
                            steps += 1
                        }
                        k0 += lanes
                    }
                    let scaled = BitMoDRTLDatapath.dequantize(mantissa: acc.mantissa, scale: Int(ops.groupScales[g * ops.n + c]))
                    let t = Float(sign: .plus, exponent: acc.exponent - lsbBias + ops.kind.unitExponent, significand: Float(scaled))
                    y = y + t * ops.channelScales[g * ops.n + c]
                }
                out[r * ops.n + c] = y.bitPattern
            }
        }
        var counts = ActionCounts()
        counts.record(Action(.intAdd, bits: 6), steps * (lanes + lanes - 1))       // exponent adds, max tree
        counts.record(Action(.shift, bits: 14), steps * lanes)                     // alignment
        counts.record(Action(.intAdd, bits: 17), steps * (lanes - 1))              // adder tree
        counts.record(Action(.shift, bits: 23), steps * 2)                         // bsig and accumulator shifts
        counts.record(Action(.intAdd, bits: 23), steps)                            // accumulate
        counts.record(Action(.regWrite, bits: 21), steps)                          // accumulator register
        let groupsTotal = ops.m * ops.n * ops.groupCount
        counts.record(Action(.intAdd, bits: 21), groupsTotal * 8)                  // bit-serial dequant
        counts.record(Action(.fpMul, bits: 32), groupsTotal)
        counts.record(Action(.fpAdd, bits: 32), groupsTotal)
        return (out, counts)
    }

    /// Sign, biased exponent (1 for subnormals) and 11-bit significand of an FP16 value.
    static func fp16Fields(_ a: Float) -> (Bool, Int, Int) {
        let code = ElementFormat.fp16.encode(Double(a), rule: .nearestEven, overflow: .infinity)
        let negative = code & 0x8000 != 0
        let field = Int((code >> 10) & 0x1F)
        let fraction = Int(code & 0x3FF)
        return field == 0 ? (negative, 1, fraction) : (negative, field, fraction | 0x400)
    }
}
