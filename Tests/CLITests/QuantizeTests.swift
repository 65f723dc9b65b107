import Foundation
import Testing

/// `formats quantize` against the spec vectors of numeric-units.md §1.5 and the
/// special-value rules of each format.
@Suite struct QuantizeTests {
    /// The (code, value) pairs printed for `values` under `options`.
    func quantize(_ format: String, _ values: [String], _ options: [String] = []) throws -> [(Int, Any)] {
        let r = try QArchProcess.run(["formats", "quantize", format, "--json"] + options + values)
        #expect(r.exitCode == 0, "\(r.stderr)")
        let rows = try #require(try r.json() as? [[String: Any]])
        return rows.map { ($0["code"] as! Int, $0["value"]!) }
    }

    @Test("§1.5 E2M1 vectors: nearest-even and nearest-away", arguments: [
        ("0.25", 0, 1), ("0.75", 2, 2), ("1.25", 2, 3), ("2.5", 4, 5),
        ("5.0", 6, 7), ("7.0", 7, 7), ("1e9", 7, 7),
    ])
    func e2m1Vectors(input: String, rneCode: Int, awayCode: Int) throws {
        #expect(try quantize("e2m1", [input]).map(\.0) == [rneCode])
        #expect(try quantize("e2m1", [input], ["--rounding", "nearest-away"]).map(\.0) == [awayCode])
    }

    @Test func e2m1TieSpecVector() throws {
        let away = try quantize("e2m1", ["2.5"], ["--rounding", "nearest-away"])
        #expect(away[0].0 == 5 && (away[0].1 as? NSNumber)?.doubleValue == 3)
        let even = try quantize("e2m1", ["2.5"])
        #expect(even[0].0 == 4 && (even[0].1 as? NSNumber)?.doubleValue == 2)
    }

    @Test("NaN and Inf follow each format's rules") func specials() throws {
        let e4m3 = try quantize("e4m3", ["nan", "inf", "-inf"])
        #expect(e4m3[0].0 == 127 && e4m3[0].1 as? String == "nan")
        #expect(e4m3[1].0 == 126 && (e4m3[1].1 as? NSNumber)?.doubleValue == 448)   // saturates by default
        #expect(e4m3[2].0 == 254)
        let e4m3Inf = try quantize("e4m3", ["inf"], ["--overflow", "inf"])
        #expect(e4m3Inf[0].0 == 127 && e4m3Inf[0].1 as? String == "nan")            // no Inf: NaN
        let e5m2 = try quantize("e5m2", ["inf", "-inf"], ["--overflow", "inf"])
        #expect(e5m2[0].0 == 0x7C && e5m2[0].1 as? String == "inf")
        #expect(e5m2[1].0 == 0xFC && e5m2[1].1 as? String == "-inf")
        let hif8 = try quantize("hif8", ["nan", "-inf", "40960"])
        #expect(hif8.map(\.0) == [0x80, 0xEF, 0x6F])
        let r = try QArchProcess.run("formats quantize e4m3 nan --json")
        #expect(r.stdout.contains(#"{"input": "nan", "code": 127, "value": "nan"}"#))
    }

    @Test("negative values, `--` and negative zero") func negatives() throws {
        let r = try QArchProcess.run(["formats", "quantize", "e2m1", "--json", "-2.5", "-0.0", "--", "-1e-9"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let rows = try #require(try r.json() as? [[String: Any]])
        #expect(rows.map { $0["code"] as? Int } == [12, 8, 8])
        #expect(r.stdout.contains(#"{"input": -0.0, "code": 8, "value": -0.0}"#))
        #expect(r.stdout.contains(#""input": -1e-09"#))
    }

    @Test("stochastic rounding is reproducible from --seed") func stochastic() throws {
        let values = Array(repeating: "1.25", count: 64)
        let a = try quantize("e2m1", values, ["--rounding", "stochastic", "--seed", "7"]).map(\.0)
        let b = try quantize("e2m1", values, ["--rounding", "stochastic", "--seed", "7"]).map(\.0)
        #expect(a == b)
        #expect(Set(a) == [2, 3])
    }

    @Test("human output is an aligned table") func humanTable() throws {
        let r = try QArchProcess.run("formats quantize e2m1 2.5 -0.0 nan")
        #expect(r.exitCode == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[1].split(separator: " ") == ["input", "code", "bits", "value"])
        #expect(lines.dropFirst().allSatisfy { $0.count == lines[1].count })
        #expect(lines[4].split(separator: " ") == ["-0.0", "0x8", "1000", "-0.0"])
    }
}
