import NumberFormats

/// Random field values and the corner-case codes of formats, shared by the operations.
///
/// ```swift
/// var rng = SplitMix64(seed: 1)
/// FieldDraw.random(bits: 4, &rng)        // a uniform 4-bit pattern
/// FieldDraw.edges(.e2m1)                // [0x0, 0x8, 0x1, 0x9, 0x2, 0x7, 0xf]: ±0, ±min subnormal, min normal, ±max
/// FieldDraw.fp32(1.5)                    // 0x3fc00000; every NaN is 0x7fc00000
/// ```
public enum FieldDraw {
    /// A uniform pattern of `bits` bits.
    public static func random(bits: Int, _ rng: inout SplitMix64) -> FieldValue {
        var words: [UInt64] = []
        var left = bits
        while left > 0 {
            let w = rng.next()
            words.append(left >= 64 ? w : w & ((1 << UInt64(left)) - 1))
            left -= 64
        }
        return FieldValue(words: words)
    }

    /// `count` uniform elements of `elementBits` bits, packed.
    public static func packed(_ count: Int, elementBits: Int, _ rng: inout SplitMix64) -> FieldValue {
        random(bits: count * elementBits, &rng)
    }

    /// The corner cases of an element format of at most 16 bits, in this order: +0, −0,
    /// ± the smallest and largest subnormal, the smallest normal, 1.0, ± the largest finite
    /// value, NaN, ±∞ (those the format has, each once).
    public static func edges(_ format: ElementFormat) -> [UInt64] {
        let codes = Array(format.allCodes)
        let values = codes.map { format.decode($0) }
        var picked: [UInt32] = []
        func add(_ c: UInt32?) { if let c, !picked.contains(c) { picked.append(c) } }
        add(codes.first { values[Int($0)] == 0 && values[Int($0)].sign == .plus })
        add(codes.first { values[Int($0)] == 0 && values[Int($0)].sign == .minus })
        let sub = codes.filter { format.classify($0) == .subnormal }
        let positiveSub = sub.filter { values[Int($0)] > 0 }.sorted { values[Int($0)] < values[Int($1)] }
        let negativeSub = sub.filter { values[Int($0)] < 0 }.sorted { values[Int($0)] > values[Int($1)] }
        add(positiveSub.first); add(negativeSub.first); add(positiveSub.last); add(negativeSub.last)
        let normal = codes.filter { format.classify($0) == .normal && values[Int($0)] > 0 }
        add(normal.min { values[Int($0)] < values[Int($1)] })
        add(codes.first { values[Int($0)] == 1 })
        add(codes.first { values[Int($0)] == format.maxFinite })
        add(codes.first { values[Int($0)] == -format.maxFinite })
        add(codes.first { values[Int($0)] == format.minFinite })
        add(format.nanCode)
        add(format.infinityCode(negative: false))
        add(format.infinityCode(negative: true))
        return picked.map(UInt64.init)
    }

    /// FP32 corner cases: ±0, ±the smallest subnormal, the largest subnormal, the smallest
    /// normal, ±1, 2^24, ±the largest finite value, ±∞, NaN.
    public static let fp32Edges: [UInt64] = [0x0000_0000, 0x8000_0000, 0x0000_0001, 0x8000_0001, 0x007F_FFFF, 0x0080_0000,
                                             0x3F80_0000, 0xBF80_0000, 0x4B80_0000, 0x7F7F_FFFF, 0xFF7F_FFFF,
                                             0x7F80_0000, 0xFF80_0000, 0x7FC0_0000]

    /// Two's-complement corner cases of a signed `bits`-bit integer: 0, 1, −1, max, min.
    public static func signedEdges(bits: Int) -> [UInt64] {
        let max = (Int64(1) << Int64(bits - 1)) - 1
        return [0, 1, -1, max, -max - 1].map { FieldValue(signed: $0, bits: bits).low }
    }

    /// The FP32 bits of `x`; every NaN is the quiet NaN 0x7FC00000 (processors differ in
    /// the NaN a sum or product returns; the vectors fix one).
    public static func fp32(_ x: Float) -> FieldValue { FieldValue(UInt64(x.isNaN ? 0x7FC0_0000 : x.bitPattern)) }

    /// The FP16 bits of `x` (exact), every NaN 0x7E00.
    public static func fp16(_ x: Double) -> FieldValue {
        FieldValue(UInt64(x.isNaN ? 0x7E00 : ElementFormat.fp16.encode(x, rule: .nearestEven, overflow: .infinity)))
    }

    /// Every combination of the lists' values (the first list varies slowest), at most
    /// `limit` of them: beyond it, the lists are walked together, each cycling.
    public static func product(_ lists: [[UInt64]], limit: Int = 50_000) -> [[FieldValue]] {
        let total = lists.reduce(1) { $0 * max($1.count, 1) }
        if total <= limit {
            var out: [[FieldValue]] = [[]]
            for list in lists { out = out.flatMap { prefix in list.map { prefix + [FieldValue($0)] } } }
            return out
        }
        let longest = lists.map(\.count).max() ?? 0
        return (0..<longest).map { i in lists.map { FieldValue($0[i % $0.count]) } }
    }
}

extension FieldDraw {
    /// FP32 bits near `x`: a random sign and mantissa with the exponent within ±26 of x's,
    /// so that a sum with x rounds (a uniform pattern when x is 0 or not finite, and for
    /// one draw in four).
    public static func fp32(near x: Float, _ rng: inout SplitMix64) -> FieldValue {
        let r = rng.next()
        let field = Int((x.bitPattern >> 23) & 0xFF)
        guard x.isFinite, x != 0, r & 3 != 0 else { return random(bits: 32, &rng) }
        let e = min(max(field + Int((r >> 2) % 53) - 26, 0), 254)
        let bits = UInt32(truncatingIfNeeded: (r >> 8) & 1) << 31 | UInt32(e) << 23 | UInt32(truncatingIfNeeded: r >> 32) & 0x7F_FFFF
        return FieldValue(UInt64(bits))
    }
}
