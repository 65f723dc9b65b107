import ExactJSON
import Foundation
import TensorEngine

extension Design {
    /// The top-level keys of a design document.
    public static let topLevelKeys = ["$schema", "schema_version", "name", "description", "technology", "unit", "array",
                                      "memories", "dram", "cost", "cost_overrides", "sources"]

    /// Upper bound of array rows/cols, tile sizes, group sizes and bank counts.
    public static let maxDimension = 65536

    /// Decode a design from the raw bytes of a JSON document.
    ///
    /// Throws every problem found (wrong types, missing fields, out-of-range or unknown
    /// values, unknown keys, invalid UTF-8, malformed JSON), each with its JSON path.
    ///
    /// ```swift
    /// do { let d = try Design.decode(bytes) }
    /// catch { error.issues.map(\.description) }   // ["array.rows: expected an integer 1…65536, found 0"]
    /// ```
    public static func decode(_ data: Data) throws(DesignErrors) -> Design {
        switch JSONNode.parse(data) {
        case .failure(let issue): throw DesignErrors([issue])
        case .success(let node): return try decode(node)
        }
    }

    /// Decode a design from a parsed JSON tree (e.g. after `DesignOverrides.apply`).
    public static func decode(_ node: JSONNode) throws(DesignErrors) -> Design {
        var r = FieldReader()
        let design = decode(node, &r)
        if let design, r.issues.isEmpty { return design }
        throw DesignErrors(r.issues.isEmpty
            ? [DesignIssue(path: .root, message: "expected a valid design, found an invalid one")] : r.issues)
    }

    /// The validation issues of a document, empty when it is a valid design.
    ///
    /// ```swift
    /// Design.issues(in: Data("[]".utf8)).map(\.description)   // ["$: expected a design object, found an array"]
    /// ```
    public static func issues(in data: Data) -> [DesignIssue] {
        do { _ = try decode(data); return [] } catch { return error.issues }
    }

    private static func decode(_ node: JSONNode, _ r: inout FieldReader) -> Design? {
        let root = JSONPath.root
        guard let top = r.object(node, at: root, keys: topLevelKeys, what: "a design object") else { return nil }
        var version: Int?
        if let v = r.member(top, "schema_version", at: root, expected: "schema version \(schemaVersion)") {
            if v == .number(Double(schemaVersion)) { version = schemaVersion } else {
                r.fail(root.key("schema_version"), "expected schema version \(schemaVersion), found \(v.summary)")
            }
        }
        _ = r.string(top, "$schema", at: root, optional: true)   // for editors; not used
        let name = r.string(top, "name", at: root, printable: true)
        let description = r.string(top, "description", at: root, optional: true, allowEmpty: true) ?? ""
        let technology = decodeTechnology(top["technology"], at: root.key("technology"), &r)
        let unit = UnitSpec.decode(top["unit"], at: root.key("unit"), &r)
        let array = decodeArray(top["array"], at: root.key("array"), &r)
        let memories = decodeMemories(top, &r)
        let dram = decodeDRAM(top["dram"], at: root.key("dram"), &r)
        let overrides = decodeOverrides(top["cost_overrides"], at: root.key("cost_overrides"), &r)
        let footing = decodeCost(top["cost"], at: root.key("cost"), &r)
        let sources = decodeSources(top["sources"], tree: node, at: root.key("sources"), &r)
        if let unit, let array, let packing = array.packing { checkPacking(packing, of: unit, at: root.key("array").key("packing"), &r) }
        guard version == schemaVersion, let name, let technology, let unit, let array, let memories, let dram,
              let overrides, let footing, let sources else { return nil }
        return Design(name: name, description: description, technology: technology, unit: unit, array: array,
                      memories: memories, dram: dram, costOverrides: overrides, costLibrary: footing, sources: sources)
    }

    /// `cost`: `{"library": "synthesized" | "horowitz" | "paper"}`, optional, default `synthesized`.
    private static func decodeCost(_ node: JSONNode?, at path: JSONPath, _ r: inout FieldReader) -> CostFooting? {
        guard let node else { return .defaultFooting }
        guard let obj = r.object(node, at: path, keys: ["library"]) else { return nil }
        if obj["library"] == nil { return .defaultFooting }
        return r.choice(obj, "library", at: path, what: "cost library", CostFooting.allCases.map { ($0.rawValue, $0) })
    }

    /// A packed PE needs a unit with integer operands no wider than the PE's multiplier.
    private static func checkPacking(_ packing: PEPacking, of unit: UnitSpec, at path: JSONPath, _ r: inout FieldReader) {
        guard let bits = unit.configuration.packableOperandBits else {
            r.fail(path, "expected no packing for unit kind \(unit.kindName): its products cannot be packed "
                + "(packing is for the integer MACs \(packableKindNames)), found an object")
            return
        }
        if packing.activationBits < bits.activation {
            r.fail(path.key("activation_bits"), "expected at least the unit's \(bits.activation)-bit activations, found \(packing.activationBits)")
        }
        if packing.weightBits < bits.weight {
            r.fail(path.key("weight_bits"), "expected at least the unit's \(bits.weight)-bit weights, found \(packing.weightBits)")
        }
    }

    /// The unit kinds whose products a PE can pack, for messages.
    static var packableKindNames: String {
        UnitRegistry.kinds.filter { $0.isPackable }.map { $0.name }.joined(separator: ", ")
    }

    private static func decodeTechnology(_ node: JSONNode?, at path: JSONPath, _ r: inout FieldReader) -> Technology? {
        let obj = r.object(node, at: path, keys: ["node_nm", "voltage_v", "frequency_mhz"])
        let nodeNm = r.number(obj, "node_nm", at: path, in: Technology.nodeNmRange)
        let voltage = r.number(obj, "voltage_v", at: path, in: Technology.voltageVRange)
        let frequency = r.number(obj, "frequency_mhz", at: path, in: Technology.frequencyMHzRange)
        guard let nodeNm, let voltage, let frequency else { return nil }
        return Technology(nodeNm: nodeNm, voltageV: voltage, frequencyMHz: frequency)
    }

    private static func decodeArray(_ node: JSONNode?, at path: JSONPath, _ r: inout FieldReader) -> ArraySpec? {
        let obj = r.object(node, at: path, keys: ["kind", "rows", "cols", "dataflow", "tile", "packing"])
        let kind = r.choice(obj, "kind", at: path, what: "array kind", ArraySpec.Kind.allCases.map { ($0.rawValue, $0) })
        let rows = r.integer(obj, "rows", at: path, in: 1...maxDimension)
        let cols = r.integer(obj, "cols", at: path, in: 1...maxDimension)
        let dataflow = r.choice(obj, "dataflow", at: path, what: "dataflow", Dataflow.allCases.map { ($0.rawValue, $0) },
                                optional: kind.map { $0.isTensorCore } ?? true)
        var tile: TileShape?
        var tileOK = true
        if let obj, let kind {
            if kind.isTensorCore {
                let p = path.key("tile")
                let t = r.object(obj["tile"], at: p, keys: ["m", "n", "k"], what: "a tile object {m, n, k} for array kind \(kind.rawValue)")
                let m = r.integer(t, "m", at: p, in: 1...maxDimension)
                let n = r.integer(t, "n", at: p, in: 1...maxDimension)
                let k = r.integer(t, "k", at: p, in: 1...maxDimension)
                if let m, let n, let k { tile = TileShape(m: m, n: n, k: k) } else { tileOK = false }
            } else if let t = obj["tile"] {
                r.fail(path.key("tile"), "expected no tile for array kind systolic (tiles are for dot-tree and lut-tile), found \(t.summary)")
                tileOK = false
            }
        }
        var packing: PEPacking?
        var packingOK = true
        if let obj, let node = obj["packing"] {
            let p = path.key("packing")
            let o = r.object(node, at: p, keys: ["activation_bits", "weight_bits", "min_lane_bits"],
                             what: "a packing object {activation_bits, weight_bits, min_lane_bits}")
            let a = r.integer(o, "activation_bits", at: p, in: PEPacking.bitsRange)
            let w = r.integer(o, "weight_bits", at: p, in: PEPacking.bitsRange)
            let minimum = r.integer(o, "min_lane_bits", at: p, in: PEPacking.bitsRange, optional: true)
            if let a, let w, o?["min_lane_bits"] == nil || minimum != nil {
                packing = PEPacking(activationBits: a, weightBits: w, minLaneBits: minimum ?? 1)
            } else { packingOK = false }
            if let kind, kind.isTensorCore {
                r.fail(p, "expected no packing for array kind \(kind.rawValue) (packing is for systolic arrays), found \(node.summary)")
                packingOK = false
            }
        }
        guard let obj, let kind, let rows, let cols, tileOK, packingOK, obj["dataflow"] == nil || dataflow != nil else { return nil }
        return ArraySpec(kind: kind, rows: rows, cols: cols, dataflow: dataflow ?? .os, tile: tile, packing: packing)
    }

    private static func decodeMemories(_ top: [String: JSONNode], _ r: inout FieldReader) -> [MemorySpec]? {
        let path = JSONPath.root.key("memories")
        guard let items = r.array(top, "memories", at: .root) else { return nil }
        var result: [MemorySpec] = []
        var ok = true
        var seen: [String: Int] = [:]
        let keys = ["name", "operand", "size_kib", "banks", "width_bits", "double_buffered", "read_pj", "write_pj"]
        for (i, item) in items.enumerated() {
            let p = path.index(i)
            let obj = r.object(item, at: p, keys: keys, what: "a memory object")
            let name = r.string(obj, "name", at: p, printable: true)
            if let name {
                if let first = seen[name] {
                    r.fail(p.key("name"), "expected a unique memory name, found '\(name)' again (first at memories[\(first)])")
                    ok = false
                } else { seen[name] = i }
            }
            let operand = r.choice(obj, "operand", at: p, what: "operand", MemorySpec.Operand.allCases.map { ($0.rawValue, $0) })
            let size = r.integer(obj, "size_kib", at: p, in: MemorySpec.sizeKiBRange)
            let banks = r.integer(obj, "banks", at: p, in: 1...maxDimension)
            let width = r.integer(obj, "width_bits", at: p, in: 1...maxDimension)
            let double = r.bool(obj, "double_buffered", at: p)
            let read = accessEnergy(obj, "read_pj", at: p, &r)
            let write = accessEnergy(obj, "write_pj", at: p, &r)
            if let name, let operand, let size, let banks, let width, let double, let read, let write {
                result.append(MemorySpec(name: name, operand: operand, sizeKiB: size, banks: banks, widthBits: width,
                                         doubleBuffered: double, readPJ: read, writePJ: write))
            } else { ok = false }
        }
        return ok ? result : nil
    }

    private static func accessEnergy(_ obj: [String: JSONNode]?, _ key: String, at path: JSONPath,
                                     _ r: inout FieldReader) -> MemorySpec.AccessEnergy? {
        let range = MemorySpec.accessPJRange
        let expected = "a number of pJ ≥ \(JSONNode.format(range.lowerBound)) and ≤ \(JSONNode.format(range.upperBound)) or \"model\""
        guard let node = r.member(obj, key, at: path, expected: expected) else { return nil }
        switch node {
        case .string("model"): return .model
        case .number(let x) where range.contains(x): return .picojoules(x)
        case .string(let s):
            r.fail(path.key(key), "expected \(expected), found '\(s)'" + Suggestion.hint(for: s, in: ["model"]))
        default:
            r.fail(path.key(key), "expected \(expected), found \(node.summary)")
        }
        return nil
    }

    private static func decodeDRAM(_ node: JSONNode?, at path: JSONPath, _ r: inout FieldReader) -> DRAMSpec? {
        let obj = r.object(node, at: path, keys: ["bytes_per_cycle", "read_pj_per_bit", "write_pj_per_bit"])
        let bytes = r.integer(obj, "bytes_per_cycle", at: path, in: DRAMSpec.bytesPerCycleRange)
        let read = r.number(obj, "read_pj_per_bit", at: path, in: DRAMSpec.pjPerBitRange)
        let write = r.number(obj, "write_pj_per_bit", at: path, in: DRAMSpec.pjPerBitRange)
        guard let bytes, let read, let write else { return nil }
        return DRAMSpec(bytesPerCycle: bytes, readPJPerBit: read, writePJPerBit: write)
    }

    private static func decodeOverrides(_ node: JSONNode?, at path: JSONPath,
                                        _ r: inout FieldReader) -> [String: CostOverride]? {
        guard let node else { return [:] }
        guard let obj = r.object(node, at: path, keys: [], freeForm: true) else { return nil }
        var result: [String: CostOverride] = [:]
        var ok = true
        for key in obj.keys.sorted() {
            let p = path.key(key)
            let published = key == "pe"
            let keys = published ? ["energy_pj", "area_um2", "energy_from", "area_from", "source"] : ["energy_pj", "area_um2", "source"]
            let entry = r.object(obj[key], at: p, keys: keys)
            let energy = r.number(entry, "energy_pj", at: p, in: CostOverride.energyPJRange, optional: true)
            let area = r.number(entry, "area_um2", at: p, in: CostOverride.areaUm2Range, optional: true)
            let names = PublishedPE.allCases.map { ($0.rawValue, $0) }
            let energyFrom = published ? r.choice(entry, "energy_from", at: p, what: "published PE", names, optional: true) : nil
            var areaFrom = published ? r.choice(entry, "area_from", at: p, what: "published PE", names, optional: true) : nil
            if let a = areaFrom, !a.publishesArea {
                let withArea = PublishedPE.allCases.filter(\.publishesArea).map(\.rawValue).joined(separator: ", ")
                r.fail(p.key("area_from"), "expected a published PE with an area (one of \(withArea)), found '\(a.rawValue)', which publishes none")
                areaFrom = nil
            }
            let source = r.string(entry, "source", at: p)
            guard let entry else { ok = false; continue }
            let figures = ["energy_pj", "area_um2", "energy_from", "area_from"].filter { entry[$0] != nil }
            if figures.isEmpty {
                r.fail(p, published ? "expected energy_pj, energy_from, area_um2 or area_from, found none"
                                    : "expected energy_pj or area_um2 (or both), found neither")
                ok = false
            }
            for (number, name) in [("energy_pj", "energy_from"), ("area_um2", "area_from")] where entry[number] != nil && entry[name] != nil {
                r.fail(p.key(name), "expected \(number) or \(name), found both")
                ok = false
            }
            guard let source, entry["energy_pj"] == nil || energy != nil, entry["area_um2"] == nil || area != nil,
                  entry["energy_from"] == nil || energyFrom != nil, entry["area_from"] == nil || areaFrom != nil
            else { ok = false; continue }
            result[key] = CostOverride(energyPJ: energy, areaUm2: area, energyFrom: energyFrom, areaFrom: areaFrom, source: source)
        }
        return ok ? result : nil
    }

    /// `sources`: each key must name a field of the document (e.g. `technology.node_nm`,
    /// `memories[0].size_kib`, or a parent such as `array`), each value a non-empty citation.
    private static func decodeSources(_ node: JSONNode?, tree: JSONNode, at path: JSONPath,
                                      _ r: inout FieldReader) -> [String: String]? {
        guard let node else { return [:] }
        guard let obj = r.object(node, at: path, keys: [], freeForm: true) else { return nil }
        var result: [String: String] = [:]
        var ok = true
        for key in obj.keys.sorted() {
            let p = path.key(key)
            guard let citation = r.string(obj[key] ?? .null, at: p) else { ok = false; continue }
            // Only checked on an otherwise valid document: a broken field would make its
            // citation dangle too, and that second error would be noise.
            let target = try? JSONPath(parsing: key)
            if r.issues.isEmpty, target?.components.isEmpty != false || target.flatMap({ tree.value(at: $0) }) == nil {
                r.fail(p, "expected a key naming a field of this design (e.g. technology.node_nm), found '\(key)', which names none")
                ok = false
                continue
            }
            result[key] = citation
        }
        return ok ? result : nil
    }
}
