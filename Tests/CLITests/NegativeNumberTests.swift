import Foundation
import Testing

/// Issue 18 item 12: a negative number given to a numeric option is read as its value and
/// refused with the accepted range, not reported as a missing value; `formats quantize`
/// still takes negative values.
@Suite struct NegativeNumberTests {
    static let design = QArchProcess.packageRoot.appendingPathComponent("Designs/int8-systolic.json").path
    static let small = QArchProcess.packageRoot.appendingPathComponent("Tests/ExplorationTests/Fixtures/small.json").path

    @Test("out of range, not missing", arguments: [
        (["gemm", "--design", design, "--m", "-1", "--k", "2", "--n", "2"], 1,
         "qarch: error: --m: expected a positive dimension, found -1"),
        (["gemm", "--design", design, "--m", "2", "--k", "-3", "--n", "2"], 1,
         "qarch: error: --k: expected a positive dimension, found -3"),
        (["gemm", "--design", design, "--m", "2", "--k", "2", "--n", "2", "--seed", "-1"], 1,
         "qarch: error: The value '-1' is invalid for '--seed <seed>': expected an integer 0…18446744073709551615 (see 'qarch gemm --help')"),
        (["verify", "--format", "e2m1", "--op", "encode", "--jobs", "-1"], 1,
         "qarch: error: The value '-1' is invalid for '--jobs <jobs>': expected an integer 1…1024 (see 'qarch verify --help')"),
        (["verify", "--format", "e2m1", "--op", "fma", "--samples", "-5"], 1,
         "qarch: error: --samples must be at least 1, found -5"),
        (["explore", small, "--shard", "-1/2"], 1,
         "qarch: error: --shard: expected i/n with 0 ≤ i < n ≤ 10000 (e.g. 0/2), auto or auto/n, found '-1/2'"),
        (["bench", "--seconds", "-1"], 1,
         "qarch: error: --seconds: expected a number of seconds more than 0 and at most 3600, found -1.0"),
        (["formats", "quantize", "e2m1", "--seed", "-2", "--rounding", "stochastic", "1.5"], 1,
         "qarch: error: The value '-2' is invalid for '--seed <seed>': expected an integer 0…18446744073709551615 (see 'qarch formats quantize --help')"),
        (["reproduce", "--layers", "-1", "--skip-format-errors"], 1,
         "qarch: error: --layers: expected comma-separated layer numbers 0…5, found '-1'"),
    ] as [([String], Int32, String)])
    func negativeValues(arguments: [String], code: Int32, line: String) throws {
        let r = try QArchProcess.run(arguments)
        #expect(r.exitCode == code, "\(r.stderr)")
        #expect(r.stderrLines == [line])
        #expect(!r.stderr.contains("Missing value"))
    }

    @Test func negativeExponentsAreValues() throws {
        let r = try QArchProcess.run(["evaluate", Self.design, "--energy-exponent", "-1", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
    }

    @Test func quantizeStillTakesNegativeValues() throws {
        let r = try QArchProcess.run(["formats", "quantize", "e2m1", "--seed", "3", "--json", "-2.5", "-1", "--", "-0.5"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let rows = try #require(try r.json() as? [[String: Any]])
        #expect(rows.compactMap { $0["input"] as? Double } == [-2.5, -1, -0.5])
    }
}
