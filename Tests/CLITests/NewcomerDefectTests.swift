import Foundation
import Testing

/// The newcomer defects of issue 16 that fail on the old main: error lines, help texts, the
/// README's verify example, the MiniLM fallback warning.
@Suite struct NewcomerDefectTests {
    static let root = QArchProcess.packageRoot
    static let mixpe = root.appendingPathComponent("Designs/mixpe-w4a8.json").path

    /// A design with two problems gives two `qarch: error:` lines in evaluate and gemm, as in
    /// validate (old main: both on one line).
    @Test("two problems, two lines", arguments: [
        ["evaluate", mixpe], ["gemm", "--design", mixpe, "--m", "1", "--k", "1", "--n", "1"],
    ])
    func twoProblemsTwoLines(command: [String]) throws {
        let r = try QArchProcess.run(command + ["--set", "array.rows=0", "--set", "unit.mode=w4a4"])
        #expect(r.exitCode == 1)
        #expect(r.stderrLines.count == 2, "\(r.stderr)")
        #expect(r.stderrLines.allSatisfy { $0.hasPrefix("qarch: error: \(Self.mixpe): ") })
        #expect(r.stderrLines.contains { $0.contains("array.rows: expected an integer 1…65536, found 0") })
        #expect(r.stderrLines.contains { $0.contains("unit.mode: expected MixPE mode") })
    }

    /// `--json` says it replaces the text output; validate, explore and report merge print no
    /// table (old main: "instead of a table").
    @Test("--json help", arguments: [["validate"], ["explore"], ["report", "merge"]])
    func jsonHelp(command: [String]) throws {
        let r = try QArchProcess.run(command + ["--help"])
        #expect(r.exitCode == 0)
        let help = r.stdout.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        #expect(help.contains("Print exactly one JSON document on stdout instead of the text output."))
        #expect(!help.contains("instead of a table"))
    }

    /// `--jobs` help names its default once (old main: "(default: the number of cores). (default: 2)").
    @Test("--jobs help", arguments: ["bench", "explore", "verify"])
    func jobsHelp(command: String) throws {
        let r = try QArchProcess.run([command, "--help"])
        let help = r.stdout.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        #expect(help.contains("(default: the number of cores)"))
        #expect(!help.contains("cores). Results do not depend on it. (default:"))
        #expect(!help.contains("cores). (default:"))
    }

    /// The README's verify example shows the dot case count the tool runs (old main: README
    /// 10000, tool 5000).
    @Test func readmeVerifyExampleMatches() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let shown = readme.split(separator: "\n").filter { $0.hasPrefix("e2m1    dot") || $0.hasPrefix("hif8    dot") }
        #expect(shown.count == 2)
        let r = try QArchProcess.run(["verify", "--format", "e2m1", "--op", "dot"])
        #expect(r.exitCode == 0)
        let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("e2m1    dot") })
        // Column widths follow the checks shown, so compare the fields.
        func fields(_ s: Substring?) -> [Substring] { s.map { $0.split(separator: " ") } ?? [] }
        #expect(fields(shown.first) == fields(line))
    }

    /// The README documents every option of `qarch evaluate` (old main: no --energy-exponent
    /// or --area-exponent).
    @Test func readmeDocumentsEvaluateOptions() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let help = try QArchProcess.run(["evaluate", "--help"]).stdout
        let options = Set(help.split(whereSeparator: { " [],.".contains($0) || $0.isNewline })
            .filter { $0.hasPrefix("--") && $0.count > 2 }.map(String.init))
            .subtracting(["--help", "--version"])
        #expect(options.contains("--energy-exponent"))
        for option in options { #expect(readme.contains(option), "README does not mention evaluate \(option)") }
    }

    /// explore says on stderr, not only in summary.md, that the MiniLM data it was asked for
    /// is missing and synthetic data is used (old main: stderr silent).
    @Test func exploreWarnsOfTheSyntheticFallback() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = """
            {"schema_version": 1, "name": "fallback", "designs": [{"file": "\(Self.root.path)/Designs/int8-systolic.json"}],
             "workloads": ["llama-2-7b:decode:1:layer"], "error": {"data": "minilm", "m": 4, "k": 64, "n": 8}}
            """
        let specURL = dir.appendingPathComponent("fallback.json")
        try Data(spec.utf8).write(to: specURL)
        let r = try QArchProcess.run(["explore", specURL.path, "--out", dir.appendingPathComponent("out").path],
                                     shell: #"QARCH_PYTHON=/nonexistent/python3 VIRTUAL_ENV= PATH=/nonexistent exec "$0" "$@""#)
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stderrLines.contains {
            $0.hasPrefix("qarch: warning: \(specURL.path): error.data: MiniLM data requested but not available")
                && $0.hasSuffix("numeric errors use seeded synthetic data")
        }, "\(r.stderr)")
    }

    /// A misspelled model or phase, or a token count of 0, is named with a did-you-mean and
    /// the valid choices (old main: one generic "expected a built-in workload" for all).
    @Test("workload name problems", arguments: [
        ("llama2-7b:decode:1:layer", "unknown model 'llama2-7b' (did you mean 'llama-2-7b'?); models: opt-6.7b, llama-2-7b,"),
        ("llama-2-7b:prefil", "unknown phase 'prefil' (did you mean 'prefill'?); phases: prefill, decode"),
        ("llama-2-7b:train", "unknown phase 'train'; phases: prefill, decode"),
        ("llama-2-7b:prefill:0", "M (tokens × batch) must be a positive integer, found '0'"),
    ])
    func workloadNameProblems(workload: String, message: String) throws {
        let r = try QArchProcess.run(["evaluate", Self.mixpe, "--workload", workload])
        #expect(r.exitCode == 1)
        #expect(r.stderrLines.count == 1)
        #expect(r.stderr.hasPrefix("qarch: error: --workload '\(workload)': \(message)"), "\(r.stderr)")
        #expect(r.stderr.contains("(a built-in workload is MODEL:PHASE[:M][:layer])"))
    }

    /// A workload file that does not exist is said to be missing (old main: the generic
    /// built-in message); the same typo in a sweep spec gets the same explanation at its path.
    @Test func missingWorkloadFile() throws {
        let r = try QArchProcess.run(["evaluate", Self.mixpe, "--workload", "nope.json"])
        #expect(r.exitCode == 1)
        #expect(r.stderr == "qarch: error: nope.json: expected a workload file, found no such file\n")
    }

    /// `qarch workloads list` documents the built-in models and the syntax (old main: no such
    /// command).
    @Test func workloadsList() throws {
        let r = try QArchProcess.run(["workloads", "list", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let doc = try #require(try r.json() as? [String: Any])
        #expect(doc["syntax"] as? String == "MODEL:PHASE[:M][:layer]")
        let models = try #require(doc["models"] as? [[String: Any]])
        let llama = try #require(models.first { $0["name"] as? String == "llama-3-8b" })
        #expect(llama["hidden"] as? Int == 4096 && llama["kv_width"] as? Int == 1024 && llama["gated"] as? Bool == true)
        #expect((llama["layer_gemms"] as? [String])?.first == "q_proj")
        let text = try QArchProcess.run(["workloads", "list"])
        #expect(text.stdout.contains("vit-base") && text.stdout.contains("MODEL:PHASE[:M][:layer]"))
    }

    /// `gemm --out` says what it wrote, on stderr so that `--json` stays one document (old
    /// main: silent).
    @Test func gemmOutSaysWhatItWrote() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("c.npy").path
        let r = try QArchProcess.run(["gemm", "--design", Self.mixpe, "--m", "2", "--k", "8", "--n", "3", "--out", path, "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stderr == "qarch: wrote \(path): C, 2×3 float32\n")
        #expect((try? r.json()) != nil)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    /// A misspelled common axis gives one short line naming both designs, the did-you-mean
    /// first (old main: a 576-character line repeated per design).
    @Test func misspelledAxisIsOneShortLine() throws {
        let dir = try QArchProcess.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let designs = ["int8-systolic", "mixpe-w4a8"].map { #"{"file": "\#(Self.root.path)/Designs/\#($0).json"}"# }
        let spec = #"{"schema_version": 1, "name": "ax", "designs": [\#(designs.joined(separator: ", "))], "#
            + #""axes": {"array.rowz": [8, 16]}, "workloads": ["llama-2-7b:decode:1:layer"]}"#
        let url = dir.appendingPathComponent("ax.json")
        try Data(spec.utf8).write(to: url)
        let r = try QArchProcess.run(["explore", url.path, "--out", dir.appendingPathComponent("out").path])
        #expect(r.exitCode == 1)
        #expect(r.stderrLines.count == 1, "\(r.stderr)")
        let line = try #require(r.stderrLines.first)
        #expect(line.hasPrefix("qarch: error: \(url.path): axes[\"array.rowz\"]: expected a design path (did you mean 'array.rows'?), found unknown key 'rowz'; 'array' has the keys kind, rows, cols"))
        #expect(line.hasSuffix("int8-systolic.json, \(Self.root.path)/Designs/mixpe-w4a8.json)"))
        #expect(line.count - 2 * Self.root.path.count - url.path.count < 250)
    }

    /// The workload file format has a JSON Schema under Designs/ naming exactly the keys qarch
    /// accepts, and a file may point to it with `$schema` (old main: neither).
    @Test func workloadSchema() throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Designs/workload.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == ["$schema", "name", "description", "gemms"])
        let json = #"{"$schema": "workload.schema.json", "name": "w", "gemms": [{"name": "g", "m": 2, "k": 8, "n": 4, "count": 3}]}"#
        try withTemporaryFile(named: "w.json", bytes: Array(json.utf8)) { path in
            let r = try QArchProcess.run(["evaluate", Self.mixpe, "--workload", path, "--json"])
            #expect(r.exitCode == 0, "\(r.stderr)")
            let costs = try #require(try r.json() as? [[String: Any]])
            #expect(costs.first?["macs"] as? Int == 3 * 2 * 8 * 4)
        }
        let bad = #"{"name": "w", "gemms": [{"name": "g", "m": 2, "k": 8, "n": 4, "count": 1, "batch": 2}]}"#
        try withTemporaryFile(named: "w.json", bytes: Array(bad.utf8)) { path in
            let r = try QArchProcess.run(["evaluate", Self.mixpe, "--workload", path])
            #expect(r.exitCode == 1 && r.stderr.contains("gemms[0]") && r.stderr.contains("batch"), "\(r.stderr)")
        }
    }

    /// Every `--set` is echoed, in the text output and in `--json`, with what it replaced; one
    /// that sets a value to what it already was says so (old main: silent).
    @Test func overridesAreEchoed() throws {
        let set = ["--set", "array.rows=32", "--set", "unit.group_size=128"]
        let text = try QArchProcess.run(["evaluate", Self.mixpe] + set)
        #expect(text.exitCode == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("\(Self.mixpe): --set array.rows=32 (was 64)\n"
            + "\(Self.mixpe): --set unit.group_size=128 (unchanged: already 128)\n"), "\(text.stdout)")
        let json = try QArchProcess.run(["gemm", "--design", Self.mixpe, "--m", "2", "--k", "128", "--n", "2", "--json"] + set)
        #expect(json.exitCode == 0, "\(json.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let echoed = try #require(doc["overrides"] as? [[String: Any]])
        #expect(echoed.count == 2)
        #expect(echoed.first?["path"] as? String == "array.rows" && (echoed.first?["from"] as? NSNumber)?.intValue == 64)
        #expect(echoed.last?["changed"] as? Bool == false)
        let validate = try QArchProcess.run(["validate", Self.mixpe, "--set", "array.rows=32"])
        #expect(validate.stdout == "\(Self.mixpe): ok\n  --set array.rows=32 (was 64)\n")
        // Without --set the output has no overrides member (golden outputs unchanged).
        let plain = try QArchProcess.run(["gemm", "--design", Self.mixpe, "--m", "2", "--k", "128", "--n", "2", "--json"])
        #expect(plain.exitCode == 0 && !plain.stdout.contains("\"overrides\""))
    }
}
