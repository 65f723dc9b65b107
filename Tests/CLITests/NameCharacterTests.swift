import Foundation
import Testing

/// Issue 18 item 15: a design name with a newline or NUL broke the text tables. Design and
/// sweep-spec names must be printable: one line naming the file and path, exit 1.
@Suite struct NameCharacterTests {
    @Test("unprintable design names", arguments: [
        (#"name="a\nb""#, "U+000A at character 2"),
        (#"name="nul\u0000""#, "U+0000 at character 4"),
        (#"name="\tx""#, "U+0009 at character 1"),
        (#"name="rtl\u202Eltr""#, "U+202E at character 4"),
    ])
    func designName(set: String, found: String) throws {
        let design = EvaluateTests.design("int8-systolic.json")
        let r = try QArchProcess.run(["evaluate", design, "--set", set])
        #expect(r.exitCode == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderrLines == ["qarch: error: \(design): name: expected a name of printable characters, found the unprintable character \(found)"])
    }

    @Test func printableUnicodeNamesAreAccepted() throws {
        let r = try QArchProcess.run(["evaluate", EvaluateTests.design("int8-systolic.json"), "--set", #"name="µ-PE 28 nm""#])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout.contains("µ-PE 28 nm"))
    }

    @Test func sweepSpecName() throws {
        let design = ExploreTests.root.appendingPathComponent("Designs/int8-systolic.json").path
        let json = #"{"schema_version": 1, "name": "two\nlines", "designs": [{"file": "\#(design)"}], "workloads": ["vit-base:decode"]}"#
        try withTemporaryFile(named: "spec.json", bytes: Array(json.utf8)) { path in
            let out = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("out").path
            let r = try QArchProcess.run(["explore", path, "--out", out])
            #expect(r.exitCode == 1)
            #expect(r.stderrLines == ["qarch: error: \(path): name: expected a name of printable characters, found the unprintable character U+000A at character 4"])
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }
}
