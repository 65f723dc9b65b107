import ArithmeticUnits
import DesignModel
import ExactJSON
import Foundation
import NumberFormats
import TensorEngine
import Testing

/// Every design in `Designs/` validates, builds its unit and array, and cites a source
/// for every constant.
@Suite struct DesignFileTests {
    /// name → (unit name, rows, cols, cycles per step).
    /// Unit name, rows, cols, cycles per step and weight lanes per PE (`array.packing`).
    static let expected: [String: (unit: String, rows: Int, cols: Int, cyclesPerStep: Int, weightLanes: Int)] = [
        "int8-systolic": ("int8-mac", 32, 32, 1, 1),
        "fp16-systolic": ("fp16-mac", 32, 28, 1, 1),
        "mixpe-w4a8": ("mixpe-w4a8", 64, 64, 1, 2),
        "mixpe-w4a16": ("mixpe-w4a16", 32, 32, 1, 2),
        "lut-tc-w2a16": ("lut-tc-w2a16", 32, 32, 2, 1),
        "bitmod-w4": ("bitmod-w4", 32, 32, 2, 1),
        "mxfp4-dot": ("mxfp4-dot", 32, 32, 1, 1),
        "nvfp4-dot": ("nvfp4-dot", 32, 32, 1, 1),
        "hif8-mac": ("hif8-mac", 32, 32, 1, 1),
        "lut-tc-tile-w2a16": ("lut-tc-w2a16", 2, 64, 2, 1),
        "fp16-tensor-core": ("fp16-mac", 8, 4, 1, 1),
        "lut-tc-w1a16": ("lut-tc-w1a16", 32, 32, 1, 1),
        "lut-tc-w4a16": ("lut-tc-w4a16", 32, 32, 4, 1),
        "lut-tc-ternary": ("lut-tc-ternarya16", 32, 32, 2, 1),
        "bitmod-w3": ("bitmod-w3", 32, 32, 2, 1),
        "w4a16-dequant-fp16": ("w4a16-dequant-fp16", 32, 28, 1, 1),
        "ant-like": ("w4a16-dequant-fp16", 32, 32, 1, 1),
        "olive-like": ("w4a16-dequant-fp16", 32, 36, 1, 1),
        "int4-mac": ("int4-mac", 32, 32, 1, 2),
    ]

    @Test func everyExpectedDesignExists() {
        let names = Set(TestFiles.designs.map { $0.deletingPathExtension().lastPathComponent })
        #expect(names == Set(Self.expected.keys))
    }

    @Test("design validates", arguments: TestFiles.designs.map(\.lastPathComponent))
    func validates(file: String) throws {
        let url = TestFiles.root.appendingPathComponent("Designs").appendingPathComponent(file)
        let issues = Design.issues(in: try TestFiles.data(url))
        #expect(issues.isEmpty, "\(issues)")
    }

    @Test("unit and array round-trip", arguments: TestFiles.designs.map(\.lastPathComponent))
    func unitAndArray(file: String) throws {
        let url = TestFiles.root.appendingPathComponent("Designs").appendingPathComponent(file)
        let design = try Design.decode(try TestFiles.data(url))
        let name = url.deletingPathExtension().lastPathComponent
        #expect(design.name == name)
        let want = try #require(Self.expected[name])
        let unit = design.makeUnit()
        #expect(unit.name == want.unit)
        #expect(design.arrayConfig() == ArrayConfig(rows: want.rows, cols: want.cols, dataflow: .os,
                                                    cyclesPerStep: want.cyclesPerStep,
                                                    lanes: PELanes(activation: 1, weight: want.weightLanes)))
        // The array's step is the unit's initiation interval.
        #expect(unit.timing.initiationInterval == want.cyclesPerStep)
        #expect(design.unit.makeUnit().name == unit.name)
        // The unit really runs: a tiny GEMM through the existential.
        let r = try Self.tinyGEMM(unit)
        #expect(r.rows == 2 && r.cols == 3)
    }

    static func tinyGEMM<U: ArithmeticUnit>(_ unit: U) throws -> UnitResult {
        let k = 64
        let a = try #require(Matrix(rows: 2, cols: k, storage: (0..<(2 * k)).map { Double($0 % 7) - 3 }))
        let b = try #require(Matrix(rows: k, cols: 3, storage: (0..<(k * 3)).map { Double($0 % 5) / 4 - 0.5 }))
        return unit.gemm(try unit.quantize(activations: a, weights: b), order: .sequential)
    }

    /// Every number in a design is covered by a `sources` key naming it or a parent.
    @Test("every constant has a source", arguments: TestFiles.designs.map(\.lastPathComponent))
    func sourcesCoverConstants(file: String) throws {
        let url = TestFiles.root.appendingPathComponent("Designs").appendingPathComponent(file)
        let data = try TestFiles.data(url)
        let design = try Design.decode(data)
        let tree = try JSONNode.parse(data).get()
        let sourced = try design.sources.keys.map { key throws(DesignIssue) in try JSONPath(parsing: key) }
        for path in Self.numberPaths(tree, at: .root) where path.components.first != .key("schema_version") {
            if path.components.first == .key("cost_overrides") { continue }    // each entry carries its own source
            let covered = sourced.contains { s in path.components.starts(with: s.components) }
            #expect(covered, "\(file): \(path) has no sources entry")
        }
        for (key, entry) in design.costOverrides { #expect(!entry.source.isEmpty, "\(key)") }
    }

    static func numberPaths(_ node: JSONNode, at path: JSONPath) -> [JSONPath] {
        switch node {
        case .number: return [path]
        case .array(let items): return items.enumerated().flatMap { numberPaths($0.element, at: path.index($0.offset)) }
        case .object(let members):
            return members.filter { $0.key != "sources" }.sorted { $0.key < $1.key }
                .flatMap { numberPaths($0.value, at: path.key($0.key)) }
        default: return []
        }
    }

    @Test func decodedValuesOfBitMoD() throws {
        let url = TestFiles.root.appendingPathComponent("Designs/bitmod-w4.json")
        let d = try Design.decode(try TestFiles.data(url))
        #expect(d.technology == Technology(nodeNm: 28, voltageV: 0.9, frequencyMHz: 1000))
        #expect(d.unit == UnitSpec(BitMoDKind(bits: 4, mode: .functional, groupSize: 128), paperPE: .bitmodPE))
        #expect(d.dram == DRAMSpec(bytesPerCycle: 32, readPJPerBit: 18.75, writePJPerBit: 18.75))
        #expect(d.memories.map(\.sizeKiB) == [512, 512])
        #expect(d.memories.map(\.operand) == [.b, .a])
        #expect(d.costOverrides["pe"]?.areaFrom == .bitmodPE && d.costOverrides["pe"]?.areaUm2 == nil)
        #expect(d.costOverrides["pe"]?.energyFrom == .bitmodPE && d.costOverrides["pe"]?.energyPJ == nil)
    }

    @Test func tensorCoreArrayKindNeedsTile() throws {
        let url = TestFiles.root.appendingPathComponent("Designs/lut-tc-w2a16.json")
        let base = try JSONNode.parse(try TestFiles.data(url)).get()
        let tree = try base.setting(.string("lut-tile"), at: JSONPath(parsing: "array.kind"))
            .setting(.object(["m": .number(2), "n": .number(64), "k": .number(4)]), at: JSONPath(parsing: "array.tile"))
        let d = try Design.decode(tree)
        #expect(d.array.kind == .lutTile)
        #expect(d.array.tile == TileShape(m: 2, n: 64, k: 4))
    }
}
