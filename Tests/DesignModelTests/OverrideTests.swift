import DesignModel
import ExactJSON
import Foundation
import TensorEngine
import Testing

/// `--set path=value` overrides and JSON paths.
@Suite struct OverrideTests {
    static func design(_ name: String) throws -> Data {
        try TestFiles.data(TestFiles.root.appendingPathComponent("Designs/\(name).json"))
    }

    static func decode(_ name: String, _ sets: [String]) throws -> Design {
        try issuesOrDesign(name, sets).get()
    }

    /// The design, or the issues it was rejected with.
    static func issuesOrDesign(_ name: String, _ sets: [String]) throws -> Result<Design, DesignErrors> {
        let overrides = try sets.map { s throws(DesignIssue) in try DesignOverride(parsing: s) }
        let data = try design(name)
        return Result { () throws(DesignErrors) in try Design.decode(data, overrides: overrides) }
    }

    static func issues(_ name: String, _ sets: [String]) throws -> [String] {
        switch try issuesOrDesign(name, sets) {
        case .success: return []
        case .failure(let e): return e.issues.map(\.path.description)
        }
    }

    @Test func validOverrides() throws {
        let d = try Self.decode("mixpe-w4a8", ["array.rows=32", "array.dataflow=ws", "unit.group_size=64",
                                                "memories[0].size_kib=256"])
        #expect(d.array.rows == 32)
        #expect(d.array.dataflow == .ws)
        #expect(d.unit == UnitSpec(MixPEKind(mode: .w4a8, groupSize: 64), paperPE: .mixpeW4A8))
        #expect(d.memories[0].sizeKiB == 256)
        #expect(d.arrayConfig() == ArrayConfig(rows: 32, cols: 64, dataflow: .ws, cyclesPerStep: 1,
                                               lanes: PELanes(activation: 1, weight: 2)))
    }

    @Test func overrideValuesAreJSONOrStrings() throws {
        #expect(try DesignOverride(parsing: "array.rows=32").value == .number(32))
        #expect(try DesignOverride(parsing: "array.dataflow=ws").value == .string("ws"))
        #expect(try DesignOverride(parsing: "memories[0].double_buffered=false").value == .bool(false))
        #expect(try DesignOverride(parsing: #"name="x=y""#).value == .string("x=y"))
        #expect(try DesignOverride(parsing: "array.tile={\"m\": 2, \"n\": 64, \"k\": 4}").value
                == .object(["m": .number(2), "n": .number(64), "k": .number(4)]))
        // A whole sub-object can be replaced, changing the unit kind.
        let d = try Self.decode("fp16-systolic", [#"unit={"kind": "block-dot", "format": "nvfp4"}"#])
        #expect(d.makeUnit().name == "nvfp4-dot")
    }

    @Test func overriddenValuesAreValidated() throws {
        #expect(throws: DesignErrors.self) { try Self.decode("mixpe-w4a8", ["array.rows=0"]) }
        #expect(Set(try Self.issues("mixpe-w4a8", ["array.dataflow=rs", "unit.group_size=big"]))
                == ["array.dataflow", "unit.group_size"])
    }

    @Test("unknown paths are named", arguments: [
        ("nosuch.field=1", "nosuch.field"),
        ("array.rows.x=1", "array.rows.x"),
        ("memories[9].size_kib=1", "memories[9].size_kib"),
        ("array[0]=1", "array[0]"),
        ("technlogy.node_nm=7", "technlogy.node_nm"),
    ])
    func unknownPaths(set: String, path: String) throws {
        #expect(try Self.issues("mixpe-w4a8", [set]) == [path])
    }

    @Test func unknownLeafKeyIsReportedByValidation() throws {
        #expect(try Self.issues("mixpe-w4a8", ["array.rowz=32"]) == ["array.rowz"])
        guard case .failure(let e) = try Self.issuesOrDesign("mixpe-w4a8", ["array.rowz=32"]) else { return }
        #expect(e.issues.first?.message.contains("did you mean 'rows'?") == true)
    }

    @Test("malformed --set text", arguments: ["array.rows", "=3", ".rows=3", "memories[x].size_kib=1", "a..b=1", "memories[0=1"])
    func malformed(text: String) {
        #expect(throws: DesignIssue.self) { try DesignOverride(parsing: text) }
    }

    /// `--set` values are JSON too (read with the exact reader): a repeated key there is an
    /// issue at the overridden path.
    @Test func repeatedKeyInAnOverrideValue() throws {
        #expect(throws: DesignIssue(path: try JSONPath(parsing: "cost_overrides.pe.source"),
                                    message: "expected each key once in an object, found this key again at character 32")) {
            _ = try DesignOverride(parsing: #"cost_overrides.pe={"energy_pj": 1, "source": "a", "source": "b"}"#)
        }
        #expect(try DesignOverride(parsing: "name=x{").value == .string("x{"))
    }
}
