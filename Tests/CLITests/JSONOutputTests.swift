import Foundation
import Testing

/// Every `--json` command prints exactly one valid JSON document, with the keys of the
/// CLI contract (architecture.md §3) and the number conventions of §2.
@Suite struct JSONOutputTests {
    @Test func formatsList() throws {
        let r = try QArchProcess.run("formats list --json")
        #expect(r.exitCode == 0)
        let rows = try #require(try r.json() as? [[String: Any]])
        let e2m1 = try #require(rows.first { $0["name"] as? String == "e2m1" })
        #expect(e2m1["bits"] as? Int == 4)
        #expect(e2m1["kind"] as? String == "float")
        #expect(e2m1["description"] is String)
        for row in rows { #expect(Set(row.keys) == ["name", "bits", "kind", "description"]) }
        for name in ["int2", "uint8", "e4m3", "e5m2", "e8m0", "hif8", "fp16", "bf16", "fp32", "bitmod-fp3-ea-neg"] {
            #expect(rows.contains { $0["name"] as? String == name }, "\(name)")
        }
    }

    @Test func e2m1Table() throws {
        let r = try QArchProcess.run("formats table e2m1 --json")
        #expect(r.exitCode == 0)
        let rows = try #require(try r.json() as? [[String: Any]])
        #expect(rows.count == 16)
        let magnitudes: [Double] = [0, 0.5, 1, 1.5, 2, 3, 4, 6]
        let classes = ["zero", "subnormal", "normal", "normal", "normal", "normal", "normal", "normal"]
        for (i, row) in rows.enumerated() {
            #expect(Set(row.keys) == ["code", "bits", "value", "class"])
            #expect(row["code"] as? Int == i)
            #expect(row["bits"] as? String == String(repeating: "0", count: 4 - String(i, radix: 2).count) + String(i, radix: 2))
            #expect((row["value"] as? NSNumber)?.doubleValue == (i >= 8 ? -magnitudes[i - 8] : magnitudes[i]))
            #expect(row["class"] as? String == classes[i % 8])
        }
        // −0 (code 8) is written as -0.0.
        #expect(r.stdout.contains(#"{"code": 8, "bits": "1000", "value": -0.0, "class": "zero"}"#))
    }

    @Test("tables with specials classify inf and nan") func specialsClasses() throws {
        let rows = try #require(try QArchProcess.run("formats table e5m2 --json").json() as? [[String: Any]])
        #expect(rows.count == 256)
        #expect(rows[0x7C]["class"] as? String == "inf" && rows[0x7C]["value"] as? String == "inf")
        #expect(rows[0xFC]["value"] as? String == "-inf")
        #expect(rows[0x7E]["class"] as? String == "nan" && rows[0x7E]["value"] as? String == "nan")
        #expect(rows[0x01]["class"] as? String == "subnormal")
        let hif8 = try #require(try QArchProcess.run("formats table hif8 --json").json() as? [[String: Any]])
        #expect(hif8[0x80]["class"] as? String == "nan")
        #expect(hif8[0x6F]["value"] as? String == "inf")
    }

    @Test func quantize() throws {
        let r = try QArchProcess.run("formats quantize e2m1 2.5 --json")
        #expect(r.exitCode == 0)
        let rows = try #require(try r.json() as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(Set(rows[0].keys) == ["input", "code", "value"])
    }

    @Test func verify() throws {
        let r = try QArchProcess.run("verify --format e2m1 --op encode --op decode --samples 10 --seed 3 --jobs 1 --json")
        let doc = try #require(try r.json() as? [String: Any])
        #expect(Set(doc.keys) == ["checks"])
        let checks = try #require(doc["checks"] as? [[String: Any]])
        for check in checks {
            #expect(Set(check.keys) == ["format", "op", "cases", "mismatches", "first_mismatch"])
        }
        let anyMismatch = checks.contains { ($0["mismatches"] as? Int ?? 0) > 0 }
        #expect(r.exitCode == (anyMismatch ? 1 : 0))
    }

    @Test("exactly one document: stdout ends after it") func oneDocument() throws {
        for commandLine in ["formats list --json", "formats table e4m3 --json", "formats quantize e4m3 1 2 --json"] {
            let r = try QArchProcess.run(commandLine)
            let trimmed = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(trimmed.first == "[" && trimmed.last == "]", "\(commandLine)")
            #expect(r.stderr.isEmpty)
        }
    }
}
