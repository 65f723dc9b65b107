import Foundation
import Testing

/// Issue 18 item 14: one rule for `--jobs` in every command (an integer 1…1024, a bad value
/// naming the range outside it, exit 1), and `qarch help` of an unknown command is a usage
/// error.
@Suite struct JobsAndHelpTests {
    static let small = QArchProcess.packageRoot.appendingPathComponent("Tests/ExplorationTests/Fixtures/small.json").path

    @Test("--jobs outside 1…1024 exits 1 naming the range", arguments: ["0", "-1", "1025", "100000", "x"])
    func jobsOutOfRange(value: String) throws {
        for (command, arguments) in [("explore", ["explore", Self.small]), ("verify", ["verify"]), ("bench", ["bench", "--quick"])] {
            let r = try QArchProcess.run(arguments + ["--jobs", value])
            #expect(r.exitCode == 1, "\(command) \(value): \(r.stderr)")
            #expect(r.stderrLines == ["qarch: error: The value '\(value)' is invalid for '--jobs <jobs>': expected an integer 1…1024 "
                + "(see 'qarch \(command) --help')"])
        }
    }

    @Test func jobsAtTheLimitsAreAccepted() throws {
        for jobs in ["1", "1024"] {
            let r = try QArchProcess.run(["verify", "--format", "e2m1", "--op", "encode", "--jobs", jobs])
            #expect(r.exitCode == 0, "\(r.stderr)")
        }
    }

    @Test("help of an unknown command exits 2", arguments: ["help nonexistent", "help formats nosuch", "help explore extra"])
    func unknownHelpTopic(commandLine: String) throws {
        let r = try QArchProcess.run(commandLine)
        #expect(r.exitCode == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderrLines.count == 1 && r.stderr.hasPrefix("qarch: error: unknown command '"), "\(r.stderr)")
    }

    @Test func helpOfAKnownCommandStillWorks() throws {
        let r = try QArchProcess.run("help formats quantize")
        #expect(r.exitCode == 0 && r.stdout.hasPrefix("OVERVIEW: Round values"))
    }
}
