import NumberFormats

/// One thread's state for running chunks: MPFR numbers allocated once and reused for every case.
final class CheckRunner {
    /// Every rule; `down` last, since an exact zero result is recomputed with its sign for it.
    static let rules: [RoundingRule] = [.nearestEven, .nearestAway, .towardZero, .up, .stochastic, .down]
    static let policies: [OverflowPolicy] = [.saturate, .infinity]
    /// fp32 codes always decoded: zeros, subnormal and normal extremes, ±∞, NaNs.
    static let fp32DecodeAnchors: [UInt32] = [
        0x0000_0000, 0x8000_0000, 0x0000_0001, 0x8000_0001, 0x007F_FFFF, 0x0080_0000, 0x3F80_0000, 0x3F80_0001,
        0x4B80_0000, 0x7F7F_FFFF, 0xFF7F_FFFF, 0x7F80_0000, 0xFF80_0000, 0x7FC0_0000, 0x7F80_0001, 0xFFFF_FFFF,
    ]

    let rounder = ReferenceRounder()
    let arith = ReferenceArithmetic()
    let scratch = MPFRNumber(precision: 64)
    /// This thread's own instances of the reference formats: shared instances would make
    /// every thread bump the same reference counts, and the threads would stall each other.
    private var references: [String: ReferenceFormat] = [:]
    private(set) lazy var fp32Reference = reference(named: "fp32")

    func reference(named name: String) -> ReferenceFormat? {
        if let r = references[name] { return r }
        let r = ReferenceFormat(definitionOf: name)
        references[name] = r
        return r
    }

    func run(_ chunk: Chunk, _ plan: CheckPlan) -> Tally {
        var tally = Tally()
        guard plan.reference != nil, let ref = reference(named: plan.format.name) else { return tally }
        var rng = SplitMix64(seed: chunk.seed)
        let units = chunk.start..<(chunk.start + chunk.count)
        switch plan.op {
        case .decode: decode(plan.format, ref, units, &rng, &tally)
        case .encode: encode(plan.format, ref, units, &rng, &tally)
        case .add, .mul: pairs(plan.format, ref, plan.op, units, &rng, &tally)
        case .fma: fma(plan.format, ref, units, &rng, &tally)
        case .dot: dot(plan.format, ref, units, &rng, &tally)
        }
        return tally
    }

    // MARK: decode

    /// NumberFormats' value of each code equals MPFR's, and canonical codes round-trip.
    func decode(_ f: ElementFormat, _ ref: ReferenceFormat, _ units: Range<Int>, _ rng: inout SplitMix64, _ t: inout Tally) {
        for u in units {
            let code: UInt32
            if ref.bits <= 16 {
                code = UInt32(u)
            } else {
                code = u < Self.fp32DecodeAnchors.count ? Self.fp32DecodeAnchors[u] : UInt32(truncatingIfNeeded: rng.next())
            }
            let expected = ref.value(of: code, scratch: scratch)
            let actual = f.decode(code)
            var back: UInt32?
            if Self.same(expected, actual) && ref.isCanonical(code) {
                back = f.encode(expected, tail: 0, rule: .nearestEven, overflow: .infinity, draw: 0)
            }
            t.record(Self.same(expected, actual) && (back == nil || back == code),
                     "decode(\(hex(code))): qarch \(actual), mpfr \(expected)"
                     + (back.map { $0 == code ? "" : "; encode(decode) = \(hex($0))" } ?? ""))
        }
    }

    // MARK: encode

    /// Structured inputs (≤ 16-bit formats): per sorted value, the value, the midpoint to the
    /// next one, the Doubles either side of that midpoint and the Double just below the value;
    /// then fixed extremes and specials.
    static func structuredInputCount(_ ref: ReferenceFormat) -> Int {
        ref.bits <= 16 ? ref.sortedValues.count * 5 + extremes(ref).count : 0
    }

    static func extremes(_ ref: ReferenceFormat) -> [Double] {
        let beyond = ref.beyondMax, top = ref.maxFinite
        var list: [Double] = [0, -0.0, .nan, .infinity, -.infinity, beyond, beyond.nextUp, beyond.nextDown, 2 * beyond,
                              top / 2 + beyond / 2, 1e300, -1e300, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                              .leastNonzeroMagnitude, -.leastNonzeroMagnitude, -0.25, -1]
        if ref.minFinite < 0 {
            let below = -ref.beyondMin, bottom = ref.minFinite
            list += [below, below.nextUp, below.nextDown, bottom / 2 + below / 2, (bottom / 2 + below / 2).nextUp,
                     (bottom / 2 + below / 2).nextDown, 2 * below]
        }
        return list
    }

    static func structuredInput(_ ref: ReferenceFormat, _ u: Int) -> Double {
        let sorted = ref.sortedValues
        if u >= sorted.count * 5 {
            let extra = extremes(ref)
            return extra[min(u - sorted.count * 5, extra.count - 1)]
        }
        let i = u / 5
        let v = sorted[i]
        let next = i + 1 < sorted.count ? sorted[i + 1] : ref.beyondMax
        let mid = v / 2 + next / 2
        switch u % 5 {
        case 0: return v
        case 1: return mid
        case 2: return mid.nextDown
        case 3: return mid.nextUp
        default: return v.nextDown
        }
    }

    /// Every rule on each input; both overflow policies on structured inputs, one
    /// (alternating) on random ones.
    func encode(_ f: ElementFormat, _ ref: ReferenceFormat, _ units: Range<Int>, _ rng: inout SplitMix64, _ t: inout Tally) {
        let structured = Self.structuredInputCount(ref)
        let generator = InputGenerator(ref)
        for u in units {
            let x = u < structured ? Self.structuredInput(ref, u) : generator.edgeDouble(&rng)
            let policies = u < structured ? 0..<2 : (u & 1)..<(u & 1) + 1
            rounder.load(x, in: ref)
            for rule in Self.rules {
                for p in policies {
                    let policy = Self.policies[p], draw = rng.nextDraw()
                    let expected = rounder.code(rule: rule, overflow: policy, draw: draw)
                    let actual = f.encode(x, tail: 0, rule: rule, overflow: policy, draw: draw)
                    t.record(expected == actual,
                             "encode(\(x)) \(rule.rawValue) \(policy.rawValue) draw \(hex(draw)): qarch \(hex(actual)), mpfr \(hex(expected))")
                }
            }
        }
    }

    // MARK: add, mul

    /// Exhaustive ordered pairs of non-NaN codes for ≤ 8-bit formats (units are rows of the
    /// first operand), random pairs otherwise; each rounded to the format and to fp32 under
    /// every rule and overflow policy.
    func pairs(_ f: ElementFormat, _ ref: ReferenceFormat, _ op: VerifyOp, _ units: Range<Int>,
               _ rng: inout SplitMix64, _ t: inout Tally) {
        let targets = targets(f, ref)
        if ref.bits <= 8 {
            for a in units {
                let va = ref.values[a]
                if va.isNaN { continue }
                for vb in ref.values where !vb.isNaN { pair(targets, op, va, vb, &rng, &t) }
            }
        } else {
            let generator = InputGenerator(ref)
            for _ in units {
                let va = generator.randomValue(&rng), vb = generator.randomValue(&rng)
                pair(targets, op, va, vb, &rng, &t)
            }
        }
    }

    func pair(_ targets: [(ElementFormat, ReferenceFormat)], _ op: VerifyOp, _ va: Double, _ vb: Double,
              _ rng: inout SplitMix64, _ t: inout Tally) {
        for (target, targetRef) in targets {
            var exact = op == .add ? arith.add(va, vb, rule: .nearestEven) : arith.mul(va, vb, rule: .nearestEven)
            rounder.load(exact, in: targetRef)
            for rule in Self.rules {
                if rule == .down && exact.isZero {
                    exact = op == .add ? arith.add(va, vb, rule: .down) : arith.mul(va, vb, rule: .down)
                    rounder.load(exact, in: targetRef)
                }
                for policy in Self.policies {
                    let draw = rng.nextDraw()
                    let expected = rounder.code(rule: rule, overflow: policy, draw: draw)
                    let actual = op == .add
                        ? FormatArithmetic.add(va, vb, to: target, rule: rule, overflow: policy, draw: draw)
                        : FormatArithmetic.mul(va, vb, to: target, rule: rule, overflow: policy, draw: draw)
                    t.record(expected == actual,
                             "\(op.rawValue)(\(va), \(vb)) → \(target.name) \(rule.rawValue) \(policy.rawValue) draw \(hex(draw)): "
                             + "qarch \(hex(actual)), mpfr \(hex(expected))")
                }
            }
        }
    }

    /// The format itself and fp32 (once, when the format is fp32).
    func targets(_ f: ElementFormat, _ ref: ReferenceFormat) -> [(ElementFormat, ReferenceFormat)] {
        guard let fp32 = fp32Reference, f.name != "fp32" else { return [(f, ref)] }
        return [(f, ref), (.fp32, fp32)]
    }

    // MARK: fma

    /// Random `a·b + c` cases, a quarter with c near −a·b (cancellation); rule, policy and
    /// target (the format or fp32) cycle with the case number.
    func fma(_ f: ElementFormat, _ ref: ReferenceFormat, _ units: Range<Int>, _ rng: inout SplitMix64, _ t: inout Tally) {
        let generator = InputGenerator(ref)
        let targets = targets(f, ref)
        for i in units {
            let a = generator.randomValue(&rng), b = generator.randomValue(&rng)
            let c = rng.next() % 4 == 0 ? nearNegatedProduct(a, b, ref, &rng) : generator.randomValue(&rng)
            let rule = Self.rules[i % 6], policy = Self.policies[(i / 6) % 2]
            let (target, targetRef) = targets[(i / 12) % targets.count]
            let draw = rng.nextDraw()
            let expected = rounder.code(of: arith.fma(a, b, c, rule: rule), in: targetRef, rule: rule, overflow: policy, draw: draw)
            let actual = FormatArithmetic.fma(a, b, c, to: target, rule: rule, overflow: policy, draw: draw)
            t.record(expected == actual,
                     "fma(\(a), \(b), \(c)) → \(target.name) \(rule.rawValue) \(policy.rawValue) draw \(hex(draw)): "
                     + "qarch \(hex(actual)), mpfr \(hex(expected))")
        }
    }

    /// A value of the format at or next to −a·b (rounded by the reference).
    func nearNegatedProduct(_ a: Double, _ b: Double, _ ref: ReferenceFormat, _ rng: inout SplitMix64) -> Double {
        let code = rounder.code(of: arith.mul(-a, b, rule: .nearestEven), in: ref, rule: .nearestEven, overflow: .saturate)
        let nudge = UInt32(truncatingIfNeeded: Int(rng.next() % 3) - 1)
        let v = ref.value(of: code &+ nudge, scratch: scratch)
        return v.isNaN ? ref.value(of: code, scratch: scratch) : v
    }

    // MARK: dot

    /// Random dot products of length 1…64 (an eighth built to cancel), alternating exact and
    /// sequential fp32 accumulation; target, rule and policy cycle with the case number. Both
    /// sides draw from generators seeded alike, so stochastic rounding sees the same draws.
    func dot(_ f: ElementFormat, _ ref: ReferenceFormat, _ units: Range<Int>, _ rng: inout SplitMix64, _ t: inout Tally) {
        guard let fp32 = fp32Reference else { return }
        let generator = InputGenerator(ref)
        let targets = targets(f, ref)
        var xs: [Double] = [], ys: [Double] = []
        for i in units {
            let n = 1 + Int(rng.next() % 64)
            xs.removeAll(keepingCapacity: true)
            ys.removeAll(keepingCapacity: true)
            for _ in 0..<n { xs.append(generator.randomValue(&rng)); ys.append(generator.randomValue(&rng)) }
            if n >= 2 && rng.next() % 8 == 0 {
                for j in (n + 1) / 2..<n { ys[j] = nearNegatedProduct(xs[j - n / 2], ys[j - n / 2], ref, &rng); xs[j] = 1 }
            }
            let sequential = i % 2 == 1
            let (target, targetRef) = targets[(i / 2) % targets.count]
            let rule = Self.rules[(i / 4) % 6], policy = Self.policies[(i / 24) % 2]
            let drawSeed = rng.next()
            var qarchDraws = SplitMix64(seed: drawSeed), mpfrDraws = SplitMix64(seed: drawSeed)
            let actual = FormatArithmetic.dot(xs, ys, to: target, accumulation: sequential ? .sequential(.fp32) : .exact,
                                              rule: rule, overflow: policy, using: &qarchDraws)
            let expected: UInt32
            if sequential {
                let acc = arith.sequentialDot(xs, ys, accumulator: fp32, rule: rule, overflow: policy,
                                              rounder: rounder, rng: &mpfrDraws)
                expected = rounder.code(of: acc, in: targetRef, rule: rule, overflow: policy, draw: mpfrDraws.nextDraw())
            } else {
                expected = rounder.code(of: arith.dot(xs, ys, rule: rule), in: targetRef, rule: rule, overflow: policy,
                                        draw: mpfrDraws.nextDraw())
            }
            t.record(expected == actual,
                     "dot(\(xs), \(ys)) \(sequential ? "sequential(fp32)" : "exact") → \(target.name) \(rule.rawValue) "
                     + "\(policy.rawValue) draw seed \(hex(drawSeed)): qarch \(hex(actual)), mpfr \(hex(expected))")
        }
    }

    /// Equal values, including the sign of zero; NaN equals NaN.
    static func same(_ a: Double, _ b: Double) -> Bool {
        (a.isNaN && b.isNaN) || (a == b && a.sign == b.sign)
    }
}

/// `0x…` for a code or draw.
func hex<T: BinaryInteger>(_ v: T) -> String { "0x" + String(v, radix: 16, uppercase: true) }
