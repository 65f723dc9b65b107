import Foundation
import Testing

/// `qarch fuzz`: the saved reproducers stay fixed, and a short run of every family finds
/// nothing (the 10^4-per-family run is `make fuzz N=10000`, part of `make test`).
@Suite struct FuzzTests {
    static let corpus = QArchProcess.packageRoot.appendingPathComponent("Tests/CLITests/Corpus").path

    @Test func everySavedReproducerIsFixed() throws {
        let run = try QArchProcess.run(["fuzz", "--replay", Self.corpus], shell: "cd '\(QArchProcess.packageRoot.path)' && exec \"$0\" \"$@\"")
        #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
        let count = (try FileManager.default.subpathsOfDirectory(atPath: Self.corpus)).filter { $0.contains(".") }.count
        #expect(run.stdout.contains("replayed \(count) reproducers, 0 findings"), "\(run.stdout)")
        #expect(count >= 2)
    }

    @Test func aShortRunOfEveryFamilyFindsNothing() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try QArchProcess.run(["fuzz", "-n", "200", "--findings", dir.path], shell: "cd '\(QArchProcess.packageRoot.path)' && exec \"$0\" \"$@\"")
        #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
        for family in ["design", "sweep-spec", "workload", "npy", "safetensors", "tokenizer", "model-config", "scalesim-config",
                       "scalesim-topology", "port-map"] {
            #expect(run.stdout.contains("\n\(family) "), "no line for \(family) in \(run.stdout)")
        }
    }

    @Test func aCrashIsReportedWithItsInput() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try QArchProcess.run(["fuzz", "--family", "npy", "-n", "100", "--findings", dir.path],
                                       shell: "cd '\(QArchProcess.packageRoot.path)' && QARCH_FUZZ_SELF_TEST=crash exec \"$0\" \"$@\"")
        #expect(run.exitCode == 1)
        #expect(run.stdout.contains("a crash, input in \(dir.path)/npy-crash.bin"), "\(run.stdout)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("npy-crash.bin").path))
    }

    /// Fuzz finding (Corpus/npy/newline-in-descr.bin): a newline in the header's descr made the
    /// error two lines; control characters are now escaped.
    @Test func anNpyDescrWithANewlineIsOneErrorLine() throws {
        try withTemporaryFile(named: "nl.npy", bytes: npyBytes(descr: "<f\n", shape: "(2,)", data: floatBytes([1, 2]))) { path in
            let run = try QArchProcess.run(["formats", "quantize", "e2m1", "--input", path])
            #expect(run.exitCode == 1)
            #expect(run.stderrLines.count == 1, "\(run.stderr)")
            #expect(run.stderr.contains("found '<f\\n'"), "\(run.stderr)")
        }
    }
}
