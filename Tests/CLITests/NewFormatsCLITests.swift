import Foundation
import Testing

/// Issue 14 item 5 on the command line: the new formats are listed, tabulated, verified
/// against MPFR and usable by name (scale options included).
@Suite struct NewFormatsCLITests {
    @Test func listedAndTabulated() throws {
        let list = try QArchProcess.run(["formats", "list", "--json"])
        #expect(list.exitCode == 0)
        let names = try #require(try list.json() as? [[String: Any]]).compactMap { $0["name"] as? String }
        for name in ["e3m4", "nf4", "ue4m3", "ue5m3", "mxint8", "mxint4", "nvint4"] { #expect(names.contains(name), "\(name)") }
        let table = try QArchProcess.run(["formats", "table", "e3m4"])
        #expect(table.exitCode == 0)
        // 0 011 0000: 2^(3−3) = 1; 0 110 1111: 1.9375 · 2^3 = 15.5; 0 111 0000: +Inf.
        #expect(table.stdout.contains("0x30  00110000        1.0  normal"))
        #expect(table.stdout.contains("0x6f  01101111       15.5  normal"))
        #expect(table.stdout.contains("0x70  01110000        inf  inf"))
        let nf4 = try QArchProcess.run(["formats", "table", "nf4", "--json"])
        let values = try #require(try nf4.json() as? [[String: Any]]).compactMap { ($0["value"] as? NSNumber)?.doubleValue }
        #expect(values.count == 16 && values[7] == 0 && values.first == -1 && values.last == 1)
    }

    @Test func verifiedAgainstMPFR() throws {
        let r = try QArchProcess.run(["verify", "--format", "e3m4", "--format", "nf4", "--format", "ue4m3", "--format", "ue5m3",
                                      "--samples", "2000", "--json"])
        #expect(r.exitCode == 0, "\(r.stdout)")
        let checks = try #require(try r.json() as? [String: Any])["checks"] as? [[String: Any]]
        #expect(checks?.count == 24)
        #expect(checks?.allSatisfy { ($0["mismatches"] as? NSNumber)?.intValue == 0 } == true)
    }

    @Test func scaleOptionsByName() throws {
        // s_tensor = RN(688128 / (6 · 114688)) = 1, s_block = UE5M3(688128 / 6) = 114688 (0xFE).
        let r = try QArchProcess.run(["formats", "quantize", "nvfp4-ue5m3", "--", "3", "688128"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("nvfp4-ue5m3: e2m1 elements, 16 per ue5m3 scale"))
        #expect(r.stdout.contains("0xfe        114688.0"))
        let bad = try QArchProcess.run(["formats", "quantize", "nvfp4-ue6m2", "--", "1"])
        #expect(bad.exitCode == 1 && bad.stderrLines.count == 1)
    }
}
