import Foundation
import Testing

/// Shape, count and grid sizes beyond what qarch computes exactly are refused with one
/// line and exit 1 (issue 18, items 1, 2, 4 and 5) — never a trap, a wrapped or negative
/// count, a saturated total, an allocation failure or a silently dropped design.
@Suite struct OverflowTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let int8 = root.appendingPathComponent("Designs/int8-systolic.json").path

    /// Exit `code`, nothing on stdout, exactly one `qarch: error:` line containing `text`.
    static func expectRefused(_ r: QArchRun, code: Int32 = 1, containing text: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.exitCode == code, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(r.stderrLines.count == 1, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.hasPrefix("qarch: error: ") && r.stderr.contains(text), "\(r.stderr)", sourceLocation: sourceLocation)
    }

    /// A workload file with one GEMM.
    static func workload(m: Int, k: Int, n: Int, count: Int, _ body: (String) throws -> Void) throws {
        let json = #"{"name": "w", "gemms": [{"name": "g", "m": \#(m), "k": \#(k), "n": \#(n), "count": \#(count)}]}"#
        try withTemporaryFile(named: "w.json", bytes: Array(json.utf8), body)
    }

    // Item 1: built-in workloads whose M·K·N overflows (old main: SIGILL in FoldRecurrence.swift).
    @Test("built-in workloads beyond 2^62 MACs are refused", arguments: [
        "llama-2-7b:prefill:9223372036854775807:layer", "llama-2-7b:prefill:1000000000000:layer",
        "llama-2-7b:prefill:100000000000000000:layer",
    ])
    func builtInWorkloadBeyondTheLimit(workload: String) throws {
        let r = try QArchProcess.run(["evaluate", Self.int8, "--workload", workload])
        Self.expectRefused(r, containing: "workload \(workload): gemms[0] (q_proj): M·K·N = ")
        #expect(r.stderr.contains("MACs exceeds the limit 2^62 (= 4611686018427387904)"))
    }

    /// The whole workload counts: seven GEMMs each within 2^62, together beyond it (old main:
    /// "-… MACs" or saturated cycles).
    @Test func workloadTotalBeyondTheLimit() throws {
        let r = try QArchProcess.run(["evaluate", Self.int8, "--workload", "llama-2-7b:prefill:100000000000:layer"])
        Self.expectRefused(r, containing: "gemms[2] (v_proj): the workload's MACs, Σ count·M·K·N up to here, exceed the limit 2^62")
    }

    // Item 4: workload files (old main: "-9223372036854775808 MACs" and "-8 MACs", exit 0).
    @Test func workloadFileShapeAndCountBeyondTheLimit() throws {
        try Self.workload(m: 2_097_152, k: 2_097_152, n: 2_097_152, count: 1) { path in
            Self.expectRefused(try QArchProcess.run(["evaluate", Self.int8, "--workload", path]),
                               containing: "\(path): gemms[0] (g): M·K·N = 2097152·2097152·2097152 MACs exceeds the limit 2^62")
        }
        // A count of 2^63 − 1 is past what a JSON number holds exactly (2^53): refused at its path.
        try Self.workload(m: 2, k: 2, n: 2, count: Int.max) { path in
            Self.expectRefused(try QArchProcess.run(["evaluate", Self.int8, "--workload", path]),
                               containing: "\(path): gemms[0].count: expected an integer 0…9007199254740992")
        }
        // Within it, count·M·K·N can still pass 2^62.
        try Self.workload(m: 1024, k: 1024, n: 1024, count: 1 << 53) { path in
            Self.expectRefused(try QArchProcess.run(["evaluate", Self.int8, "--workload", path]),
                               containing: "\(path): gemms[0] (g): count·M·K·N = 9007199254740992·1024·1024·1024 MACs exceeds")
        }
    }

    /// Exactly 2^62 MACs is accepted and counted exactly.
    @Test func workloadAtTheLimitIsExact() throws {
        try Self.workload(m: 1 << 20, k: 1 << 21, n: 1 << 21, count: 1) { path in
            let r = try QArchProcess.run(["evaluate", Self.int8, "--workload", path, "--json"])
            #expect(r.exitCode == 0, "\(r.stderr)")
            let costs = try #require(try r.json() as? [[String: Any]])
            #expect((costs.first?["macs"] as? NSNumber)?.int64Value == 1 << 62)
            #expect(((costs.first?["cycles"] as? NSNumber)?.int64Value ?? -1) > 0)
        }
    }

    /// Counts that keep the MACs within 2^62 but add the cycles past 2^63 − 1 are refused
    /// naming the cycles (old main: saturated at 9223372036854775807): 32 GEMMs of 1×1×1, each
    /// 2^53 times (the largest count a workload file holds), about 65 cycles each.
    @Test func workloadCyclesBeyondInt64() throws {
        let gemms = (0..<32).map { #"{"name": "g\#($0)", "m": 1, "k": 1, "n": 1, "count": 9007199254740992}"# }
        let json = #"{"name": "w", "gemms": [\#(gemms.joined(separator: ", "))]}"#
        try withTemporaryFile(named: "w.json", bytes: Array(json.utf8)) { path in
            Self.expectRefused(try QArchProcess.run(["evaluate", Self.int8, "--workload", path]),
                               containing: "workload w: gemms[10] (g10): cycles exceed 2^63−1")
        }
    }

    // Item 1 (gemm): old main SIGSEGV and SIGILL in Matrix.init.
    @Test("gemm shapes beyond 2^62 MACs are refused", arguments: [
        ["9223372036854775807", "1", "1"], ["4294967296", "4294967296", "1"],
    ])
    func gemmBeyondTheLimit(mkn: [String]) throws {
        let r = try QArchProcess.run(["gemm", "--design", Self.int8, "--m", mkn[0], "--k", mkn[1], "--n", mkn[2]])
        Self.expectRefused(r, containing: "GEMM \(mkn.joined(separator: "×")): M·K·N = \(mkn.joined(separator: "·")) MACs exceeds the limit 2^62")
    }

    // Item 2: value runs too big for memory (old main: "Fatal error: failed to allocate", exit 134).
    @Test("gemm value runs beyond the memory limit are refused before allocating", arguments: [
        (["65536", "65536", "65536", "--mode", "fast"], "about 384 GiB (412316860416 bytes)"),
        (["100000", "1", "100000"], "about 298 GiB (320006400000 bytes)"),
    ])
    func gemmBeyondTheMemoryLimit(arguments: [String], size: String) throws {
        let r = try QArchProcess.run(["gemm", "--design", Self.int8, "--m", arguments[0], "--k", arguments[1], "--n", arguments[2]]
                                     + arguments.dropFirst(3))
        Self.expectRefused(r, containing: "needs \(size) for A, B, C and their working copies; the limit is 16 GiB (--max-memory)")
    }

    @Test func gemmMaxMemoryOption() throws {
        let small = ["gemm", "--design", Self.int8, "--m", "64", "--k", "64", "--n", "64"]
        #expect(try QArchProcess.run(small).exitCode == 0)
        Self.expectRefused(try QArchProcess.run(small + ["--max-memory", "0.0001"]),
                           containing: "GEMM 64×64×64 needs about 0.000366 GiB (393216 bytes)")
        Self.expectRefused(try QArchProcess.run(small + ["--max-memory", "0"]), code: 1,
                           containing: "--max-memory: expected a positive number of GiB, found 0.0")
    }

    /// A sweep spec with `designs` and `workloads` as given (design files in `Designs/`).
    static func spec(designs: String, workloads: String = #"["llama-2-7b:decode:1:layer"]"#,
                     sampling: String = #"{"kind": "grid"}"#, _ body: (String, String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qarch-overflow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = #"{"schema_version": 1, "name": "overflow", "designs": \#(designs), "workloads": \#(workloads), "sampling": \#(sampling)}"#
        let path = dir.appendingPathComponent("spec.json").path
        try Data(json.replacingOccurrences(of: "DESIGNS", with: root.appendingPathComponent("Designs").path).utf8)
            .write(to: URL(fileURLWithPath: path))
        try body(path, dir.appendingPathComponent("out").path)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    // Item 1 in a sweep spec (old main: SIGILL).
    @Test func exploreWorkloadBeyondTheLimit() throws {
        try Self.spec(designs: #"[{"file": "DESIGNS/int8-systolic.json"}]"#,
                      workloads: #"["llama-2-7b:prefill:9223372036854775807:layer"]"#) { spec, out in
            Self.expectRefused(try QArchProcess.run(["explore", spec, "--out", out]),
                               containing: "\(spec): workloads[0]: workload 'llama-2-7b:prefill:9223372036854775807:layer': gemms[0] (q_proj): M·K·N")
        }
    }

    /// 16 axes × 16 values on one design: 2^64 points.
    static let sixteenAxes: String = {
        let paths = ["array.rows", "array.cols", "technology.node_nm", "dram.bytes_per_cycle", "dram.read_pj_per_bit",
                     "dram.write_pj_per_bit"] + (0..<3).flatMap { i in ["size_kib", "banks", "width_bits"].map { "memories[\(i)].\($0)" } }
            + ["technology.frequency_mhz"]
        let axes = paths.map { p in "\"\(p)\": [\((1...16).map { p.hasSuffix("frequency_mhz") ? String(100 * $0) : String($0) }.joined(separator: ", "))]" }
        return #"[{"file": "DESIGNS/int8-systolic.json", "axes": {"# + axes.joined(separator: ", ") + #"}}, {"file": "DESIGNS/fp16-systolic.json"}]"#
    }()

    // Item 5: old main wrote a report of "1 points" (the 2^64-point design wrapped to 0), exit 0.
    @Test func exploreGridOf2To64PointsIsRefused() throws {
        try Self.spec(designs: Self.sixteenAxes) { spec, out in
            Self.expectRefused(try QArchProcess.run(["explore", spec, "--out", out]),
                               containing: "\(spec): sampling: expected a grid of at most 1000000 points, found 2^63 or more")
        }
        try Self.spec(designs: Self.sixteenAxes, sampling: #"{"kind": "random", "points": 3}"#) { spec, out in
            Self.expectRefused(try QArchProcess.run(["explore", spec, "--out", out]),
                               containing: "\(spec): designs: expected a space of at most 2^63−1 points to sample from, found 2^63 or more")
        }
    }

    /// "grid too large" shows the true size: 2^63 or more when the sum overflows (old main:
    /// the 2^64-point design wrapped to 0, so it printed the other design's 2^21), and the
    /// exact count when it fits.
    @Test func exploreGridTooLargeShowsTheTrueSize() throws {
        let sevenAxes = #"{"file": "DESIGNS/fp16-systolic.json", "axes": {"# + ["array.rows", "array.cols", "technology.node_nm",
            "dram.bytes_per_cycle", "memories[0].banks", "memories[1].banks", "memories[2].banks"]
            .map { "\"\($0)\": [1, 2, 3, 4, 5, 6, 7, 8]" }.joined(separator: ", ") + "}}"
        let both = Self.sixteenAxes.replacingOccurrences(of: #", {"file": "DESIGNS/fp16-systolic.json"}]"#, with: ", \(sevenAxes)]")
        try Self.spec(designs: both) { spec, out in
            Self.expectRefused(try QArchProcess.run(["explore", spec, "--out", out]),
                               containing: "\(spec): sampling: expected a grid of at most 1000000 points, found 2^63 or more; use")
        }
        let eight = Self.sixteenAxes.replacingOccurrences(of: ", 9, 10, 11, 12, 13, 14, 15, 16", with: "")
            .replacingOccurrences(of: ", 900, 1000, 1100, 1200, 1300, 1400, 1500, 1600", with: "")
        try Self.spec(designs: eight) { spec, out in
            // 8^16 = 2^48 points on the first design, 1 on the second.
            Self.expectRefused(try QArchProcess.run(["explore", spec, "--out", out]),
                               containing: "found \((1 << 48) + 1); use")
        }
    }
}
