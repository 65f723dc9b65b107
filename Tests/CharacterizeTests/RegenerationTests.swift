import Foundation
import Testing
@testable import Characterize

/// Regenerates a subset of the committed table with the real tools and compares it entry by
/// entry; checks that a primitive whose RTL disagrees with its reference is refused.
@Suite struct RegenerationTests {
    static let tools = (try? Characterizer.locate()) != nil
    static let table = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data/synthesized-45nm.json").path

    static func primitives(_ json: Data) throws -> [String: NSDictionary] {
        let list = try #require(try root(json)["primitives"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["name"] as? String ?? "", $0 as NSDictionary) })
    }

    static func root(_ json: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    }

    @Test(.enabled(if: tools, "needs yosys, verilator and g++ on PATH (apt-get install yosys verilator g++)"))
    func subsetMatchesTheCommittedTable() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.table))
        let committed = try Self.primitives(bytes)
        let c = try Characterizer.locate()
        // Another Yosys may map differently: then the table needs regenerating with it, and the message says so.
        let tools = try Self.root(bytes)["tools"] as? [String: String] ?? [:]
        let versions = "committed with \(tools["yosys"] ?? "?"), regenerated with \(c.yosys.version)"
        let rows = try ["add-u8", "mul-u4x4", "bitmod-dot4"].map { try c.characterize(try #require(PrimitiveCatalog.named($0))) }
        #expect(rows[0].vectors == 65536 && rows[1].vectors == 256 && rows[2].vectors == 100_007)
        let fresh = try Self.primitives(Data(ComponentTable(yosys: c.yosys.version, verilator: c.verilator.version, entries: rows).json().utf8))
        for name in ["add-u8", "mul-u4x4", "bitmod-dot4"] {
            let old = try #require(committed[name], "\(name) missing from \(Self.table)")
            #expect(fresh[name] == old, "\(name) differs from the committed table (\(versions)); run make characterize")
        }
    }

    @Test(.enabled(if: tools, "needs yosys, verilator and g++ on PATH (apt-get install yosys verilator g++)"))
    func aWrongModuleIsRefused() throws {
        // The Verilog adds; the reference says it should add one more: every vector differs.
        let good = Primitive.adder(bits: 4)
        let bad = Primitive(name: good.name, kind: good.kind, parameters: good.parameters, inputs: good.inputs, outputs: good.outputs,
                            verilog: good.verilog, checkPlan: good.checkPlan, stream: good.stream) { v in [v[0] + v[1] + 1] }
        let c = try Characterizer.locate()
        let error = #expect(throws: CharacterizeProblem.self) { try c.characterize(bad) }
        #expect(error?.message.hasPrefix("add-u4: the rtl disagrees with the reference at vector 0") == true, "\(error?.message ?? "")")
    }

    @Test(.enabled(if: tools, "needs yosys, verilator and g++ on PATH (apt-get install yosys verilator g++)"))
    func aTruncatingFloatMultiplierIsRefused() throws {
        // The E2M1 multiplier without its rounding increment truncates: 0.5 · 1.5 = 0.75 is a
        // tie that nearest-even rounds up to 1.0 (0x2), truncation leaves 0.5 (0x1).
        let good = Primitive.floatMultiplier(.e2m1)
        let truncating = good.verilog.replacingOccurrences(of: "+ (g & (st | lsb))", with: "+ 1'b0")
        #expect(truncating != good.verilog)
        let bad = Primitive(name: good.name, kind: good.kind, parameters: good.parameters, inputs: good.inputs, outputs: good.outputs,
                            verilog: truncating, checkPlan: good.checkPlan, stream: good.stream, reference: good.reference)
        let c = try Characterizer.locate()
        let error = #expect(throws: CharacterizeProblem.self) { try c.characterize(bad) }
        #expect(error?.message.contains("fp-mul-e2m1: the rtl disagrees with the reference") == true, "\(error?.message ?? "")")
        #expect(try c.characterize(good).vectors == 256)
    }
}
