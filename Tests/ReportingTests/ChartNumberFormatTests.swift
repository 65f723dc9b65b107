import Testing
@testable import Reporting

@Suite struct ChartNumberFormatTests {
    @Test func fixedRoundsHalfAwayFromZero() {
        #expect(ChartNumberFormat.fixed(2.0 / 3.0, decimals: 3) == "0.667")
        #expect(ChartNumberFormat.fixed(0.125, decimals: 2) == "0.13")
        #expect(ChartNumberFormat.fixed(-2.5, decimals: 0) == "-3")
        #expect(ChartNumberFormat.fixed(1234.5, decimals: 0) == "1235")
        #expect(ChartNumberFormat.fixed(7, decimals: 2) == "7.00")
        #expect(ChartNumberFormat.fixed(0.05, decimals: 3) == "0.050")
        #expect(ChartNumberFormat.fixed(-0.0001, decimals: 2) == "0.00")  // no "-0.00"
        #expect(ChartNumberFormat.fixed(.nan, decimals: 2) == "nan")
        #expect(ChartNumberFormat.fixed(-.infinity, decimals: 2) == "-inf")
        #expect(ChartNumberFormat.fixed(1e20, decimals: 2) == "1e20")  // too wide: compact
    }

    @Test func coordinatesTrimZeros() {
        #expect(ChartNumberFormat.coordinate(380) == "380")
        #expect(ChartNumberFormat.coordinate(120.5) == "120.5")
        #expect(ChartNumberFormat.coordinate(0.125) == "0.13")
        #expect(ChartNumberFormat.coordinate(-0.001) == "0")
        #expect(ChartNumberFormat.coordinate(677.04) == "677.04")
    }

    @Test func compactStyle() {
        #expect(ChartNumberFormat.compact(0) == "0")
        #expect(ChartNumberFormat.compact(0.005) == "0.005")
        #expect(ChartNumberFormat.compact(12.5) == "12.5")
        #expect(ChartNumberFormat.compact(250) == "250")
        #expect(ChartNumberFormat.compact(1234) == "1.23k")
        #expect(ChartNumberFormat.compact(-1500) == "-1.5k")
        #expect(ChartNumberFormat.compact(999.5) == "1k")  // rounds up into the next group
        #expect(ChartNumberFormat.compact(999_999) == "1M")
        #expect(ChartNumberFormat.compact(3_400_000) == "3.4M")
        #expect(ChartNumberFormat.compact(2e10) == "20G")
        #expect(ChartNumberFormat.compact(7.5e12) == "7.5T")
        #expect(ChartNumberFormat.compact(1e15) == "1e15")
        #expect(ChartNumberFormat.compact(0.000001) == "1e-6")
        #expect(ChartNumberFormat.compact(0.00025) == "2.5e-4")
        #expect(ChartNumberFormat.compact(.infinity) == "inf")
    }

    @Test func decimalRounding() {
        #expect(ChartDecimal(rounding: 0.1 + 0.2, significantDigits: 3) == ChartDecimal(digits: 300, exponent: -3))
        #expect(ChartDecimal(rounding: -9.996, significantDigits: 3) == ChartDecimal(digits: -100, exponent: -1))
        #expect(ChartDecimal(rounding: .nan, significantDigits: 3) == nil)
        #expect(ChartDecimal.decimalOrder(of: 1000) == 3)
        #expect(ChartDecimal.decimalOrder(of: 999.999) == 2)
        #expect(ChartDecimal.decimalOrder(of: 1e-300) == -300)
    }
}
