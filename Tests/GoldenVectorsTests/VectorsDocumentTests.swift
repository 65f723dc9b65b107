import DesignModel
import Foundation
import GoldenVectors
import Testing

/// `Designs/vectors.md` documents every operation of every kind with the fields, directions
/// and widths the code has, so the schema text cannot drift from the vectors.
@Suite struct VectorsDocumentTests {
    @Test func everyOperationIsDocumentedWithItsFields() throws {
        let root = VectorRegistryTests.root
        let doc = try String(contentsOf: root.appendingPathComponent("Designs/vectors.md"), encoding: .utf8)
        var documented = Set<String>()
        // The operation sections: "### `kind` `op` (`Designs/design.json`)", each up to the next heading.
        let sections = doc.components(separatedBy: "\n### ").dropFirst().map { $0.components(separatedBy: "\n## ")[0] }
            .filter { $0.hasPrefix("`") }
        #expect(sections.count >= 16)
        for section in sections {
            let heading = section.split(separator: "\n")[0]
            let parts = heading.split(separator: "`").map(String.init)   // kind, op, design path
            try #require(parts.count >= 5, "\(heading)")
            let (kind, op, file) = (parts[0], parts[2], parts[4])
            let design = try Design.decode(try Data(contentsOf: root.appendingPathComponent(file)))
            #expect(design.unit.kindName == kind, "\(heading)")
            let schema = try #require(VectorRegistry.operation(op, for: design.unit.configuration)?.schema, "\(heading)")
            #expect(section.contains("\n" + schema.summary + ".\n"), "\(heading): summary")
            let rows = section.split(separator: "\n").filter { $0.hasPrefix("| `") }
            let expected = schema.inputs.map { "| `\($0.name)` | in | \($0.bits) | \($0.meaning) |" }
                + schema.outputs.map { "| `\($0.name)` | out | \($0.bits) | \($0.meaning) |" }
            #expect(rows.map(String.init) == expected, "\(heading)")
            documented.insert("\(kind) \(op)")
        }
        for kind in UnitRegistry.kinds {
            let ops = Set(VectorRegistryTests.designs.compactMap { try? Design.decode(try Data(contentsOf: $0)) }
                .filter { $0.unit.kindName == kind.name }
                .flatMap { VectorRegistry.operations(for: $0.unit.configuration).map(\.schema.operation) })
            for op in ops { #expect(documented.contains("\(kind.name) \(op)"), "Designs/vectors.md lacks \(kind.name) \(op)") }
        }
    }
}
