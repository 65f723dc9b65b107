import Foundation
import Testing

/// Issue 18 item 10: "found null null", "found an array an array", "found an object an
/// object". A found value is named once.
@Suite struct FoundValueTests {
    static let design = EvaluateTests.design("int8-systolic.json")

    @Test("a found value is named once", arguments: [
        ("array.rows=[1]", "array.rows: expected an integer 1…65536, found an array"),
        ("array.rows=null", "array.rows: expected an integer 1…65536, found null"),
        ("array.rows={}", "array.rows: expected an integer 1…65536, found an object"),
        ("array.rows=true", "array.rows: expected an integer 1…65536, found a boolean true"),
        ("array.rows=x", "array.rows: expected an integer 1…65536, found a string 'x'"),
        ("name=null", "name: expected a string, found null"),
        ("memories[0].double_buffered=[]", "memories[0].double_buffered: expected true or false, found an array"),
        ("array.kind={}", "array.kind: expected array kind: one of systolic, dot-tree, lut-tile, found an object"),
    ])
    func namedOnce(set: String, message: String) throws {
        let r = try QArchProcess.run(["evaluate", Self.design, "--set", set])
        #expect(r.exitCode == 1)
        #expect(r.stderrLines.first == "qarch: error: \(Self.design): \(message)", "\(r.stderr)")
    }
}
