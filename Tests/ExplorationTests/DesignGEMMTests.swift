import DesignModel
import Exploration
import Foundation
import Models
import NumberFormats
import TensorEngine
import Testing
import Workloads

/// `DesignGEMM` stacks sentences (row-local units) or splits them and reuses the weights it
/// quantized once (per-tensor units); either way every design must give exactly the bits of
/// one `qarch gemm` (GEMMExecution.run) per sentence.
@Suite struct DesignGEMMTests {
    static let designs: [URL] = {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Designs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.contains("schema") }.sorted().map { dir.appendingPathComponent($0) }
    }()

    @Test func everyDesignMatchesOneGEMMPerSentence() throws {
        #expect(Self.designs.count >= 19)
        let a = SyntheticData.activations(m: 9, k: 64, seed: 3)
        let b = SyntheticData.weights(k: 64, n: 24, seed: 4)
        let segments = [0..<4, 4..<5, 5..<9]
        for url in Self.designs {
            let design = try Design.decode(Data(contentsOf: url))
            let gemm = DesignGEMM(design: design)
            let stacked = try gemm.multiply(a, b, segments: segments, operation: .dense(layer: 0, role: .query))
            var expected: [Double] = []
            for seg in segments {
                let rows = try #require(Matrix(rows: seg.count, cols: 64, storage: Array(a.storage[(seg.lowerBound * 64)..<(seg.upperBound * 64)])))
                expected += try GEMMExecution.run(unit: design.makeUnit(), activations: rows, weights: b, engine: design.engineConfig(),
                                                  convention: .native).output.values.storage
            }
            #expect(stacked.storage.map(\.bitPattern) == expected.map(\.bitPattern), "\(url.lastPathComponent)")
        }
    }

    @Test func perTensorUnitsAreSplit() throws {
        let byName = Dictionary(uniqueKeysWithValues: try Self.designs.map { u in
            (u.deletingPathExtension().lastPathComponent, DesignGEMM(design: try Design.decode(Data(contentsOf: u))).rowLocal) })
        #expect(byName["hif8-mac"] == false)
        #expect(byName["nvfp4-dot"] == false)
        #expect(byName["mixpe-w4a8"] == true)
        #expect(byName["mxfp4-dot"] == true)
    }
}
