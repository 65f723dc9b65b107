import DesignModel
import Foundation
import Testing

/// `Designs/schema.json` documents exactly the keys and names the decoder accepts.
@Suite struct SchemaFileTests {
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
        #expect(kindEnum == UnitKind.allCases.map(\.rawValue))
        let variants = try #require(unit["allOf"] as? [[String: Any]])
        for kind in UnitKind.allCases {
            let variant = try #require(variants.first {
                (($0["if"] as? [String: Any])?["properties"] as? [String: Any]).flatMap { ($0["kind"] as? [String: Any])?["const"] as? String } == kind.rawValue
            }, "no schema variant for \(kind.rawValue)")
            let fields = try #require((variant["then"] as? [String: Any])?["properties"] as? [String: Any])
            #expect(Set(fields.keys) == Set(["kind"] + kind.fields), "\(kind.rawValue)")
        }
    }
}
