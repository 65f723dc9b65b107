import Foundation
import Testing

/// `qarch gemm`: the JSON contract, .npy inputs and output, determinism, and bad input
/// (wrong npy shape or dtype, dimension mismatch, zero-sized dimension, unknown --set path).
@Suite struct GemmTests {
    static let designs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Designs")
    static func design(_ name: String) -> String { designs.appendingPathComponent(name).path }

    @Test func jsonContract() throws {
        let r = try QArchProcess.run(["gemm", "--design", Self.design("mixpe-w4a8.json"), "--m", "8", "--k", "256", "--n", "16", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let doc = try #require(try r.json() as? [String: Any])
        for key in ["design", "m", "k", "n", "cycles", "utilization", "actions", "energy_pj", "area_um2", "error"] {
            #expect(doc[key] != nil, "missing \(key)")
        }
        let cycles = try #require(doc["cycles"] as? [String: Any])
        let total = try #require(cycles["total"] as? Int), compute = try #require(cycles["compute"] as? Int),
            stall = try #require(cycles["stall"] as? Int)
        #expect(total == compute + stall && total > 0)
        let error = try #require(doc["error"] as? [String: Any])
        #expect((error["sqnr_db"] as? Double ?? 0) > 10)
        let energy = try #require(doc["energy_pj"] as? [String: Any]), area = try #require(doc["area_um2"] as? [String: Any])
        #expect((energy["total"] as? Double ?? 0) > 0 && (area["total"] as? Double ?? 0) > 0)
        // Same seed, same bytes.
        let again = try QArchProcess.run(["gemm", "--design", Self.design("mixpe-w4a8.json"), "--m", "8", "--k", "256", "--n", "16", "--json"])
        #expect(again.stdout == r.stdout)
    }

    /// A = [[1, 2, 3, 4], [−1, 0, 0.5, 2]], B = 4×3; FP16 MAC: every value is exact in FP16, so
    /// C equals the float64 GEMM and the error is zero; --out writes a 2×3 float32 array.
    @Test func npyInputsAndOutput() throws {
        let a = npyBytes(shape: "(2, 4)", data: floatBytes([1, 2, 3, 4, -1, 0, 0.5, 2]))
        let b = npyBytes(shape: "(4, 3)", data: floatBytes([1, 0, 2, 0, 1, 0, 0.25, 0, 1, 1, 1, -1]))
        try withTemporaryFile(named: "a.npy", bytes: a) { pa in
            try withTemporaryFile(named: "b.npy", bytes: b) { pb in
                let out = URL(fileURLWithPath: pa).deletingLastPathComponent().appendingPathComponent("c.npy").path
                let r = try QArchProcess.run(["gemm", "--design", Self.design("fp16-systolic.json"), "--a", pa, "--b", pb,
                                              "--out", out, "--json"])
                #expect(r.exitCode == 0, "\(r.stderr)")
                let doc = try #require(try r.json() as? [String: Any])
                #expect(doc["m"] as? Int == 2 && doc["k"] as? Int == 4 && doc["n"] as? Int == 3)
                #expect((doc["error"] as? [String: Any])?["max_abs"] as? Double == 0)
                let written = try Data(contentsOf: URL(fileURLWithPath: out))
                #expect(Array(written.prefix(6)) == [0x93] + Array("NUMPY".utf8))
                #expect(String(decoding: written.prefix(80), as: UTF8.self).contains("'shape': (2, 3)"))
            }
        }
    }

    @Test("bad input exits 1 with one line naming the problem", arguments: [
        (["--m", "0", "--k", "4", "--n", "4"], "--m"),
        (["--m", "2", "--k", "4", "--n", "4", "--set", "array.rowz=3"], "array.rowz"),
        (["--m", "2", "--k", "4", "--n", "4", "--set", "unit.group_size=-1"], "unit.group_size"),
    ])
    func badArguments(extra: [String], mentions: String) throws {
        let r = try QArchProcess.run(["gemm", "--design", Self.design("int8-systolic.json")] + extra)
        #expect(r.exitCode == 1)
        #expect(r.stderrLines.count == 1 && r.stderrLines[0].hasPrefix("qarch: error: ") && r.stderr.contains(mentions), "\(r.stderr)")
    }

    @Test("bad npy files exit 1", arguments: [
        (npyBytes(descr: "<i4", shape: "(2, 2)", data: [UInt8](repeating: 0, count: 16)), "header.descr"),
        (npyBytes(shape: "(8,)", data: floatBytes([1, 2, 3, 4, 5, 6, 7, 8])), "header.shape"),
        (npyBytes(shape: "(0, 4)", data: []), "header.shape"),
        (npyBytes(shape: "(2, 5)", data: floatBytes([Double](repeating: 1, count: 10))), "header.shape"),   // K mismatch with B
    ])
    func badNpy(bytes: [UInt8], mentions: String) throws {
        let b = npyBytes(shape: "(4, 3)", data: floatBytes([Double](repeating: 0.5, count: 12)))
        try withTemporaryFile(named: "a.npy", bytes: bytes) { pa in
            try withTemporaryFile(named: "b.npy", bytes: b) { pb in
                let r = try QArchProcess.run(["gemm", "--design", Self.design("int8-systolic.json"), "--a", pa, "--b", pb, "--k", "4"])
                #expect(r.exitCode == 1)
                #expect(r.stderrLines.count == 1 && r.stderr.contains(mentions), "\(r.stderr)")
            }
        }
    }

    /// A missing size is the command's shape (exit 2); an unknown `--timing` a bad value (exit 1).
    @Test func usageErrorsExit2() throws {
        #expect(try QArchProcess.run(["gemm", "--design", Self.design("int8-systolic.json"), "--m", "2"]).exitCode == 2)
        #expect(try QArchProcess.run(["gemm", "--design", Self.design("int8-systolic.json"), "--m", "2", "--k", "2", "--n", "2",
                                      "--timing", "fastest"]).exitCode == 1)
    }
}

/// Byte traffic honours operand precision exactly, for a unit that streams 4 lanes per step.
@Suite struct GemmTrafficTests {
    /// BitMoD W4, M = 4, K = 256, N = 32, everything fits on chip:
    /// A = 4·256 FP16 = 2048 bytes; B = 8192 weights × (4·128 + 8)/128 bits = 4160 bytes;
    /// DRAM reads 6208; outputs 4·32 FP32 = 512 bytes written; the dequantizer reads one 8-bit
    /// scale per (column, group) = 32·2 = 64 bytes.
    @Test func bitmodBytes() throws {
        let r = try QArchProcess.run(["gemm", "--design", GemmTests.design("bitmod-w4.json"), "--m", "4", "--k", "256", "--n", "32", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let doc = try #require(try r.json() as? [String: Any])
        let memory = try #require(doc["memory"] as? [String: Any])
        #expect((memory["c"] as? [String: Any])?["dram_write"] as? Int == 512)
        #expect((memory["a"] as? [String: Any])?["dram_read"] as? Int == 2048)
        #expect((memory["b"] as? [String: Any])?["dram_read"] as? Int == 4160)
        #expect((memory["dequant_bytes"] as? [String: Any])?["read"] as? Int == 64)
    }
}
