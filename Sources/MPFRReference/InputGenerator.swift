import NumberFormats

/// Seeded test inputs for one format, built from its reference definition (never from
/// NumberFormats): random codes, and random reals aimed at the rounding edges.
///
/// ```swift
/// var rng = SplitMix64(seed: 7)
/// let gen = InputGenerator(ReferenceFormat.named("e4m3")!)
/// gen.edgeDouble(&rng)     // e.g. 13.0, the midpoint of 12 and 14 (a tie)
/// ```
public struct InputGenerator {
    public let format: ReferenceFormat
    private let scratch = MPFRNumber(precision: 64)
    /// Binade exponents of the least positive value and of the first grid point past the range.
    private let lowBinade: Int, highBinade: Int
    private let leastPositive: Double

    public init(_ format: ReferenceFormat) {
        self.format = format
        leastPositive = format.sortedValues.first(where: { $0 > 0 }) ?? 0x1p-149
        lowBinade = Int(leastPositive.exponent)
        highBinade = Int(format.beyondMax.exponent)
    }

    /// A code whose value is not NaN (±∞ allowed), uniformly among such codes.
    public func randomCode(_ rng: inout SplitMix64) -> UInt32 {
        let mask = UInt64((1 << format.bits) - 1)
        for _ in 0..<64 {
            let c = UInt32(truncatingIfNeeded: rng.next() & mask)
            if !format.value(of: c, scratch: scratch).isNaN { return c }
        }
        return 0
    }

    /// The value of `randomCode`.
    public func randomValue(_ rng: inout SplitMix64) -> Double {
        format.value(of: randomCode(&rng), scratch: scratch)
    }

    /// A random finite representable value and the next one above it (`hi` may be the
    /// first grid point past the largest finite value).
    public func adjacentPair(_ rng: inout SplitMix64) -> (lo: Double, hi: Double) {
        let sorted = format.sortedValues
        if !sorted.isEmpty {
            let i = Int(rng.next() % UInt64(sorted.count))
            return (sorted[i], i + 1 < sorted.count ? sorted[i + 1] : format.beyondMax)
        }
        // Wide IEEE-like formats: consecutive positive codes are consecutive values.
        let c = UInt32(truncatingIfNeeded: rng.next() % UInt64(format.maxCode + 1))
        let lo = format.value(of: c, scratch: scratch)
        let hi = c == format.maxCode ? format.beyondMax : format.value(of: c + 1, scratch: scratch)
        let flip = format.isSigned && rng.next() & 1 == 1
        return flip ? (-hi, -lo) : (lo, hi)
    }

    /// A random real aimed at the rounding edges: all binades, grid points, exact ties and
    /// their Double neighbours, powers of two, the overflow and underflow boundaries, specials.
    public func edgeDouble(_ rng: inout SplitMix64) -> Double {
        let r = rng.next()
        let negative = (format.isSigned || r & 0x100 != 0) && r & 0x200 != 0
        func signed(_ v: Double) -> Double { negative ? -v : v }
        switch r % 16 {
        case 0, 1, 2, 3:  // any binade from below the least positive value to past the range
            let span = UInt64(highBinade - lowBinade + 6)
            let e = lowBinade - 3 + Int(rng.next() % span)
            return signed(Double(sign: .plus, exponent: e, significand: 1 + Double(rng.next() >> 12) * 0x1p-52))
        case 4, 5:
            return randomValue(&rng)
        case 6, 7, 8:  // an exact tie
            let (lo, hi) = adjacentPair(&rng)
            return lo / 2 + hi / 2
        case 9, 10:  // just either side of a tie
            let (lo, hi) = adjacentPair(&rng)
            let mid = lo / 2 + hi / 2
            return rng.next() & 1 == 0 ? mid.nextUp : mid.nextDown
        case 11:  // just either side of a grid point
            let v = adjacentPair(&rng).lo
            return rng.next() & 1 == 0 ? v.nextUp : v.nextDown
        case 12:  // the overflow edge and beyond, above the maximum or below the minimum
            let below = format.minFinite < 0 && r & 0x400 != 0
            let top = below ? -format.minFinite : format.maxFinite
            let beyond = below ? format.beyondMin : format.beyondMax
            let mid = top / 2 + beyond / 2
            let v: Double
            switch rng.next() % 10 {
            case 0: v = beyond
            case 1: v = mid
            case 2: v = mid.nextUp
            case 3: v = mid.nextDown
            case 4: v = beyond.nextUp
            case 5: v = beyond.nextDown
            case 6: v = 2 * beyond
            case 7: v = top.nextUp
            case 8: v = Double(sign: .plus, exponent: Int(rng.next() % 1000), significand: 1.5)
            default: v = .greatestFiniteMagnitude
            }
            return below ? -v : v
        case 13:  // the underflow edge
            let least = leastPositive
            switch rng.next() % 7 {
            case 0: return signed(least / 2)
            case 1: return signed((least / 2).nextUp)
            case 2: return signed((least / 2).nextDown)
            case 3: return signed(least / 4)
            case 4: return signed(least * 0.75)
            case 5: return signed(.leastNonzeroMagnitude)
            default: return signed(least * Double(rng.next() >> 11) * 0x1p-53)
            }
        case 14:  // powers of two
            let e = lowBinade - 2 + Int(rng.next() % UInt64(highBinade - lowBinade + 5))
            let p = Double(sign: .plus, exponent: e, significand: 1)
            switch rng.next() % 4 {
            case 0: return signed(p)
            case 1: return signed(p.nextUp)
            case 2: return signed(p.nextDown)
            default: return signed(1.5 * p)
            }
        default:
            switch rng.next() % 8 {
            case 0: return 0
            case 1: return -0.0
            case 2: return .infinity
            case 3: return -.infinity
            case 4: return .nan
            case 5: return 1
            case 6: return -1
            default: return 0.5
            }
        }
    }
}
