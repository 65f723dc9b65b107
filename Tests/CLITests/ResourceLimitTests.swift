import Foundation
import Testing

/// Each resource limit refuses before work starts, in one line naming the size asked, the
/// limit and what raises it, with exit 1 (issue 15, item 2).
@Suite struct ResourceLimitTests {
    static let root = QArchProcess.packageRoot
    static let design = root.appendingPathComponent("Designs/int8-systolic.json").path

    func refused(_ run: QArchRun, _ parts: [String]) {
        #expect(run.exitCode == 1)
        #expect(run.stderrLines.count == 1, "\(run.stderr)")
        for p in parts { #expect(run.stderr.contains(p), "missing '\(p)' in \(run.stderr)") }
    }

    @Test func gemmBeyondPhysicalMemoryIsRefusedWhatever__maxMemorySays() throws {
        let run = try QArchProcess.run(["gemm", "--design", Self.design, "--m", "65536", "--k", "65536", "--n", "65536", "--max-memory", "100000"])
        refused(run, ["GEMM 65536×65536×65536 needs about 384 GiB", "the machine's physical memory", "--max-memory cannot raise"])
    }

    @Test func gemmBeyond__maxMemoryNamesTheFlag() throws {
        let run = try QArchProcess.run(["gemm", "--design", Self.design, "--m", "20000", "--k", "20000", "--n", "20000", "--max-memory", "1"])
        refused(run, ["needs about 35.8 GiB", "the limit is 1 GiB (--max-memory)"])
    }

    @Test func cyclesAndEnergyOfAHugeGemmNeedNoValues() throws {
        let big = #"{"name": "huge", "gemms": [{"name": "g", "m": 1000000, "k": 1000000, "n": 1000000, "count": 1}]}"#
        try withTemporaryFile(named: "huge.json", bytes: Array(big.utf8)) { path in
            let run = try QArchProcess.run(["evaluate", Self.design, "--workload", path])
            #expect(run.exitCode == 0, "\(run.stderr)")
        }
    }

    @Test func aSweepOverTheGridLimitIsRefusedBeforeWork() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let values = (1...1000).map(String.init).joined(separator: ", ")
        let spec = dir.appendingPathComponent("huge.json")
        try Data("""
            {"schema_version": 1, "name": "huge", "designs": [{"file": "\(Self.design)"}],
             "axes": {"array.rows": [\(values)], "array.cols": [\(values)], "technology.frequency_mhz": [\(values)]},
             "workloads": ["llama-2-7b:decode:1:layer"], "sampling": {"kind": "grid"}}
            """.utf8).write(to: spec)
        let run = try QArchProcess.run(["explore", spec.path, "--out", dir.appendingPathComponent("r").path])
        refused(run, ["expected a grid of at most 1000000 points, found 1000000000"])
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("r").path))
    }

    @Test func aSweepOver__maxPointsIsRefusedWithTheFlag() throws {
        let small = Self.root.appendingPathComponent("Tests/ExplorationTests/Fixtures/small.json").path
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try QArchProcess.run(["explore", small, "--out", dir.appendingPathComponent("r").path, "--max-points", "10"])
        refused(run, ["small.json: the sweep has 16 points to evaluate; the limit is 10 points (--max-points)"])
        #expect(try QArchProcess.run(["explore", small, "--max-points", "0"]).exitCode == 1)
    }

    @Test func anNpyHeaderClaimingATrillionElementsIsRefusedBeforeAllocating() throws {
        try withTemporaryFile(named: "lie.npy", bytes: npyBytes(shape: "(1000000000000,)", data: floatBytes([1, 2]))) { path in
            let run = try QArchProcess.run(["formats", "quantize", "fp8-e4m3", "--input", path])
            refused(run, ["lie.npy: data: expected 1000000000000 × 8 = 8000000000000 bytes", "found 16"])
        }
    }

    @Test func aJSONInputOverTheSizeLimitIsRefusedUnread() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = dir.appendingPathComponent("tokenizer.json").path
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        #expect(truncate(big, 1 << 30) == 0)   // 1 GiB, sparse
        refused(try QArchProcess.run(["validate", big]),
                ["a file of 1073741824 bytes; the limit is 268435456 bytes (256 MiB; QARCH_MAX_INPUT_MIB raises it)"])
        let raised = try QArchProcess.run(["validate", big], shell: #"QARCH_MAX_INPUT_MIB=1 exec "$0" "$@""#)
        refused(raised, ["the limit is 1048576 bytes (1 MiB;"])
    }
}
