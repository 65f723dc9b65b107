import Foundation
import Testing

/// `explore` interrupted by SIGINT halfway loses nothing, and `--resume` continues from the
/// finished ranges to the bytes of an uninterrupted run (issue 15, item 3).
@Suite struct InterruptResumeTests {
    /// A sweep of 1536 points, big enough to take a few seconds in a debug build.
    static func spec(in dir: URL) throws -> String {
        let designs = QArchProcess.packageRoot.appendingPathComponent("Designs").path
        let text = """
            {"schema_version": 1, "name": "interrupt", "designs": [{"file": "\(designs)/int8-systolic.json"}, {"file": "\(designs)/mixpe-w4a8.json"}],
             "axes": {"array.rows": [4, 8, 12, 16, 24, 32, 48, 64], "array.cols": [4, 8, 12, 16, 24, 32, 48, 64],
                      "technology.frequency_mhz": [300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200, 1300, 1400]},
             "workloads": ["vit-base:prefill:16:layer", "llama-2-7b:decode:1:layer"], "sampling": {"kind": "grid"},
             "error": {"m": 4, "k": 256, "n": 8, "seed": 3}}
            """
        let path = dir.appendingPathComponent("interrupt.json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Every file of `folder` (names and bytes), hidden ones included.
    static func contents(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            out[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return out
    }

    @Test func sigintAtHalfLeavesThePreviousReportAndResumeGivesTheUninterruptedBytes() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = try Self.spec(in: dir)
        let clean = dir.appendingPathComponent("clean"), out = dir.appendingPathComponent("out")
        let small = QArchProcess.packageRoot.appendingPathComponent("Tests/ExplorationTests/Fixtures/small.json").path
        #expect(try QArchProcess.run(["explore", spec, "--out", clean.path, "--jobs", "1"]).exitCode == 0)
        // A previous report in the folder the interrupted run writes to.
        #expect(try QArchProcess.run(["explore", small, "--out", out.path]).exitCode == 0)
        let previous = try Self.contents(out)

        let process = Process()
        process.executableURL = QArchProcess.executable
        process.arguments = ["explore", spec, "--out", out.path, "--jobs", "1", "--resume"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let partial = dir.appendingPathComponent(".out.qarch-partial")
        func ranges() -> Int {
            let subs = (try? FileManager.default.contentsOfDirectory(atPath: partial.path)) ?? []
            return subs.reduce(0) { n, s in
                n + ((try? FileManager.default.contentsOfDirectory(atPath: partial.appendingPathComponent(s).path)) ?? [])
                    .filter { $0.hasPrefix("range-") && $0.hasSuffix(".json") }.count
            }
        }
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, ranges() < 32, Date() < deadline { usleep(2_000) }
        let halfway = ranges()
        kill(process.processIdentifier, SIGINT)
        try QArchProcess.waitUnderWatchdog(process, ["qarch"] + process.arguments!)
        #expect(halfway >= 32 && halfway < 64, "interrupted after \(halfway) of 64 ranges")
        #expect(process.terminationReason == .uncaughtSignal || process.terminationStatus == 128 + SIGINT)
        // The previous report is whole, and nothing half-written sits beside it.
        #expect(try Self.contents(out) == previous)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".out.qarch-") }
        #expect(siblings == [".out.qarch-partial"])

        let resumed = try QArchProcess.run(["explore", spec, "--out", out.path, "--jobs", "2", "--resume"])
        #expect(resumed.exitCode == 0, "\(resumed.stderr)")
        #expect(try Self.contents(out) == Self.contents(clean))
        #expect(!FileManager.default.fileExists(atPath: partial.path))
    }

    @Test func resumeReusesTheSavedRangesAndIgnoresAnotherSpecs() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let small = QArchProcess.packageRoot.appendingPathComponent("Tests/ExplorationTests/Fixtures/small.json").path
        let clean = dir.appendingPathComponent("clean"), out = dir.appendingPathComponent("out")
        #expect(try QArchProcess.run(["explore", small, "--out", clean.path]).exitCode == 0)
        // A stale range of another spec (its fingerprint differs) is not read.
        let stale = dir.appendingPathComponent(".out.qarch-partial/0000000000000000")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: stale.appendingPathComponent("range-0.json"))
        let run = try QArchProcess.run(["explore", small, "--out", out.path, "--resume"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(try Self.contents(out) == Self.contents(clean))
    }
}
