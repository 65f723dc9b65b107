import Foundation
import Testing

/// `formats quantize` with block formats: `{tensor_scale, blocks: [{scale_code, scale,
/// codes, values}]}`, checked against numeric-units.md §1.3–§1.5.
@Suite struct BlockQuantizeTests {
    /// The parsed document of `qarch formats quantize <arguments…> --json`.
    func quantize(_ arguments: [String]) throws -> [String: Any] {
        let r = try QArchProcess.run(["formats", "quantize"] + arguments + ["--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        return try #require(try r.json() as? [String: Any])
    }

    func blocks(_ doc: [String: Any]) throws -> [[String: Any]] {
        try #require(doc["blocks"] as? [[String: Any]])
    }

    func doubles(_ any: Any?) -> [Double] { (any as? [Any] ?? []).map { ($0 as? NSNumber)?.doubleValue ?? .nan } }

    @Test("§1.5 MX scale: amax 0.3 → shared_exp −4 (E8M0 code 123), 0.3 → 0.25") func mxfp4SmallAmax() throws {
        let doc = try quantize(["mxfp4", "0.3", "-0.05"])
        #expect(Set(doc.keys) == ["tensor_scale", "blocks"])
        #expect((doc["tensor_scale"] as? NSNumber)?.doubleValue == 1)
        let b = try blocks(doc)
        #expect(b.count == 1)
        #expect(Set(b[0].keys) == ["row", "scale_code", "scale", "codes", "values"])
        #expect(b[0]["row"] as? Int == 0)
        #expect(b[0]["scale_code"] as? Int == 123)
        #expect((b[0]["scale"] as? NSNumber)?.doubleValue == 0.0625)
        #expect(b[0]["codes"] as? [Int] == [0x6, 0xA])
        #expect(doubles(b[0]["values"]) == [0.25, -0.0625])
    }

    @Test("§1.5 MX scale: amax 6 and 7 → code 127; 7 saturates to 6; nearest-away 2.5 → 3") func mxfp4Saturation() throws {
        let even = try blocks(quantize(["mxfp4", "7.0", "2.5", "6.0"]))
        #expect(even[0]["scale_code"] as? Int == 127)
        #expect(doubles(even[0]["values"]) == [6, 2, 6])
        let away = try blocks(quantize(["mxfp4", "--rounding", "nearest-away", "6.0", "2.5"]))
        #expect(away[0]["codes"] as? [Int] == [0x7, 0x5])
    }

    @Test("blocks of k elements, the last one partial") func blockSizes() throws {
        let values = (1...40).map { String(Double($0) / 8) }
        let nv = try blocks(quantize(["nvfp4"] + values))
        #expect(nv.map { ($0["codes"] as? [Int])?.count } == [16, 16, 8])
        let mx = try blocks(quantize(["mxfp8-e4m3"] + values))
        #expect(mx.map { ($0["codes"] as? [Int])?.count } == [32, 8])
    }

    @Test("a 2-D .npy is quantized row by row: blocks never span rows") func rows() throws {
        let bytes = npyBytes(shape: "(2, 3)", data: floatBytes([6, 3, 1.5, 0.3, 0.1, -0.05]))
        try withTemporaryFile(named: "m.npy", bytes: bytes) { path in
            let b = try blocks(quantize(["mxfp4", "--input", path]))
            #expect(b.count == 2)
            #expect(b.map { $0["scale_code"] as? Int } == [127, 123])
            #expect(b.map { $0["row"] as? Int } == [0, 1])
        }
    }

    @Test("NaN in an MXFP4 block gives the NaN scale; values print as \"nan\"") func nanBlock() throws {
        let b = try blocks(quantize(["mxfp4", "1.0", "nan"]))
        #expect(b[0]["scale_code"] as? Int == 0xFF)
        #expect(b[0]["scale"] as? String == "nan")
        #expect(b[0]["values"] as? [String] == ["nan", "nan"])
    }

    @Test func blockFormatsListed() throws {
        let rows = try #require(try QArchProcess.run("formats list --json").json() as? [[String: Any]])
        let mxfp4 = try #require(rows.first { $0["name"] as? String == "mxfp4" })
        #expect(mxfp4["kind"] as? String == "block")
        #expect((mxfp4["bits"] as? NSNumber)?.doubleValue == 4.25)
        for name in ["mxfp6-e2m3", "mxfp6-e3m2", "mxfp8-e4m3", "mxfp8-e5m2", "mxint8", "nvfp4"] {
            #expect(rows.contains { $0["name"] as? String == name && $0["kind"] as? String == "block" }, "\(name)")
        }
    }

    @Test("a block format has no code table, and stochastic still needs --seed") func usage() throws {
        let table = try QArchProcess.run("formats table mxfp4")
        #expect(table.exitCode == 1 && table.stderrLines.count == 1)
        #expect(table.stderr.contains("block format"))
        #expect(try QArchProcess.run("formats quantize nvfp4 --rounding stochastic 1").exitCode == 2)
        let a = try QArchProcess.run("formats quantize mxfp4 --rounding stochastic --seed 5 0.3 0.7 1.1 --json")
        let b = try QArchProcess.run("formats quantize mxfp4 --rounding stochastic --seed 5 0.3 0.7 1.1 --json")
        #expect(a.exitCode == 0 && a.stdout == b.stdout)
    }
}
