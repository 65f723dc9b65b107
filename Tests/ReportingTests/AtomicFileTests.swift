import ExactJSON
import Foundation
import Testing
@testable import Reporting

@Suite struct AtomicFileTests {
    @Test func writesAndReplacesWithoutLeftovers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qarch-atomic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("sub/out.csv")
        try AtomicFile.write("a\n", to: url)
        try AtomicFile.write("b\n", to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "b\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path) == ["out.csv"])
    }

    @Test func jsonNumbersFollowTheConventions() {
        #expect(JSONValue.array([.number(.nan), .number(-.infinity), .number(-0.0), .number(2)]).render() == "[\"nan\", \"-inf\", -0.0, 2.0]")
    }
}
