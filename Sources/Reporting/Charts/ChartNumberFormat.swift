/// Locale-free number formatting for SVG charts: fixed-precision coordinates and compact
/// tick and value labels.
///
/// Compact style (one style everywhere in the charts):
/// - `0` is written `0`;
/// - magnitudes in [0.001, 1000) are plain decimals: `0.005`, `12.5`, `250`;
/// - magnitudes in [1e3, 1e15) take an SI suffix `k`, `M`, `G`, `T`: `1.2k`, `3.4M`, `20G`;
/// - anything else is `<mantissa>e<exponent>`: `1e-6`, `2.5e-4`, `1e15`.
/// Negative numbers start with `-`. Non-finite values are `nan`, `inf`, `-inf`.
///
/// ```swift
/// ChartNumberFormat.fixed(2.0 / 3.0, decimals: 3)   // "0.667"
/// ChartNumberFormat.coordinate(120.5)              // "120.5"
/// ChartNumberFormat.compact(1234)                  // "1.23k"
/// ChartNumberFormat.compact(0.000001)              // "1e-6"
/// ```
enum ChartNumberFormat {
    /// `x` with exactly `decimals` (0…15) digits after the point, rounded half away from zero.
    /// Magnitudes too large for that precision fall back to `compact`.
    static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return nonFinite(x) }
        let d = min(max(decimals, 0), 15)
        let scaled = ChartDecimal.scale(abs(x), by: d).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return compact(x) }
        let digits = Int64(scaled)
        return plain(ChartDecimal(digits: x < 0 ? -digits : digits, exponent: -d), decimals: d)
    }

    /// An SVG coordinate or length: two decimals, trailing zeros (and a bare point) removed.
    static func coordinate(_ x: Double) -> String {
        var s = fixed(x, decimals: 2)
        guard s.contains(".") else { return s }
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    /// `x` to three significant digits in the compact style described on the type.
    static func compact(_ x: Double) -> String {
        guard let d = ChartDecimal(rounding: x, significantDigits: 3) else { return nonFinite(x) }
        return compact(d)
    }

    /// An exact decimal in the compact style, trailing zeros trimmed.
    static func compact(_ value: ChartDecimal) -> String {
        let v = value.trimmed
        guard v.digits != 0 else { return "0" }
        let order = v.order
        if order >= -3 && order < 3 { return plain(v, decimals: max(0, -v.exponent)) }
        if order >= 3 && order < 15 {
            let group = order / 3
            return plain(ChartDecimal(digits: v.digits, exponent: v.exponent - 3 * group),
                         decimals: max(0, -(v.exponent - 3 * group))) + siSuffixes[group]
        }
        return scientific(v)
    }

    /// Labels for the ticks of one linear axis, all with the same suffix and number of
    /// decimals (chosen from the largest tick and the tick step's exponent), zero as `0`.
    ///
    /// ```swift
    /// // ticks 0, 500, …, 2000 (step 5 × 10^2):
    /// ChartNumberFormat.linearTickLabels(ticks, stepExponent: 2)   // ["0", "0.5k", "1.0k", "1.5k", "2.0k"]
    /// ```
    static func linearTickLabels(_ ticks: [ChartDecimal], stepExponent: Int) -> [String] {
        let largest = ticks.map { $0.trimmed }.filter { $0.digits != 0 }.map(\.order).max()
        guard let order = largest else { return ticks.map { _ in "0" } }
        if order >= -3 && order < 15 {
            let group = order >= 3 ? order / 3 : 0
            let decimals = max(0, -(stepExponent - 3 * group))
            return ticks.map { t in
                guard t.digits != 0 else { return "0" }
                return plain(ChartDecimal(digits: t.digits, exponent: t.exponent - 3 * group), decimals: decimals)
                    + siSuffixes[group]
            }
        }
        return ticks.map { $0.digits == 0 ? "0" : scientific($0.trimmed) }
    }

    private static let siSuffixes = ["", "k", "M", "G", "T"]

    private static func nonFinite(_ x: Double) -> String { x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }

    /// `v` as a plain decimal with exactly `decimals` digits after the point (padding or
    /// rounding half away from zero as needed).
    private static func plain(_ v: ChartDecimal, decimals: Int) -> String {
        var magnitude = v.digits.magnitude
        var exponent = v.exponent
        // Bring the exponent to -decimals: append zeros, or drop digits with rounding.
        while exponent > -decimals && magnitude <= UInt64.max / 10 { magnitude *= 10; exponent -= 1 }
        while exponent < -decimals {
            let rest = magnitude % 10
            magnitude = magnitude / 10 + (rest >= 5 ? 1 : 0)
            exponent += 1
        }
        var text = String(magnitude)
        if decimals > 0 {
            if text.count <= decimals { text = String(repeating: "0", count: decimals - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -decimals))
        }
        return (v.digits < 0 && magnitude != 0 ? "-" : "") + text
    }

    /// `v` (trimmed, nonzero) as `<mantissa>e<exponent>` with the mantissa in [1, 10).
    private static func scientific(_ v: ChartDecimal) -> String {
        let digitText = String(v.digits.magnitude)
        var mantissa = String(digitText.prefix(1))
        if digitText.count > 1 { mantissa += "." + digitText.dropFirst() }
        return (v.digits < 0 ? "-" : "") + mantissa + "e" + String(v.order)
    }
}
