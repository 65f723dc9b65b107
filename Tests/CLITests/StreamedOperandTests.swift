import Foundation
import Testing

/// `gemm --a/--b` read memory-mapped (`NpyMapping`), `--counts-only` (cycles, traffic and cost
/// without values) and `--timings` (opt-in, so the default report stays byte-identical).
@Suite struct StreamedOperandTests {
    static let design = QArchProcess.packageRoot.appendingPathComponent("Designs/mixpe-w4a8.json").path

    /// Seeded operands 9×K (float64) and K×7 (float32), K = 40 unless given.
    func withOperands(k: Int = 40, seed: UInt64 = 0x9E37, _ body: (String, String) throws -> Void) throws {
        var x = seed
        func next() -> Double {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            return Double(Int64(bitPattern: x >> 11) % 2001 - 1000) / 500
        }
        let a = npyBytes(shape: "(9, \(k))", data: floatBytes((0..<(9 * k)).map { _ in next() }))
        let b = npyBytes(descr: "<f4", shape: "(\(k), 7)", data: floatBytes((0..<(7 * k)).map { _ in next() / 50 }, float32: true))
        try withTemporaryFile(named: "a.npy", bytes: a) { pa in
            try withTemporaryFile(named: "b.npy", bytes: b) { pb in try body(pa, pb) }
        }
    }

    @Test func countsOnlyGivesTheValueRunsCountsWithoutValues() throws {
        try withOperands { a, b in
            let full = try QArchProcess.run(["gemm", "--design", Self.design, "--a", a, "--b", b, "--json"])
            let counts = try QArchProcess.run(["gemm", "--design", Self.design, "--a", a, "--b", b, "--counts-only", "--json"])
            #expect(full.exitCode == 0 && counts.exitCode == 0, "\(full.stderr)\(counts.stderr)")
            var f = try #require(try full.json() as? [String: Any]), c = try #require(try counts.json() as? [String: Any])
            #expect(c["actions"] is NSNull && c["error"] is NSNull)
            #expect((f["actions"] as? [String: Any])?.isEmpty == false)
            // The value run streamed its files (panels of up to 512 rows / columns: all of these).
            let memory = try #require(f["value_memory"] as? [String: Any])
            #expect(memory["streamed"] as? Bool == true && memory["panel_rows"] as? Int == 9 && memory["panel_cols"] as? Int == 7)
            #expect(c["value_memory"] == nil)
            for key in ["actions", "error", "value_memory"] { f[key] = nil; c[key] = nil }
            #expect(NSDictionary(dictionary: f) == NSDictionary(dictionary: c))
            #expect(c["m"] as? Int == 9 && c["k"] as? Int == 40 && c["n"] as? Int == 7)
        }
    }

    /// A file read through a pipe (not mappable) gives the same report as the mapped file.
    @Test func pipedAndMappedFilesAgree() throws {
        try withOperands { a, b in
            let mapped = try QArchProcess.run(["gemm", "--design", Self.design, "--a", a, "--b", b, "--json"])
            let piped = try QArchProcess.launch(URL(fileURLWithPath: "/bin/sh"), ["-c",
                "cat '\(a)' | '\(QArchProcess.executable.path)' gemm --design '\(Self.design)' --a /dev/stdin --b '\(b)' --json"], in: nil)
            #expect(mapped.exitCode == 0 && piped.exitCode == 0, "\(piped.stderr)")
            #expect(mapped.stdout == piped.stdout)
        }
    }

    @Test func timingsOnlyWhenAsked() throws {
        let plain = try QArchProcess.run(["gemm", "--design", Self.design, "--m", "8", "--k", "128", "--n", "8", "--json"])
        let timed = try QArchProcess.run(["gemm", "--design", Self.design, "--m", "8", "--k", "128", "--n", "8", "--json", "--timings"])
        #expect(!plain.stdout.contains("timings") && !plain.stdout.contains("peak_memory_bytes"))
        let doc = try #require(try timed.json() as? [String: Any])
        let phases = try #require(doc["timings"] as? [String: Double])
        #expect(Set(phases.keys).isSuperset(of: ["operands", "schedule", "quantize", "values", "reference", "error", "cost", "total"]))
        #expect(phases.values.allSatisfy { $0 >= 0 } && phases["total"]! >= phases["values"]!)
        #expect((doc["peak_memory_bytes"] as? Int ?? 0) > 1 << 20)
    }

    @Test func countsOnlyRefusesOut() throws {
        let r = try QArchProcess.run(["gemm", "--design", Self.design, "--m", "8", "--k", "8", "--n", "8", "--counts-only", "--out", "/tmp/x.npy"])
        #expect(r.exitCode == 2 && r.stderrLines == ["qarch: error: --out needs values; it cannot be given with --counts-only"])
    }

    /// A GEMM far beyond the value-run memory limit is counted (2^42 MACs, no values): at
    /// least MACs / (64·64 PEs · 2 weight lanes of the (8,4) PE) compute cycles.
    @Test func countsOnlyAcceptsAHugeGEMM() throws {
        let r = try QArchProcess.run(["gemm", "--design", Self.design, "--m", "16384", "--k", "16384", "--n", "16384", "--counts-only", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let cycles = try #require((try r.json() as? [String: Any])?["cycles"] as? [String: Int])
        #expect((cycles["compute"] ?? 0) >= 16384 * 16384 * 16384 / (64 * 64 * 2))
    }

    /// With --panel-memory 1 and K = 20000 every panel is one row or column (63 tiles of
    /// 9 × 7): the report equals the default one-panel run's but for `value_memory` and the
    /// action counts (per-row work MixPE shares along N, its activation sums, is counted once
    /// per column panel); the values, error, cycles, traffic and cost are the same.
    @Test func onePanelPerRowAndColumnGivesTheSameReport() throws {
        try withOperands(k: 20000, seed: 7) { pa, pb in
            let base = ["gemm", "--design", Self.design, "--a", pa, "--b", pb, "--json"]
            let whole = try QArchProcess.run(base)
            let tiny = try QArchProcess.run(base + ["--panel-memory", "1"])
            #expect(whole.exitCode == 0 && tiny.exitCode == 0, "\(whole.stderr)\(tiny.stderr)")
            var w = try #require(try whole.json() as? [String: Any]), t = try #require(try tiny.json() as? [String: Any])
            let wm = try #require(w["value_memory"] as? [String: Any]), tm = try #require(t["value_memory"] as? [String: Any])
            #expect(wm["panel_rows"] as? Int == 9 && wm["panel_cols"] as? Int == 7)
            #expect(tm["panel_rows"] as? Int == 1 && tm["panel_cols"] as? Int == 1)
            #expect(NSDictionary(dictionary: w["error"] as? [String: Any] ?? [:]) == NSDictionary(dictionary: t["error"] as? [String: Any] ?? ["": 0]))
            for key in ["value_memory", "actions"] { w[key] = nil; t[key] = nil }
            #expect(NSDictionary(dictionary: w) == NSDictionary(dictionary: t))
            let bad = try QArchProcess.run(base + ["--panel-memory", "0"])
            #expect(bad.exitCode == 1 && bad.stderrLines == ["qarch: error: --panel-memory: expected 1 to 2^40 MiB, found 0.0"], "\(bad.stderr)")
        }
    }
}
