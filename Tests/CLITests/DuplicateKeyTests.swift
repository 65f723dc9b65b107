import Foundation
import Testing

/// Issue 18 item 13: a repeated JSON key was silently accepted (the last one won) in
/// designs, sweep specs and `.npy` headers, and workload files accepted unknown keys while
/// design files refused them. Both are refused now, with the file and the JSON path.
@Suite struct DuplicateKeyTests {
    static let designs = ExploreTests.root.appendingPathComponent("Designs")

    /// The 0-based character position of the second `needle` in `text`.
    static func secondPosition(of needle: String, in text: String) throws -> Int {
        let first = try #require(text.range(of: needle))
        let second = try #require(text.range(of: needle, range: first.upperBound..<text.endIndex))
        return text.unicodeScalars[..<second.lowerBound].count
    }

    @Test func repeatedKeyInADesign() throws {
        let original = try String(contentsOf: Self.designs.appendingPathComponent("int8-systolic.json"), encoding: .utf8)
        let text = original.replacingOccurrences(of: #""kind": "systolic","#, with: #""kind": "systolic", "kind": "dot-tree","#)
        let second = try #require(text.range(of: #""kind": "dot-tree""#))
        let at = text.unicodeScalars[..<second.lowerBound].count
        try withTemporaryFile(named: "d.json", bytes: Array(text.utf8)) { path in
            for command in [["evaluate", path], ["validate", path]] {
                let r = try QArchProcess.run(command)
                #expect(r.exitCode == 1)
                #expect(r.stderr.contains("\(path): array.kind: expected each key once in an object, found this key again at character \(at)"),
                        "\(command[0]): \(r.stderr)")
            }
        }
    }

    @Test func repeatedKeyInASweepSpec() throws {
        let design = Self.designs.appendingPathComponent("int8-systolic.json").path
        let json = #"{"schema_version": 1, "name": "t", "designs": [{"file": "\#(design)"}], "workloads": ["vit-base:decode"], "name": "u"}"#
        try withTemporaryFile(named: "spec.json", bytes: Array(json.utf8)) { path in
            let out = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("out").path
            let r = try QArchProcess.run(["explore", path, "--out", out])
            #expect(r.exitCode == 1)
            let at = try Self.secondPosition(of: #""name""#, in: json)
            #expect(r.stderrLines == ["qarch: error: \(path): name: expected each key once in an object, found this key again at character \(at)"])
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test func repeatedKeyInAnNpyHeader() throws {
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 4), 'descr': '<f4', }"
        header += String(repeating: " ", count: (64 - (10 + header.utf8.count + 1) % 64) % 64) + "\n"
        let a = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count & 0xFF), UInt8(header.utf8.count >> 8)]
            + Array(header.utf8) + floatBytes([1, 2, 3, 4, 5, 6, 7, 8])
        try withTemporaryFile(named: "A.npy", bytes: a) { pa in
            let r = try QArchProcess.run(["gemm", "--design", GemmTests.design("fp16-systolic.json"), "--a", pa, "--n", "2"])
            #expect(r.exitCode == 1)
            #expect(r.stderrLines == ["qarch: error: \(pa): header.descr: expected each key once in the header dictionary, found 'descr' again at character 58"])
        }
    }

    @Test("workload files: repeated and unknown keys", arguments: [
        (#"{"name": "w", "gemms": [{"name": "g", "m": 4, "k": 8, "n": 2, "count": 1, "m": 5}]}"#,
         "gemms[0].m: expected each key once in an object, found this key again at character 74"),
        (#"{"name": "w", "gemms": [{"name": "g", "m": 4, "k": 8, "n": 2, "count": 1}], "comment": "x"}"#,
         "comment: expected one of the keys $schema, name, description, gemms, found unknown key 'comment'"),
        (#"{"name": "w", "gemms": [{"name": "g", "m": 4, "k": 8, "n": 2, "cont": 1}]}"#,
         "gemms[0].cont: expected one of the keys name, m, k, n, count, found unknown key 'cont' (did you mean 'count'?)"),
        (#"{"name": "w", "gemms": [{"name": "g", "m": 4.5, "k": 8, "n": 2, "count": 1}]}"#,
         "gemms[0].m: expected an integer 1…9007199254740992, found the non-integral number 4.5"),
        (#"{"name": "w", "gemms": [{"name": "g", "m": 4, "k": 8, "n": 2, "count": 9223372036854775807}]}"#,
         "gemms[0].count: expected an integer 0…9007199254740992, found 9.223372036854776e+18"),
        (#"{"gemms": {}}"#, "gemms: expected an array, found an object"),
    ])
    func workloadFile(json: String, message: String) throws {
        try withTemporaryFile(named: "w.json", bytes: Array(json.utf8)) { path in
            let r = try QArchProcess.run(["evaluate", EvaluateTests.design("int8-systolic.json"), "--workload", path])
            #expect(r.exitCode == 1)
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.hasPrefix("qarch: error: ") && r.stderr.contains("\(path): \(message)"), "\(r.stderr)")
        }
    }

    /// A `--set` value that repeats a key is refused at that key, not taken as a string.
    @Test func repeatedKeyInASetValue() throws {
        let r = try QArchProcess.run(["evaluate", EvaluateTests.design("int8-systolic.json"), "--set",
                                      #"cost_overrides.pe={"energy_pj": 1, "energy_pj": 2, "source": "s"}"#])
        #expect(r.exitCode == 1)
        #expect(r.stderrLines == ["qarch: error: --set: cost_overrides.pe.energy_pj: expected each key once in an object, found this key again at character 17"])
    }
}
