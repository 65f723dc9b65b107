import DesignModel
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
            #expect(error.description == "r.json: objectives[0].metric: expected a metric name, found 'nope'")
        }
    }

    @Test func exactReaderHandlesTheGrammar() throws {
        let text = #"{"a": [1, -0.0, 2.5e-3, 1E+2, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"], "b": {}}"#
        let v = try ExactJSONReader.parse(Data(text.utf8))
        #expect(v == .object(["a": .array([.number(1), .number(-0.0), .number(0.0025), .number(100), .bool(true), .bool(false), .null,
                                           .string("x\"\\/\u{8}\u{c}\n\r\té😀")]), "b": .object([:])]))
        for bad in ["", "[1,]", "[1e400]", "{\"a\" 1}", "01", "1.", "[1] 2", "\"\\ud800\"", "\"\u{1}\"", String(repeating: "[", count: 300)] {
            #expect(throws: ExactJSONReader.SyntaxError.self, "\(bad)") { try ExactJSONReader.parse(Data(bad.utf8)) }
        }
        // Every bit pattern written with `description` reads back exactly.
        var state: UInt64 = 7
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let x = Double(bitPattern: state)
            guard x.isFinite else { continue }
            #expect(try ExactJSONReader.parse(Data(x.description.utf8)) == .number(x))
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
