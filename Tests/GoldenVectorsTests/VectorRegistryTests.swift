import DesignModel
import Foundation
import GoldenVectors
import NumberFormats
import Testing

/// Every unit kind has a vector schema, reachable through `VectorRegistry`, and every
/// design in `Designs/` gets vectors whose values fit their fields.
@Suite struct VectorRegistryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Designs/*.json` without the `*schema.json` files.
    static var designs: [URL] {
        let dir = root.appendingPathComponent("Designs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasSuffix("schema.json") }.sorted().map { dir.appendingPathComponent($0) }
    }

    @Test func everyRegisteredKindIsCoveredExactlyOnce() {
        for kind in UnitRegistry.kinds {
            let entries = VectorRegistry.all.filter { $0.kinds.contains { $0 == kind } }
            #expect(entries.count == 1, "\(kind.name) is covered by \(entries.count) UnitVectors entries")
        }
    }

    @Test func everyDesignHasOperationsWithWellFormedSchemas() throws {
        let designs = Self.designs
        #expect(designs.count >= 15)
        var kinds = Set<String>()
        for url in designs {
            let design = try Design.decode(try Data(contentsOf: url))
            kinds.insert(design.unit.kindName)
            let ops = VectorRegistry.operations(for: design.unit.configuration)
            #expect(!ops.isEmpty, "\(url.lastPathComponent) has no vector operation")
            #expect(Set(ops.map(\.schema.operation)).count == ops.count)
            for op in ops {
                let names = op.schema.fields.map(\.name)
                #expect(Set(names).count == names.count, "\(url.lastPathComponent) \(op.schema.operation): repeated field names")
                #expect(op.schema.fields.allSatisfy { $0.bits > 0 && !$0.meaning.isEmpty })
                #expect(!op.schema.inputs.isEmpty && !op.schema.outputs.isEmpty)
                // Random and edge vectors: one value per field, each within its width.
                let vectors = VectorGenerator.vectors(op, count: 200, seed: 3, edge: true)
                #expect(vectors.count > 200)
                for v in vectors {
                    #expect(v.inputs.count == op.schema.inputs.count && v.outputs.count == op.schema.outputs.count)
                    for (f, value) in zip(op.schema.fields, v.inputs + v.outputs) where value.bitLength > f.bits {
                        Issue.record("\(url.lastPathComponent) \(op.schema.operation): \(f.name) = \(value.hex(width: 256)) exceeds \(f.bits) bits")
                    }
                }
            }
        }
        // Every registered kind is used by some design, so all of them were checked.
        #expect(kinds == Set(UnitRegistry.kinds.map { $0.name }))
    }

    @Test func sameSeedSameVectorsOtherSeedOthers() throws {
        let op = try #require(VectorRegistry.operation(nil, for: MixPEKind(mode: .w4a8)))
        let a = VectorGenerator.vectors(op, count: 500, seed: 11, edge: true)
        #expect(a == VectorGenerator.vectors(op, count: 500, seed: 11, edge: true))
        #expect(a != VectorGenerator.vectors(op, count: 500, seed: 12, edge: true))
        #expect(VectorGenerator.vectors(op, count: 0, seed: 1, edge: false).isEmpty)
    }

    @Test func operationNames() {
        #expect(VectorRegistry.operations(for: MixPEKind(mode: .w4a8)).map(\.schema.operation) == ["step", "epilogue"])
        #expect(VectorRegistry.operations(for: BlockDotKind(format: .mxfp4)).map(\.schema.operation) == ["block", "product"])
        #expect(VectorRegistry.operations(for: BlockDotKind(format: .mxfp8E4M3)).map(\.schema.operation) == ["block"])
        #expect(VectorRegistry.operations(for: DequantFP16Kind(groupSize: 128)).map(\.schema.operation) == ["dequant", "mac"])
        #expect(VectorRegistry.operation("nosuch", for: HiF8MACKind(outputFormat: .hif8)) == nil)
        #expect(VectorRegistry.operation(nil, for: HiF8MACKind(outputFormat: .hif8))?.schema.inputs.map(\.name) == ["a", "b", "acc_in"])
    }
}
