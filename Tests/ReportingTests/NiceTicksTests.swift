import Testing
@testable import Reporting

/// Tick cases derived by hand from the rule: step = the smallest of 1, 2, 5, 10 × 10^k that is
/// ≥ (max − min) / 5, domain widened outward to whole steps.
@Suite struct NiceTicksTests {
    @Test func linearZeroTo97() {
        // (97 − 0) / 5 = 19.4 → 2 × 10¹ = 20; 0/20 = 0, ⌈97/20⌉ = 5 → 0…100.
        let t = NiceTicks.linear(min: 0, max: 97)
        #expect(t.ticks.map(\.doubleValue) == [0, 20, 40, 60, 80, 100])
        #expect(t.labels == ["0", "20", "40", "60", "80", "100"])
        #expect(t.lower == 0 && t.upper == 100)
    }

    @Test func linearFractionsAreExactDecimals() {
        // 0.74 / 5 = 0.148 → 0.2; ⌊0.13/0.2⌋ = 0, ⌈0.87/0.2⌉ = 5 → 0…1.0 (no 0.6000000000000001).
        let t = NiceTicks.linear(min: 0.13, max: 0.87)
        #expect(t.labels == ["0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(t.ticks.map(\.doubleValue) == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
    }

    @Test func linearNegativeRange() {
        // 15.5 / 5 = 3.1 → 5; ⌊−3.5/5⌋ = −1, ⌈12/5⌉ = 3 → −5…15.
        #expect(NiceTicks.linear(min: -3.5, max: 12).labels == ["-5", "0", "5", "10", "15"])
    }

    @Test func linearEqualBoundsAreWidened() {
        // 5 ± 0.5 → 1.0 / 5 = 0.2 → 0.2; ⌊4.5/0.2⌋ = 22, ⌈5.5/0.2⌉ = 28 → 4.4…5.6.
        #expect(NiceTicks.linear(min: 5, max: 5).labels == ["4.4", "4.6", "4.8", "5.0", "5.2", "5.4", "5.6"])
        // 0 ± 1 → 2 / 5 = 0.4 → 0.5 → −1…1.
        #expect(NiceTicks.linear(min: 0, max: 0).labels == ["-1.0", "-0.5", "0", "0.5", "1.0"])
    }

    @Test func linearLargeAndSmallLabels() {
        // 2 345 678 / 5 = 469 135.6 → 5 × 10⁵; top tick 2.5M → suffix M, one decimal.
        #expect(NiceTicks.linear(min: 0, max: 2_345_678).labels == ["0", "0.5M", "1.0M", "1.5M", "2.0M", "2.5M"])
        // 3e-5 / 5 = 6e-6 → 1e-5; below 0.001 labels are scientific.
        #expect(NiceTicks.linear(min: 0, max: 3e-5).labels == ["0", "1e-5", "2e-5", "3e-5"])
    }

    @Test func linearBadBoundsFallBack() {
        #expect(NiceTicks.linear(min: .nan, max: 1).labels == ["0", "1"])
        #expect(NiceTicks.linear(min: 2, max: 1).labels == ["0", "1"])
        #expect(NiceTicks.linear(min: 0, max: .infinity).labels == ["0", "1"])
        // Bounds at ±1e308: step 5e307, no overflow.
        #expect(NiceTicks.linear(min: -1e308, max: 1e308).labels == ["-1e308", "-5e307", "0", "5e307", "1e308"])
    }

    @Test func logDecades() {
        // ⌊log10 3e-4⌋ = −4, ⌈log10 2e2⌉ = 3; 5.8 decades of data → decades only.
        let t = NiceTicks.log10(min: 3e-4, max: 2e2)
        #expect(t.labeled == (-4...3).map { ChartDecimal(digits: 1, exponent: $0) })
        #expect(t.labels == ["1e-4", "0.001", "0.01", "0.1", "1", "10", "100", "1k"])
        #expect(t.lowerLog == -4 && t.upperLog == 3)
        #expect(t.minor.count == 7 * 8)  // 2…9 in each of the 7 decades
    }

    @Test func logUnderTwoDecadesLabels125() {
        // 3…50 spans 1.22 decades: domain from 2 (largest 1-2-5 ≤ 3) to 50.
        let t = NiceTicks.log10(min: 3, max: 50)
        #expect(t.labels == ["2", "5", "10", "20", "50"])
        #expect(t.minor == [3, 4, 6, 7, 8, 9, 30, 40])
        // A single 1-2-5 value gets one 1-2-5 step on each side.
        #expect(NiceTicks.log10(min: 10, max: 10).labels == ["5", "10", "20"])
    }

    @Test func logManyDecadesSkip() {
        // 24 decades, at most 10 labels → every ⌈24/9⌉ = 3rd decade.
        let t = NiceTicks.log10(min: 1e-12, max: 1e12)
        #expect(t.decadeStride == 3)
        #expect(t.labels == ["1e-12", "1e-9", "1e-6", "0.001", "1", "1k", "1M", "1G", "1T"])
        #expect(t.minor.isEmpty)
        // 300 decades → ⌈300/9⌉ = 34 → stride 50: 1e-300, 1e-250, …, 1.
        let wide = NiceTicks.log10(min: 1e-300, max: 1)
        #expect(wide.decadeStride == 50)
        #expect(wide.labeled.map(\.exponent) == [-300, -250, -200, -150, -100, -50, 0])
        #expect(NiceTicks.decadeStride(for: 9, maxLabels: 10) == 1)
        #expect(NiceTicks.decadeStride(for: 10, maxLabels: 10) == 2)
        #expect(NiceTicks.decadeStride(for: 200, maxLabels: 10) == 25)
    }

    @Test func logBadBoundsFallBack() {
        #expect(NiceTicks.log10(min: 0, max: 5).labels == ["1", "2", "5", "10"])
        #expect(NiceTicks.log10(min: -1, max: .nan).labels == ["1", "2", "5", "10"])
    }
}
