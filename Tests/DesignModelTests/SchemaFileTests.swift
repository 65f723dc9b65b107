import DesignModel
import Foundation
import Testing

/// `Designs/schema.json` is generated from the unit registry (`DesignSchema`) and documents
/// exactly the keys and names the decoder accepts.
@Suite struct SchemaFileTests {
    /// The committed file is what `qarch schema` writes: after changing a unit kind, run
    /// `qarch schema --out Designs/schema.json`.
    @Test func committedSchemaIsGenerated() throws {
        let committed = String(decoding: try TestFiles.data(TestFiles.root.appendingPathComponent("Designs/schema.json")), as: UTF8.self)
        #expect(committed == DesignSchema.text, "Designs/schema.json is stale: regenerate it with `qarch schema --out Designs/schema.json`")
    }

    static func schema() throws -> [String: Any] {
        let data = try TestFiles.data(TestFiles.root.appendingPathComponent("Designs/schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func topLevelKeysMatch() throws {
        let s = try Self.schema()
        #expect(s["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let properties = try #require(s["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(Design.topLevelKeys))
    }

    /// The sane range of every physical number is the decoder's (`Technology.nodeNmRange`, …).
    @Test func physicalRangesMatch() throws {
        let properties = try #require(try Self.schema()["properties"] as? [String: Any])
        func field(_ path: [String]) throws -> [String: Any] {
            var node: Any = properties
            for key in path { node = try #require((node as? [String: Any])?[key], "\(path)") }
            return try #require(node as? [String: Any], "\(path)")
        }
        func range(_ path: [String]) throws -> ClosedRange<Double> {
            let f = try field(path)
            let low = try #require(f["minimum"] as? Double, "\(path)"), high = try #require(f["maximum"] as? Double, "\(path)")
            #expect(f["exclusiveMinimum"] == nil, "\(path)")
            return low...high
        }
        #expect(try range(["technology", "properties", "node_nm"]) == Technology.nodeNmRange)
        #expect(try range(["technology", "properties", "voltage_v"]) == Technology.voltageVRange)
        #expect(try range(["technology", "properties", "frequency_mhz"]) == Technology.frequencyMHzRange)
        #expect(try range(["dram", "properties", "read_pj_per_bit"]) == DRAMSpec.pjPerBitRange)
        #expect(try range(["dram", "properties", "write_pj_per_bit"]) == DRAMSpec.pjPerBitRange)
        let bytes = try range(["dram", "properties", "bytes_per_cycle"])
        #expect(bytes == Double(DRAMSpec.bytesPerCycleRange.lowerBound)...Double(DRAMSpec.bytesPerCycleRange.upperBound))
        let memory = ["memories", "items", "properties"]
        let size = try range(memory + ["size_kib"])
        #expect(size == Double(MemorySpec.sizeKiBRange.lowerBound)...Double(MemorySpec.sizeKiBRange.upperBound))
        for key in ["read_pj", "write_pj"] {
            let number = try #require((try field(memory + [key])["oneOf"] as? [[String: Any]])?.first)
            #expect(number["minimum"] as? Double == MemorySpec.accessPJRange.lowerBound, "\(key)")
            #expect(number["maximum"] as? Double == MemorySpec.accessPJRange.upperBound, "\(key)")
        }
        let override = ["cost_overrides", "additionalProperties", "properties"]
        #expect(try range(override + ["energy_pj"]) == CostOverride.energyPJRange)
        #expect(try range(override + ["area_um2"]) == CostOverride.areaUm2Range)
    }

    @Test func unitKindsAndFieldsMatch() throws {
        let properties = try #require(try Self.schema()["properties"] as? [String: Any])
        let unit = try #require(properties["unit"] as? [String: Any])
        let kindEnum = try #require(((unit["properties"] as? [String: Any])?["kind"] as? [String: Any])?["enum"] as? [String])
        #expect(kindEnum == UnitRegistry.kinds.map { $0.name })
        let variants = try #require(unit["allOf"] as? [[String: Any]])
        for kind in UnitRegistry.kinds {
            let variant = try #require(variants.first {
                (($0["if"] as? [String: Any])?["properties"] as? [String: Any]).flatMap { ($0["kind"] as? [String: Any])?["const"] as? String } == kind.name
            }, "no schema variant for \(kind.name)")
            let fields = try #require((variant["then"] as? [String: Any])?["properties"] as? [String: Any])
            #expect(Set(fields.keys) == Set(["kind", "paper_pe"] + kind.fields.map(\.key)), "\(kind.name)")
        }
    }
}
