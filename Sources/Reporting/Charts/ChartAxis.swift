import Foundation

/// One axis of a chart: its scale, its domain and ticks (from `NiceTicks`), and the
/// mapping of data values onto a pixel interval.
///
/// `pixelStart` is where the domain's lower end lands and `pixelEnd` its upper end, so a
/// vertical axis passes (bottom, top).
///
/// ```swift
/// let x = ChartAxis(scale: .linear, values: [0, 97], pixelStart: 64, pixelEnd: 696)
/// x.position(of: 50)    // 380 (domain 0…100: 64 + 0.5 × 632)
/// let y = ChartAxis(scale: .log10, values: [3e-4, 2e2], pixelStart: 420, pixelEnd: 70)
/// y.position(of: 0.1)   // 270 (decades −4…3: 420 − 3/7 × 350)
/// ```
struct ChartAxis {
    struct Tick {
        var value: Double
        var label: String
    }

    let scale: AxisScale
    let pixelStart: Double
    let pixelEnd: Double
    /// Domain ends, in data units for linear axes and in log10 units for log axes.
    let domainStart: Double
    let domainEnd: Double
    let ticks: [Tick]
    /// Unlabeled minor tick values (log axes only).
    let minorTicks: [Double]

    /// An axis covering the placeable `values` (others are ignored; with none the domain is
    /// 0…1 or 1…10). `maxTicks` bounds the number of labeled ticks.
    init(scale: AxisScale, values: [Double], pixelStart: Double, pixelEnd: Double, maxTicks: Int = 8) {
        self.scale = scale
        self.pixelStart = pixelStart
        self.pixelEnd = pixelEnd
        let placeable = values.filter { scale.canPlace($0) }
        let lo = placeable.min(), hi = placeable.max()
        switch scale {
        case .linear:
            let nice = Self.linearTicks(lo: lo ?? 0, hi: hi ?? 1, maxTicks: maxTicks)
            domainStart = nice.lower
            domainEnd = nice.upper
            ticks = zip(nice.ticks, nice.labels).map { Tick(value: $0.doubleValue, label: $1) }
            minorTicks = []
        case .log10:
            let nice = NiceTicks.log10(min: lo ?? 1, max: hi ?? 10, maxLabels: maxTicks)
            domainStart = nice.lowerLog
            domainEnd = nice.upperLog
            ticks = zip(nice.labeled, nice.labels).map { Tick(value: $0.doubleValue, label: $1) }
            minorTicks = nice.minor
        }
    }

    /// A linear axis whose domain is exactly `ticks` (used for bar charts starting at 0).
    init(linear nice: NiceTicks.Linear, pixelStart: Double, pixelEnd: Double) {
        scale = .linear
        self.pixelStart = pixelStart
        self.pixelEnd = pixelEnd
        domainStart = nice.lower
        domainEnd = nice.upper
        ticks = zip(nice.ticks, nice.labels).map { Tick(value: $0.doubleValue, label: $1) }
        minorTicks = []
    }

    /// Pixel position of `value`, or nil when the axis cannot place it.
    func position(of value: Double) -> Double? {
        guard scale.canPlace(value) else { return nil }
        let v = scale == .log10 ? Foundation.log10(value) : value
        // Halved before subtracting, so that domains near ±Double.greatestFiniteMagnitude do not overflow.
        let span = domainEnd / 2 - domainStart / 2
        guard span > 0, span.isFinite else { return nil }
        let p = pixelStart + (v / 2 - domainStart / 2) / span * (pixelEnd - pixelStart)
        return p.isFinite ? p : nil
    }

    /// Nice linear ticks with the largest count ≤ `maxTicks` (trying targets 5 down to 1).
    private static func linearTicks(lo: Double, hi: Double, maxTicks: Int) -> NiceTicks.Linear {
        var target = 5
        var nice = NiceTicks.linear(min: lo, max: hi, targetCount: target)
        while nice.ticks.count > max(maxTicks, 2) && target > 1 {
            target -= 1
            nice = NiceTicks.linear(min: lo, max: hi, targetCount: target)
        }
        return nice
    }
}
