import Testing
@testable import Reporting

@Suite struct ChartAxisTests {
    @Test func linearMapping() {
        // Domain 0…100 (ticks of 0…97) onto 64…696: 50 → 64 + 0.5 × 632 = 380.
        let x = ChartAxis(scale: .linear, values: [0, 97], pixelStart: 64, pixelEnd: 696)
        #expect(x.position(of: 50) == 380)
        #expect(x.position(of: 0) == 64)
        #expect(x.position(of: 100) == 696)
        #expect(x.position(of: .nan) == nil)
    }

    @Test func logMapping() {
        // Decades −4…3 onto 420 (bottom) … 70 (top): 0.1 is 3/7 of the way → 420 − 150 = 270.
        let y = ChartAxis(scale: .log10, values: [3e-4, 2e2], pixelStart: 420, pixelEnd: 70)
        let p = y.position(of: 0.1)
        #expect(p != nil && abs(p! - 270) < 1e-9)
        #expect(y.position(of: 1e-4) == 420)
        #expect(y.position(of: 1e3) == 70)
        #expect(y.position(of: 0) == nil)
        #expect(y.position(of: -5) == nil)
        #expect(y.position(of: .infinity) == nil)
    }

    @Test func logAxisIgnoresUnplaceableValues() {
        // Only 10 and 500 count: 1.7 decades of data → 1-2-5 domain 10…500.
        let y = ChartAxis(scale: .log10, values: [-3, 0, .nan, 10, 500], pixelStart: 100, pixelEnd: 0)
        #expect(y.ticks.map(\.label) == ["10", "20", "50", "100", "200", "500"])
        // 10…1000 is exactly two decades: decade labels only.
        let z = ChartAxis(scale: .log10, values: [10, 1000], pixelStart: 100, pixelEnd: 0)
        #expect(z.ticks.map(\.label) == ["10", "100", "1k"])
    }

    @Test func hugeDomainDoesNotOverflow() {
        let x = ChartAxis(scale: .linear, values: [-1e308, 1e308], pixelStart: 0, pixelEnd: 100)
        #expect(x.position(of: 0) == 50)
    }

    @Test func paletteAndContrast() {
        #expect(ChartPalette.color(0) == "#0072B2")
        #expect(ChartPalette.color(1) == "#E69F00")
        #expect(ChartPalette.color(8) == "#999933")
        #expect(ChartPalette.color(12) == ChartPalette.color(0))
        #expect(ChartPalette.textColor(on: "#0072B2") == "#FFFFFF")
        #expect(ChartPalette.textColor(on: "#F0E442") == "#000000")
    }
}
