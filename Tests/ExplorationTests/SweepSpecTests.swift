import DesignModel
import Foundation
import Testing
import Workloads
@testable import Exploration

/// Sweep specs: decoding, point numbering, sampling and every kind of bad spec.
@Suite struct SweepSpecTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let designs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Designs")

    /// Decode `json` with design files read from Designs/.
    static func decode(_ json: String) throws(SweepSpecErrors) -> SweepSpec {
        try SweepSpec.decode(Data(json.utf8), file: "spec.json") { name in
            let url = designs.appendingPathComponent(name)
            return (url.path, Result { () throws(InputFileProblem) in try InputFile.read(url.path) })
        }
    }

    static func issues(_ json: String) -> [String] {
        do {
            _ = try decode(json)
            return []
        } catch {
            return error.issues.map { "\($0.path): \($0.message)" }
        }
    }

    @Test func smallFixtureNumbersItsPoints() throws {
        let spec = try SweepSpec.load(path: Self.fixtures.appendingPathComponent("small.json").path)
        // int8: rows × freq = 4; mixpe: rows × freq × group = 8; tensor core: 4.
        #expect(spec.gridSize == 16)
        #expect(spec.designs.map(\.axes.count) == [2, 3, 2])
        #expect(spec.axisPaths == ["array.rows", "technology.frequency_mhz", "unit.group_size"])
        // Point 6 is mixpe's 3rd combination (rows 8, freq 1000, group 64): mixed radix, last axis fastest.
        let p = spec.point(at: 6)
        #expect(p.design == 1 && p.choices == [0, 1, 0])
        #expect(spec.parameters(for: p) == ["array.rows": "8", "technology.frequency_mhz": "1000", "unit.group_size": "64"])
        #expect(spec.point(at: 12).design == 2 && spec.point(at: 12).choices == [0, 0])
        #expect(spec.objectives == SweepObjective.defaults)
        #expect(spec.workloads.map(\.name) == ["vit-base:prefill:16:layer", "llama-2-7b:decode:1:layer"])
    }

    @Test func shardsPartitionTheSelection() throws {
        let spec = try SweepSpec.load(path: Self.fixtures.appendingPathComponent("small.json").path)
        for n in 1...5 {
            let parts = (0..<n).map { spec.selectedPoints(shard: $0, of: n) }
            #expect(parts.flatMap { $0 }.sorted() == spec.selectedPoints())
            #expect(Set(parts.flatMap { $0 }).count == spec.selectedPoints().count)
        }
    }

    @Test func randomSamplingIsSeededDistinctAndInRange() throws {
        let json = """
            {"schema_version": 1, "name": "r", "designs": [{"file": "int8-systolic.json"}],
             "axes": {"array.rows": [4, 8, 16, 32, 64], "array.cols": [4, 8, 16, 32, 64], "technology.frequency_mhz": [250, 500, 1000]},
             "workloads": ["vit-base:decode:1:layer"], "sampling": {"kind": "random", "points": 20, "seed": 9}}
            """
        let spec = try Self.decode(json)
        let a = spec.selectedPoints(), b = try Self.decode(json).selectedPoints()
        #expect(a == b)
        #expect(a.count == 20 && Set(a).count == 20 && a == a.sorted())
        #expect(a.allSatisfy { (0..<75).contains($0) })
        let other = try Self.decode(json.replacingOccurrences(of: "\"seed\": 9", with: "\"seed\": 10")).selectedPoints()
        #expect(other != a)
        // Asking for more points than the grid has gives the whole grid.
        let all = try Self.decode(json.replacingOccurrences(of: "\"points\": 20", with: "\"points\": 500")).selectedPoints()
        #expect(all == Array(0..<75))
    }

    /// Every bad spec of the issue's list gets an error at its JSON path.
    @Test(arguments: [
        // unknown axis
        (#""axes": {"array.rowz": [16]}"#, #"axes["array.rowz"]"#, "unknown key 'rowz'"),
        // empty axis
        (#""axes": {"array.rows": []}"#, #"axes["array.rows"]"#, "empty axis"),
        // axis values that are not an array
        (#""axes": {"array.rows": 16}"#, #"axes["array.rows"]"#, "expected an array"),
        // a value the design rejects (second value)
        (#""axes": {"array.rows": [16, -4]}"#, #"axes["array.rows"][1]"#, "expected an integer"),
        // duplicate values
        (#""axes": {"array.rows": [16, 16]}"#, #"axes["array.rows"][1]"#, "distinct"),
        // malformed path
        (#""axes": {"array..rows": [16]}"#, #"axes["array..rows"]"#, "path"),
        // constraint on an unknown metric
        (#""constraints": [{"metric": "area_cm2", "max": 1}]"#, "constraints[0].metric", "unknown metric 'area_cm2'"),
        // constraint with no bound
        (#""constraints": [{"metric": "area_mm2"}]"#, "constraints[0]", "min or a max"),
        // objective on an unknown metric / bad goal
        (#""objectives": [{"metric": "speed", "goal": "min"}]"#, "objectives[0].metric", "unknown metric 'speed'"),
        (#""objectives": [{"metric": "tops", "goal": "most"}]"#, "objectives[0].goal", "unknown goal 'most'"),
        (#""objectives": []"#, "objectives", "at least one objective"),
        // unknown workload, empty workloads
        (#""workloads": ["gpt-5:decode"]"#, "workloads[0]", "built-in workload"),
        (#""workloads": []"#, "workloads", "at least one workload"),
        // sampling
        (#""sampling": {"kind": "sobol"}"#, "sampling.kind", "unknown sampling kind 'sobol'"),
        (#""sampling": {"kind": "random"}"#, "sampling.points", "missing"),
        (#""sampling": {"kind": "grid", "points": 3}"#, "sampling.points", "no points with grid"),
        // unknown top-level key, missing design file, error tile out of range
        (#""axis": {}"#, "axis", "unknown key 'axis'"),
        (#""error": {"m": 0}"#, "error.m", "expected an integer"),
        (#""error": {"data": "imagenet"}"#, "error.data", "unknown error data 'imagenet'"),
    ])
    func badSpecsNameThePath(fragment: String, path: String, message: String) {
        var base: [String: String] = [
            "schema_version": "1", "name": "\"t\"", "designs": #"[{"file": "int8-systolic.json"}]"#,
            "workloads": #"["vit-base:decode:1:layer"]"#,
        ]
        let key = String(fragment.dropFirst().prefix { $0 != "\"" })
        base[key] = String(fragment.drop { $0 != ":" }.dropFirst())
        let json = "{" + base.keys.sorted().map { "\"\($0)\": \(base[$0]!)" }.joined(separator: ", ") + "}"
        let found = Self.issues(json)
        #expect(found.contains { $0.hasPrefix(path + ": ") && $0.contains(message) }, "\(found)")
    }

    @Test func missingDesignFileAndInvalidDesignAreReported() {
        let found = Self.issues(#"{"schema_version": 1, "name": "t", "designs": [{"file": "nope.json"}], "workloads": ["vit-base:decode:1:layer"]}"#)
        #expect(found.contains { $0.hasPrefix("designs[0].file: expected a readable design file") })
        #expect(Self.issues(#"{"schema_version": 1, "name": "t", "designs": [], "workloads": ["vit-base:decode:1:layer"]}"#)
            .contains { $0.hasPrefix("designs: expected at least one base design") })
    }

    @Test func aGridTooLargeMustBeSampled() {
        let values = (1...100).map(String.init).joined(separator: ", ")
        let json = """
            {"schema_version": 1, "name": "t", "designs": [{"file": "int8-systolic.json"}],
             "axes": {"array.rows": [\(values)], "array.cols": [\(values)], "technology.frequency_mhz": [\(values)], "technology.node_nm": [\(values)]},
             "workloads": ["vit-base:decode:1:layer"]}
            """
        #expect(Self.issues(json).contains { $0.hasPrefix("sampling: expected a grid of at most") })
    }

    @Test func invalidJSONIsOneIssueAtTheRoot() {
        #expect(Self.issues("{\"name\": ") .count == 1)
        #expect(Self.issues("[1, 2]").first?.hasPrefix("$: expected a sweep spec object") == true)
    }
}
