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

    /// Ticks of a log10 axis whose domain runs from `10^lowerDecade` to `10^upperDecade`.
    struct Log: Equatable, Sendable {
        var lowerDecade: Int
        var upperDecade: Int
        /// Labeled ticks: every `decadeStride`-th decade, plus 2× and 5× each decade when the
        /// data spans less than two decades.
        var labeled: [ChartDecimal]
        /// Unlabeled minor tick values (2…9 × each decade, when decades are not skipped).
        var minor: [Double]
        var decadeStride: Int
        var lower: Double { ChartDecimal.power10(lowerDecade) }
        var upper: Double { ChartDecimal.power10(upperDecade) }
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
        if normalized <= 1 { mantissa = 1 } else if normalized <= 2 { mantissa = 2 } else if normalized <= 5 { mantissa = 5 } else {
            mantissa = 1
            exponent += 1
        }
        let step = ChartDecimal(digits: mantissa, exponent: exponent).doubleValue
        let first = (a / step + 1e-9).rounded(.down)
        let last = (b / step - 1e-9).rounded(.up)
        guard abs(first) < 1e15, abs(last) < 1e15, last - first < 1000 else { return fallback }
        let ticks = (Int64(first)...Int64(last)).map { ChartDecimal(digits: $0 * mantissa, exponent: exponent) }
        return Linear(ticks: ticks, stepMantissa: mantissa, stepExponent: exponent)
    }

    /// Decade ticks for a log10 axis covering `min…max` (both must be finite and > 0,
    /// otherwise the axis is 1…10). The domain is whole decades around the data, from
    /// ⌊log10 min⌋ to ⌈log10 max⌉; a single value exactly on a decade is centred in two decades. At most
    /// `maxLabels` decades are labeled: beyond that every n-th decade is.
    static func log10(min lo: Double, max hi: Double, maxLabels: Int = 10) -> Log {
        guard lo.isFinite, hi.isFinite, lo > 0, hi >= lo else {
            return Log(lowerDecade: 0, upperDecade: 1, labeled: decadeTicks(0, 1, stride: 1, withTwoAndFive: true),
                       minor: minorTicks(0, 1, skipTwoAndFive: true), decadeStride: 1)
        }
        // a = floor(log10 lo), b = ceil(log10 hi), both exact (ChartDecimal.decimalOrder).
        var a = ChartDecimal.decimalOrder(of: lo)
        var b = ChartDecimal.decimalOrder(of: hi)
        if ChartDecimal.power10(b) < hi { b += 1 }
        if b <= a {  // lo == hi == 10^a
            a -= 1
            b = a + 2
        }
        let limit = Swift.max(maxLabels - 1, 1)
        let stride = (b - a + limit - 1) / limit
        if stride > 1 {
            a = Int((Double(a) / Double(stride)).rounded(.down)) * stride
            b = Int((Double(b) / Double(stride)).rounded(.up)) * stride
        }
        let dense = stride == 1 && Foundation.log10(hi) - Foundation.log10(lo) < 2
        return Log(lowerDecade: a, upperDecade: b,
                   labeled: decadeTicks(a, b, stride: stride, withTwoAndFive: dense),
                   minor: stride == 1 ? minorTicks(a, b, skipTwoAndFive: dense) : [],
                   decadeStride: stride)
    }

    private static func decadeTicks(_ a: Int, _ b: Int, stride: Int, withTwoAndFive: Bool) -> [ChartDecimal] {
        var out: [ChartDecimal] = []
        for e in Swift.stride(from: a, through: b, by: stride) {
            out.append(ChartDecimal(digits: 1, exponent: e))
            if withTwoAndFive && e < b {
                out.append(ChartDecimal(digits: 2, exponent: e))
                out.append(ChartDecimal(digits: 5, exponent: e))
            }
        }
        return out
    }

    /// m × 10^e for m = 2…9 (without 2 and 5 when those are labeled) and each decade e in a..<b.
    private static func minorTicks(_ a: Int, _ b: Int, skipTwoAndFive: Bool) -> [Double] {
        guard b - a <= 40 else { return [] }
        var out: [Double] = []
        for e in a..<b {
            for m in Int64(2)...9 where !(skipTwoAndFive && (m == 2 || m == 5)) {
                out.append(ChartDecimal(digits: m, exponent: e).doubleValue)
            }
        }
        return out
    }
}
