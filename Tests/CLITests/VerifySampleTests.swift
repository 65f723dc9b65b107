import Foundation
import Testing

/// Issue 18 item 8: `verify --op dot --samples 10` ran 0 cases (samples/20) and reported
/// success. Every check runs at least one case, and `--samples` help states the rule.
@Suite struct VerifySampleTests {
    @Test func smallBudgetStillRunsADotCase() throws {
        let r = try QArchProcess.run(["verify", "--format", "e2m1", "--op", "dot", "--samples", "10", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let checks = try #require((try r.json() as? [String: Any])?["checks"] as? [[String: Any]])
        #expect(checks.count == 1)
        #expect(checks.first?["cases"] as? Int == 1)
        #expect(checks.first?["mismatches"] as? Int == 0)
    }

    @Test func samplesHelpStatesTheDotRule() throws {
        let r = try QArchProcess.run(["verify", "--help"])
        #expect(r.exitCode == 0)
        let help = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("dot runs samples/20 cases (at least 1)"), "\(r.stdout)")
    }
}
