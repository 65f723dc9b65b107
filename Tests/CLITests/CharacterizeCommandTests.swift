import Foundation
import Testing

/// `qarch characterize`: the primitive list, and the bad values and shapes it refuses before
/// running any tool (Sources/Characterize/README.md).
@Suite struct CharacterizeCommandTests {
    @Test func listNamesEveryPrimitive() throws {
        let r = try QArchProcess.run(["characterize", "--list"])
        #expect(r.exitCode == 0 && r.stderr.isEmpty)
        let names = r.stdout.split(separator: "\n").map(String.init)
        #expect(names.first == "add-u8" && names.contains("mul-u4x4") && names.contains("fp-mul-fp32") && names.contains("fp-add-e4m3"))
        #expect(Set(names).count == names.count)
    }

    @Test func unknownPrimitiveIsOneLineExitOne() throws {
        let r = try QArchProcess.run(["characterize", "--only", "add-u8", "add-u7", "--out", "/nonexistent/t.json"])
        #expect(r.exitCode == 1)
        #expect(r.stderrLines == ["qarch: error: --only: unknown primitive 'add-u7'; see 'qarch characterize --list'"])
        #expect(r.stdout.isEmpty)
    }

    @Test func shapeErrorsExitTwo() throws {
        let extra = try QArchProcess.run(["characterize", "stray"])
        #expect(extra.exitCode == 2 && extra.stderrLines.count == 1, "\(extra.stderr)")
        let empty = try QArchProcess.run(["characterize", "--out", ""])
        #expect(empty.exitCode == 1 && empty.stderrLines.count == 1, "\(empty.stderr)")
    }
}
