import Exploration
import Foundation
import Testing
@testable import Reporting

/// results.json reads back into the same result, every Double exactly, so merged shards
/// write the same bytes as the whole run; the CSV is one row per record.
@Suite struct SweepJSONTests {
    static func result(seed: UInt64) -> SweepResult {
        var state = seed
        func x() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            // Arbitrary bit patterns: every exponent and mantissa, specials excluded below.
            let d = Double(bitPattern: state)
            return d.isFinite ? d : .nan
        }
        let records = (0..<40).map { i in
            SweepRecord(point: i / 2, workloadIndex: i % 2, workload: i % 2 == 0 ? "w0" : "w1", design: "d, \"quoted\"",
                        parameters: ["array.rows": String(i)],
                        metrics: SweepMetric.allCases.map { _ in x() } + [],
                        energyPJ: [("total", x()), ("pe_dynamic", -0.0), ("dram", .infinity)], areaUm2: [("total", x())],
                        status: i % 7 == 0 ? .infeasible("area_mm2 ≤ 1.0") : (i % 11 == 0 ? .invalid("array.rows: bad") : .ok))
        }
        return SweepResult(name: "t", description: "d\nline", fingerprint: "00ff", selectedPoints: 20, gridSize: 30,
                           sampling: "grid", axisPaths: ["array.rows"], workloads: ["w0", "w1"],
                           objectives: [.init(metric: .energyPJ, goal: .min), .init(metric: .tops, goal: .max)],
                           constraints: [.init(metric: .areaMM2, min: nil, max: 1)], errorTile: .init(m: 2, k: 64, n: 4, seed: 5, source: .minilm), errorSource: "real \"MiniLM\"",
                           shard: .init(index: 1, count: 3), records: records)
    }

    @Test func roundTripsExactly() throws {
        for seed in [1, 2, 3] as [UInt64] {
            let r = Self.result(seed: seed)
            let text = SweepJSON.render(r)
            let back = try SweepJSON.read(Data(text.utf8), file: "results.json")
            #expect(back == r)
            #expect(SweepJSON.render(back) == text)
            #expect(SweepCSV.render(back) == SweepCSV.render(r))
        }
    }

    @Test func badFilesNameThePath() {
        #expect(throws: SweepJSON.ReadError.self) { try SweepJSON.read(Data("{}".utf8), file: "r.json") }
        do {
            _ = try SweepJSON.read(Data(#"{"objectives": [{"metric": "nope", "goal": "min"}]}"#.utf8), file: "r.json")
            Issue.record("expected an error")
        } catch {
            let names = SweepMetric.allCases.map(\.rawValue).joined(separator: ", ")
            #expect(error.description == "r.json: objectives[0].metric: expected metric: one of \(names), found unknown metric 'nope'")
        }
    }

    /// The reader is `FieldReader`'s: ranges are the sweep spec's, and a breakdown value must
    /// be a number or one of the strings non-finite values are written as.
    @Test("a bad value in a written file names its path", arguments: [
        (#""seed": 5"#, #""seed": -1"#, "error_tile.seed: expected an integer 0…2147483647, found -1"),
        (#""pe_dynamic", -0.0]"#, #""pe_dynamic", "zero"]"#,
         #"records[0].energy_pj[1][1]: expected a number or "nan"/"inf"/"-inf", found 'zero'"#),
        (#""status": "infeasible: "#, #""status": "unknown: "#,
         "records[0].status: expected ok, infeasible: … or invalid: …, found 'unknown: area_mm2 ≤ 1.0'"),
    ])
    func badValueNamesThePath(written: String, edited: String, message: String) throws {
        let text = SweepJSON.render(Self.result(seed: 1))
        let range = try #require(text.range(of: written))
        let bad = text.replacingCharacters(in: range, with: edited)
        do {
            _ = try SweepJSON.read(Data(bad.utf8), file: "r.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "r.json: " + message)
        }
    }

    @Test func csvQuotesAndCountsRows() {
        let r = Self.result(seed: 1)
        let lines = SweepCSV.render(r).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 1 + 40 + 1)   // header, rows, final empty after the last \n
        #expect(lines[1].hasPrefix("0,\"d, \"\"quoted\"\"\",0,w0,infeasible: area_mm2 ≤ 1.0,false,"))
    }

    @Test func summaryNumbersAreCompact() {
        #expect(SweepSummary.number(1234.6) == "1235")
        #expect(SweepSummary.number(0.01234) == "0.0123")
        #expect(SweepSummary.number(2.5e7) == "2.50e+07")
        #expect(SweepSummary.number(.nan) == "nan")
    }
}
