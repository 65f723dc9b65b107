import Foundation
import Testing

/// Issue 18 item 6: schema-valid but absurd values (a 5e-324 MHz clock gave infinite energy
/// and latency, a 5e-324 nm node zero area, an empty workload zero PE area, all with exit 0)
/// are refused with one line naming the file and JSON path, exit 1.
@Suite struct SaneRangeTests {
    static let design = EvaluateTests.design("int8-systolic.json")

    @Test("a physical field outside its sane range", arguments: [
        ("technology.frequency_mhz=5e-324", "technology.frequency_mhz: expected a number ≥ 1 and ≤ 100000, found 5e-324"),
        ("technology.frequency_mhz=0.5", "technology.frequency_mhz: expected a number ≥ 1 and ≤ 100000, found 0.5"),
        ("technology.node_nm=5e-324", "technology.node_nm: expected a number ≥ 1 and ≤ 1000, found 5e-324"),
        ("technology.voltage_v=1e-9", "technology.voltage_v: expected a number ≥ 0.1 and ≤ 5, found 1e-09"),
        ("dram.read_pj_per_bit=5e-324", "dram.read_pj_per_bit: expected a number ≥ 1e-06 and ≤ 10000, found 5e-324"),
        ("memories[0].read_pj=0", #"memories[0].read_pj: expected a number of pJ ≥ 1e-06 and ≤ 1000000 or "model", found 0"#),
        (#"cost_overrides.pe={"energy_pj": 5e-324, "source": "s"}"#,
         "cost_overrides.pe.energy_pj: expected a number ≥ 1e-06 and ≤ 1000000000, found 5e-324"),
        (#"cost_overrides.pe={"area_um2": 0, "source": "s"}"#,
         "cost_overrides.pe.area_um2: expected a number ≥ 1e-06 and ≤ 1000000000000, found 0"),
    ])
    func outOfRange(set: String, message: String) throws {
        let r = try QArchProcess.run(["evaluate", Self.design, "--set", set])
        #expect(r.exitCode == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderrLines == ["qarch: error: \(Self.design): \(message)"])
    }

    /// The ends of the ranges are accepted and give finite, positive figures.
    @Test func rangeEndsAreAccepted() throws {
        let r = try QArchProcess.run(["evaluate", Self.design, "--set", "technology.frequency_mhz=1", "--set", "technology.node_nm=1",
                                      "--set", "technology.voltage_v=0.1", "--set", "dram.read_pj_per_bit=1e-6", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let item = try #require((try r.json() as? [[String: Any]])?.first)
        for key in ["latency_s", "tops", "tops_per_w", "tops_per_mm2"] {
            let x = try #require(item[key] as? Double, "\(key)")
            #expect(x.isFinite && x > 0, "\(key) = \(x)")
        }
    }

    @Test("an empty workload file", arguments: [
        (#"{"name": "e", "gemms": []}"#, "gemms: expected at least one GEMM, found an empty array"),
        (#"{"name": "z", "gemms": [{"name": "g", "m": 4, "k": 8, "n": 2, "count": 0}, {"name": "h", "m": 1, "k": 1, "n": 1, "count": 0}]}"#,
         "gemms: expected at least one GEMM with a count ≥ 1, found a count of 0 in every GEMM"),
    ])
    func emptyWorkload(json: String, message: String) throws {
        try withTemporaryFile(named: "w.json", bytes: Array(json.utf8)) { path in
            let r = try QArchProcess.run(["evaluate", Self.design, "--workload", path])
            #expect(r.exitCode == 1)
            #expect(r.stdout.isEmpty)
            #expect(r.stderrLines == ["qarch: error: \(path): \(message)"])
        }
    }
}
