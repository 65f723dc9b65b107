import Foundation
import Testing
@testable import Exploration

/// `Designs/sweep-spec.schema.json` (for editors) names exactly what the decoder accepts:
/// the top-level keys, the metrics, the error data sources; and every committed spec uses it.
@Suite struct SweepSpecSchemaTests {
    static let designs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Designs")

    func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: Self.designs.appendingPathComponent("sweep-spec.schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func topLevelKeysAreTheDecoders() throws {
        let properties = try #require(try schema()["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(SweepSpec.keys))
    }

    @Test func metricsAndErrorDataAreTheDecoders() throws {
        let properties = try #require(try schema()["properties"] as? [String: Any])
        func enumValues(_ path: [String]) -> [String]? {
            var node: Any? = properties
            for key in path { node = (node as? [String: Any])?[key] }
            return (node as? [String: Any])?["enum"] as? [String]
        }
        let metrics = SweepMetric.allCases.map(\.rawValue)
        #expect(enumValues(["constraints", "items", "properties", "metric"]) == metrics)
        #expect(enumValues(["objectives", "items", "properties", "metric"]) == metrics)
        #expect(enumValues(["error", "properties", "data"]) == SweepSpec.ErrorTile.Source.allCases.map(\.rawValue))
        #expect(enumValues(["sampling", "properties", "kind"]) == ["grid", "random"])
    }
}
