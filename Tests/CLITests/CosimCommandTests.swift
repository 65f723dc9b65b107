import Foundation
import Testing

/// `qarch cosim` under Verilator on the project-written RTL in Tests/CosimTests/rtl: each good
/// module passes 10^5 random vectors and every edge vector, every protocol is exercised, each
/// broken copy is reported with its failing field, and bad input gets one line naming the
/// file and the JSON path. Builds are shared through one cache folder.
@Suite struct CosimCommandTests {
    static let rtl = QArchProcess.packageRoot.appendingPathComponent("Tests/CosimTests/rtl")
    static let cache = FileManager.default.temporaryDirectory.appendingPathComponent("qarch-cosim-test-cache").path

    static func design(_ name: String) -> String { QArchProcess.packageRoot.appendingPathComponent("Designs/\(name).json").path }
    static func file(_ name: String) -> String { rtl.appendingPathComponent(name).path }

    /// A module, its files, port map and the design operation it implements.
    struct Module: Sendable, CustomStringConvertible {
        let top: String, files: [String], ports: String, design: String, op: String?, field: String
        var description: String { top }

        func arguments(count: Int, extra: [String] = []) -> [String] {
            ["cosim", "--design", CosimCommandTests.design(design), "--rtl"] + files.map(CosimCommandTests.file)
                + ["--top", top, "--ports", CosimCommandTests.file(ports), "--count", "\(count)", "--edge", "--cache", CosimCommandTests.cache]
                + (op.map { ["--op", $0] } ?? []) + extra
        }
    }

    static let good = [
        Module(top: "e2m1_mul", files: ["e2m1_mul.v"], ports: "e2m1_mul.ports.json", design: "mxfp4-dot", op: "product", field: "p"),
        Module(top: "mixpe_w4a8_step", files: ["mixpe_w4a8_step.v", "mixpe_w4a8_lane.v"], ports: "mixpe_w4a8_step.ports.json",
               design: "mixpe-w4a8", op: nil, field: "psum_out"),
        Module(top: "mxfp4_block_dot", files: ["mxfp4_block_dot.v"], ports: "mxfp4_block_dot.ports.json", design: "mxfp4-dot",
               op: nil, field: "y"),
        Module(top: "hif8_mac", files: ["hif8_mac.v", "hif8_decode.v", "fp32_add.v"], ports: "hif8_mac.ports.json", design: "hif8-mac",
               op: nil, field: "acc_out"),
    ]

    static let variants = [
        Module(top: "e2m1_mul_pipelined", files: ["e2m1_mul_pipelined.v", "e2m1_mul.v"], ports: "e2m1_mul_pipelined.ports.json",
               design: "mxfp4-dot", op: "product", field: "p"),
        Module(top: "mixpe_w4a8_handshake", files: ["mixpe_w4a8_handshake.v", "mixpe_w4a8_lane.v"], ports: "mixpe_w4a8_handshake.ports.json",
               design: "mixpe-w4a8", op: nil, field: "psum_out"),
        Module(top: "mixpe_w4a8_serial", files: ["mixpe_w4a8_serial.v", "mixpe_w4a8_lane.v"], ports: "mixpe_w4a8_serial.ports.json",
               design: "mixpe-w4a8", op: nil, field: "psum_out"),
    ]

    static let broken = [
        Module(top: "e2m1_mul_broken", files: ["e2m1_mul_broken.v"], ports: "e2m1_mul.ports.json", design: "mxfp4-dot", op: "product", field: "p"),
        Module(top: "mixpe_w4a8_step_broken", files: ["mixpe_w4a8_step_broken.v", "mixpe_w4a8_lane.v"], ports: "mixpe_w4a8_step.ports.json",
               design: "mixpe-w4a8", op: nil, field: "psum_out"),
        Module(top: "mxfp4_block_dot_broken", files: ["mxfp4_block_dot_broken.v"], ports: "mxfp4_block_dot.ports.json", design: "mxfp4-dot",
               op: nil, field: "y"),
        Module(top: "hif8_mac_broken", files: ["hif8_mac_broken.v", "hif8_decode_broken.v", "fp32_add.v"], ports: "hif8_mac.ports.json",
               design: "hif8-mac", op: nil, field: "acc_out"),
    ]

    @Test(arguments: good) func goodModulePassesAHundredThousandRandomAndEveryEdgeVector(_ m: Module) throws {
        let r = try QArchProcess.run(m.arguments(count: 100_000, extra: ["--json"]))
        #expect(r.exitCode == 0, "\(r.stderr)\(r.stdout.prefix(2000))")
        let doc = try #require(try r.json() as? [String: Any])
        #expect((doc["cases"] as? Int ?? 0) > 100_000)
        #expect(doc["mismatches"] as? Int == 0 && (doc["first_mismatches"] as? [Any])?.isEmpty == true)
        #expect((doc["failing_fields"] as? [String: Int]) == [m.field: 0])
    }

    @Test(arguments: variants) func everyProtocolPasses(_ m: Module) throws {
        let r = try QArchProcess.run(m.arguments(count: 10_000))
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout.contains("checked \(m.field): ") && r.stdout.contains(" cases, 0 mismatches"))
    }

    @Test(arguments: broken) func brokenCopyIsReportedWithItsFailingField(_ m: Module) throws {
        let r = try QArchProcess.run(m.arguments(count: 2000, extra: ["--show", "3"]))
        #expect(r.exitCode == 1 && r.stderr.isEmpty, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 6 && lines[2] == "first mismatches:", "\(r.stdout)")
        #expect(lines[1].contains(" mismatches (\(m.field) "))
        for line in lines.dropFirst(3) {
            #expect(line.hasPrefix("  case ") && line.contains("; expected \(m.field)=0x") && line.contains("; got \(m.field)=0x")
                    && line.hasSuffix("; failing \(m.field)"), "\(line)")
        }
        let json = try QArchProcess.run(m.arguments(count: 2000, extra: ["--json", "--show", "1"]))
        #expect(json.exitCode == 1)
        let doc = try #require(try json.json() as? [String: Any])
        #expect((doc["mismatches"] as? Int ?? 0) > 0 && ((doc["failing_fields"] as? [String: Int])?[m.field] ?? 0) > 0)
        let first = try #require((doc["first_mismatches"] as? [[String: Any]])?.first)
        #expect(first["failing"] as? [String] == [m.field])
        #expect((first["in"] as? [String: String])?.values.allSatisfy { $0.hasPrefix("0x") } == true)
        #expect((first["expected"] as? [String: String])?[m.field] != (first["got"] as? [String: String])?[m.field])
    }

    @Test func aSecondRunReusesTheBuild() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let m = Self.good[0]
        var args = m.arguments(count: 100, extra: ["--timing"])
        args[args.firstIndex(of: Self.cache)!] = dir.path
        let first = try QArchProcess.run(args), second = try QArchProcess.run(args)
        #expect(first.exitCode == 0 && second.exitCode == 0)
        #expect(first.stderr.contains("(new)") && second.stderr.contains("(cached)"), "\(first.stderr) \(second.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).count == 1)
    }

    @Test func vectorsFromQArchVectorsRoundTrip() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("vec").path
        #expect(try QArchProcess.run(["vectors", "--design", Self.design("mixpe-w4a8"), "--count", "500", "--edge", "--out", out]).exitCode == 0)
        let m = Self.good[1]
        let r = try QArchProcess.run(m.arguments(count: 0, extra: ["--vectors", out + "/vectors.jsonl"]))
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout.contains("(from \(out)/vectors.jsonl)") && r.stdout.contains("0 mismatches"))
    }

    /// Writes `text` into a fresh folder as `name`, runs `arguments(path)` and expects exactly one error line.
    func oneErrorLine(_ name: String, _ text: String, shell: String = #"exec "$0" "$@""#, _ arguments: (String) -> [String]) throws -> String {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let r = try QArchProcess.run(arguments(path), shell: shell)
        #expect(r.exitCode == 1 && r.stdout.isEmpty && r.stderrLines.count == 1, "\(r.stderr)")
        return r.stderr.replacingOccurrences(of: path, with: "FILE")
    }

    @Test func portTheModuleLacks() throws {
        let m = Self.good[0]
        let text = #"{"protocol": {"kind": "combinational"}, "inputs": [{"port": "a", "field": "a"}, {"port": "x", "field": "b"}], "outputs": [{"port": "p", "field": "p"}]}"#
        let e = try oneErrorLine("bad.ports.json", text) { path in
            var a = m.arguments(count: 10); a[a.firstIndex(of: Self.file(m.ports))!] = path; return a
        }
        #expect(e == "qarch: error: FILE: inputs[1].port: expected a port of module e2m1_mul (a, b, p), found 'x'\n")
    }

    @Test func portWidthDiffersFromTheField() throws {
        let m = Self.good[1]
        let text = #"{"protocol": {"kind": "combinational"}, "inputs": [{"port": "w", "field": "a"}], "outputs": [{"port": "psum_out", "field": "psum_out"}]}"#
        let e = try oneErrorLine("bad.ports.json", text) { path in
            var a = m.arguments(count: 10); a[a.firstIndex(of: Self.file(m.ports))!] = path; return a
        }
        #expect(e == "qarch: error: FILE: inputs[0].port: expected a port of 32 bits for field a, found 'w' of 16 bits\n")
    }

    @Test func portMapErrorsNameTheJSONPath() throws {
        let m = Self.good[0]
        let text = #"{"protocol": {"kind": "pipelined"}, "inputs": [], "outputs": [{"port": "p", "field": "p"}], "clock": "clk"}"#
        let e = try oneErrorLine("bad.ports.json", text) { path in
            var a = m.arguments(count: 10); a[a.firstIndex(of: Self.file(m.ports))!] = path; return a
        }
        #expect(e == "qarch: error: FILE: protocol.latency: expected an integer 1…1024, found nothing (missing)\n")
    }

    @Test func missingVerilatorSaysHowToInstallIt() throws {
        let m = Self.good[0]
        let r = try QArchProcess.run(m.arguments(count: 10), shell: #"exec /usr/bin/env -u QARCH_VERILATOR PATH=/nonexistent "$0" "$@""#)
        #expect(r.exitCode == 1 && r.stdout.isEmpty && r.stderrLines.count == 1)
        #expect(r.stderr.hasPrefix("qarch: error: verilator: not found on PATH; install it: apt-get install verilator"), "\(r.stderr)")
    }

    @Test func rtlThatDoesNotCompileShowsItsFirstError() throws {
        let text = "module broken_syntax (input wire a, output wire p);\n  assign p = a +;\nendmodule\n"
        let e = try oneErrorLine("broken_syntax.v", text) { path in
            ["cosim", "--design", Self.design("mxfp4-dot"), "--op", "product", "--rtl", path, "--top", "broken_syntax",
             "--ports", Self.file("e2m1_mul.ports.json"), "--cache", Self.cache]
        }
        #expect(e.hasPrefix("qarch: error: FILE:2:") && e.contains("syntax error"), "\(e)")
    }

    @Test func vectorFieldOfTheWrongWidth() throws {
        let m = Self.good[0]
        let text = "{\"in\": {\"a\": \"0x3\", \"b\": \"0x3\"}, \"out\": {\"p\": \"0x41\"}}\n{\"in\": {\"a\": \"0x1f\", \"b\": \"0x3\"}, \"out\": {\"p\": \"0x41\"}}\n"
        let e = try oneErrorLine("vectors.jsonl", text) { path in m.arguments(count: 10, extra: ["--vectors", path]) }
        #expect(e == "qarch: error: FILE: line 2: in.a: expected a value of at most 4 bits (\"0x…\"), found \"0x1f\" (5 bits)\n")
    }
}
