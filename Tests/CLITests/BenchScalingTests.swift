import Foundation
import Testing

/// `bench --scaling`: the CSV, the two log–log charts and the fitted exponents.
@Suite struct BenchScalingTests {
    @Test func quickScalingWritesTheStudy() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("bench").path
        let r = try QArchProcess.run(["bench", "--scaling", "--quick", "--out", out, "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let doc = try #require(try r.json() as? [String: Any])
        let exponents = try #require(doc["exponents"] as? [[String: Any]])
        #expect(exponents.map { "\($0["path"] ?? "")/\($0["against"] ?? "")" }
                == ["fast/macs", "cycle/macs", "value/macs", "cycle/cycles", "array/cycles"])
        let csv = try String(contentsOfFile: out + "/scaling.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "path,m,k,n,array_rows,array_cols,macs,cycles,seconds")
        #expect(csv.count == 1 + (doc["points"] as? Int ?? -1) && csv.count == 1 + 3 * 2 + 2 + 3)
        for chart in ["scaling-size.svg", "scaling-array.svg"] {
            let svg = try String(contentsOfFile: out + "/" + chart, encoding: .utf8)
            #expect(svg.hasPrefix("<?xml") || svg.hasPrefix("<svg"), "\(chart)")
            #expect(svg.contains("slope"))
        }
    }
}
