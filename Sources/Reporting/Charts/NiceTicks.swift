import Foundation

/// Tick generation for chart axes: "nice" linear ticks on 1-2-5 steps and decade ticks on
/// log10 axes. Tick values are exact decimals, so labels never show floating-point noise.
///
/// ```swift
/// let t = NiceTicks.linear(min: 0, max: 97)
/// t.ticks.map(\.doubleValue)          // [0, 20, 40, 60, 80, 100]
/// (t.lower, t.upper)                  // (0, 100)
/// let l = NiceTicks.log10(min: 3e-4, max: 2e2)
/// l.labeled.map(\.doubleValue)        // [1e-4, 1e-3, 0.01, 0.1, 1, 10, 100, 1000]
/// NiceTicks.log10(min: 3, max: 50).labels   // ["2", "5", "10", "20", "50"] (under two decades)
/// ```
enum NiceTicks {
    /// Ticks of a linear axis: `ticks` run from `lower` to `upper` in steps of
    /// `stepMantissa × 10^stepExponent` (mantissa 1, 2 or 5).
    struct Linear: Equatable, Sendable {
        var ticks: [ChartDecimal]
        var stepMantissa: Int64
        var stepExponent: Int
        /// The axis domain: the first and last tick.
        var lower: Double { ticks.first?.doubleValue ?? 0 }
        var upper: Double { ticks.last?.doubleValue ?? 1 }
        /// The tick labels, formatted together (`ChartNumberFormat.linearTickLabels`).
        var labels: [String] { ChartNumberFormat.linearTickLabels(ticks, stepExponent: stepExponent) }
    }

    /// Ticks of a log10 axis whose domain runs from `lower` to `upper`.
    struct Log: Equatable, Sendable {
        /// Domain ends: whole decades, or (when the data spans less than two decades) the
        /// nearest 1-2-5 values around the data.
        var lower: ChartDecimal
        var upper: ChartDecimal
        /// Labeled ticks: every `decadeStride`-th decade, or all 1-2-5 values in the domain
        /// when the data spans less than two decades.
        var labeled: [ChartDecimal]
        /// Unlabeled minor tick values (the other multiples 2…9 of each decade, when no
        /// decade is skipped).
        var minor: [Double]
        var decadeStride: Int
        /// The domain ends in log10 units (exact for decades).
        var lowerLog: Double { NiceTicks.log10(of: lower) }
        var upperLog: Double { NiceTicks.log10(of: upper) }
        var labels: [String] { labeled.map { ChartNumberFormat.compact($0) } }
    }

    /// Nice linear ticks covering `min…max` with about `targetCount` intervals (at least 1).
    /// The step is the smallest of 1, 2, 5, 10 × 10^k that is at least `(max − min) / targetCount`;
    /// the domain is widened outward to whole steps. Equal bounds are widened by 10 % of
    /// their magnitude (±1 around zero); non-finite or reversed bounds give the axis 0…1.
    static func linear(min lo: Double, max hi: Double, targetCount: Int = 5) -> Linear {
        let fallback = Linear(ticks: [ChartDecimal(digits: 0, exponent: 0), ChartDecimal(digits: 1, exponent: 0)],
                              stepMantissa: 1, stepExponent: 0)
        guard lo.isFinite, hi.isFinite, lo <= hi else { return fallback }
        var a = lo, b = hi
        if a == b {
            let pad = a == 0 ? 1 : abs(a) * 0.1
            a -= pad
            b += pad
        }
        let count = Double(Swift.max(targetCount, 1))
        let raw = b / count - a / count  // no overflow for bounds near ±Double.greatestFiniteMagnitude
        guard raw > 0, raw.isFinite else { return fallback }
        var exponent = ChartDecimal.decimalOrder(of: raw)
        let normalized = raw / ChartDecimal.power10(exponent)
        let mantissa: Int64
        let slack = 1 + 1e-9  // so that e.g. 0.20000000000000007 still takes step 0.2
        if normalized <= slack { mantissa = 1 } else if normalized <= 2 * slack { mantissa = 2 } else if normalized <= 5 * slack { mantissa = 5 } else {
            mantissa = 1
            exponent += 1
        }
        let step = ChartDecimal(digits: mantissa, exponent: exponent).doubleValue
        guard step > 0, step.isFinite else { return fallback }
        let first = (a / step + 1e-9).rounded(.down)
        let last = (b / step - 1e-9).rounded(.up)
        guard abs(first) < 1e15, abs(last) < 1e15, last - first < 1000 else { return fallback }
        let ticks = (Int64(first)...Int64(last)).map { ChartDecimal(digits: $0 * mantissa, exponent: exponent) }
        return Linear(ticks: ticks, stepMantissa: mantissa, stepExponent: exponent)
    }

    /// Ticks for a log10 axis covering `min…max` (both must be finite and > 0, otherwise
    /// the axis is 1…10). The domain runs from decade ⌊log10 min⌋ to decade ⌈log10 max⌉, and
    /// about `maxLabels` decades are labeled (beyond that every n-th decade, n from
    /// `decadeStride`, with the domain widened to whole strides). When the data spans less
    /// than two decades the domain is instead the largest 1-2-5 value ≤ min to the smallest
    /// ≥ max (one step further on each side for a single 1-2-5 value), and every 1-2-5 value
    /// in it is labeled.
    static func log10(min lo: Double, max hi: Double, maxLabels: Int = 10) -> Log {
        guard lo.isFinite, hi.isFinite, lo > 0, hi >= lo else { return log10(min: 1, max: 10, maxLabels: maxLabels) }
        // a = floor(log10 lo), b = ceil(log10 hi), both exact (ChartDecimal.decimalOrder).
        var a = ChartDecimal.decimalOrder(of: lo)
        var b = ChartDecimal.decimalOrder(of: hi)
        if ChartDecimal.power10(b) < hi { b += 1 }
        if b <= a { b = a + 1 }
        if Foundation.log10(hi) - Foundation.log10(lo) < 2 {
            return oneTwoFive(lo, hi, decades: (a - 1)...(b + 1))
        }
        let stride = decadeStride(for: b - a, maxLabels: maxLabels)
        if stride > 1 {
            a = Int((Double(a) / Double(stride)).rounded(.down)) * stride
            b = Int((Double(b) / Double(stride)).rounded(.up)) * stride
        }
        let labeled = Swift.stride(from: a, through: b, by: stride).map { ChartDecimal(digits: 1, exponent: $0) }
        var minor: [Double] = []
        if stride == 1 && b - a <= 40 {
            for e in a..<b {
                for m in Int64(2)...9 { minor.append(ChartDecimal(digits: m, exponent: e).doubleValue) }
            }
        }
        return Log(lower: ChartDecimal(digits: 1, exponent: a), upper: ChartDecimal(digits: 1, exponent: b),
                   labeled: labeled, minor: minor, decadeStride: stride)
    }

    /// The smallest stride of 1, 2, 3, 5, 10, 20, 25, 50, 100, 200, 250, 500 or 1000 decades
    /// (then whole thousands) that labels `decades` with at most `maxLabels` ticks:
    /// 24 decades, 10 labels → 3; 300 decades → 50.
    static func decadeStride(for decades: Int, maxLabels: Int) -> Int {
        let limit = Swift.max(maxLabels - 1, 1)
        let needed = Swift.max((decades + limit - 1) / limit, 1)
        for candidate in [1, 2, 3, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000] where candidate >= needed {
            return candidate
        }
        return (needed + 999) / 1000 * 1000
    }

    /// log10 of a positive decimal: its exponent plus log10 of its digits (exact for 10^k).
    static func log10(of d: ChartDecimal) -> Double {
        Double(d.exponent) + Foundation.log10(Double(d.digits))
    }

    /// The 1-2-5 domain and labels for data `lo…hi` spanning less than two decades; the
    /// candidates are m × 10^e for e in `decades`.
    private static func oneTwoFive(_ lo: Double, _ hi: Double, decades: ClosedRange<Int>) -> Log {
        var candidates: [ChartDecimal] = []
        for e in decades {
            for m: Int64 in [1, 2, 5] { candidates.append(ChartDecimal(digits: m, exponent: e)) }
        }
        var first = candidates.lastIndex { $0.doubleValue <= lo } ?? 0
        var last = candidates.firstIndex { $0.doubleValue >= hi } ?? candidates.count - 1
        if first == last {  // a single value that is itself 1, 2 or 5 × 10^e
            first = Swift.max(first - 1, 0)
            last = Swift.min(last + 1, candidates.count - 1)
        }
        let lower = candidates[first], upper = candidates[last]
        var minor: [Double] = []
        for e in lower.order...upper.order {
            for m: Int64 in [3, 4, 6, 7, 8, 9] {
                let v = ChartDecimal(digits: m, exponent: e).doubleValue
                if v > lower.doubleValue && v < upper.doubleValue { minor.append(v) }
            }
        }
        return Log(lower: lower, upper: upper, labeled: Array(candidates[first...last]), minor: minor, decadeStride: 1)
    }
}
