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
