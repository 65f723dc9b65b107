import Foundation
import Testing
@testable import Reporting

/// The realistic sample charts render as well-formed SVG; with `QARCH_CHART_SAMPLES=<dir>`
/// they are also written there for `scripts/check-svg.sh`.
@Suite struct ChartSampleTests {
    @Test func samplesAreWellFormedAndOptionallyWritten() throws {
        let dir = ProcessInfo.processInfo.environment["QARCH_CHART_SAMPLES"]
        for sample in ChartSamples.all {
            let parsed = SVGWellFormed.check(sample.svg)
            #expect(parsed.ok, "\(sample.name): \(String(describing: parsed.error))")
            if let dir, !dir.isEmpty {
                try AtomicFile.write(sample.svg, to: URL(fileURLWithPath: dir).appendingPathComponent(sample.name))
            }
        }
    }
}
