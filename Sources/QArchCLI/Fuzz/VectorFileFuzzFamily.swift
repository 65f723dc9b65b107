import DesignModel
import Foundation
import GoldenVectors

/// Cosim vector files (`qarch cosim --vectors`, `qarch vectors` output): JSON lines of golden
/// vectors, read by `VectorFileReader.read` against an operation's schema as `qarch cosim`
/// reads them. The seeds are edge and random vectors of every unit operation of the designs
/// in `Designs/`, one operation per seed; a seed's first line `#op <kind>.<operation>` names
/// the schema, is never mutated, and is taken off before the reader sees the rest. An accepted
/// file must read back the same vectors when re-written by `VectorFiles.line`.
struct VectorFileFuzzFamily: FuzzFamily {
    let name = "vector-file"
    static let file = "fuzz-vectors.jsonl"

    /// The operations of the designs in `Designs/`, by schema operation name (first design wins).
    static let operations: [(name: String, op: any VectorOperation)] = {
        var out: [(String, any VectorOperation)] = []
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: "Designs")) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        for file in names {
            guard let design = try? DesignFile.require("Designs/" + file, overrides: []) else { continue }
            for op in VectorRegistry.operations(for: design.unit.configuration) {
                let key = design.unit.kindName + "." + op.schema.operation
                if !out.contains(where: { $0.0 == key }) { out.append((key, op)) }
            }
        }
        return out
    }()

    func seeds() -> [Data] {
        Self.operations.map { entry in
            let lines = VectorGenerator.vectors(entry.op, count: 4, seed: 1, edge: true).prefix(12).map { VectorFiles.line(entry.op.schema, $0) }
            return Data((["#op \(entry.name)"] + lines).joined(separator: "\n").utf8 + [0x0A])
        }
    }

    /// Mutates the vector lines, never the `#op` line (the schema the input is read with).
    func mutate(_ input: Data, _ rng: inout FuzzRandom) -> Data {
        let (header, body) = Self.split(input)
        return Data(header.utf8) + JSONMutator.mutate(body, &rng)
    }

    func check(_ input: Data) -> FuzzVerdict {
        let (header, body) = Self.split(input)
        guard let entry = Self.operations.first(where: { "#op \($0.name)\n" == header }) else { return .rejected("no operation") }
        let schema = entry.op.schema
        let vectors: [GoldenVector]
        do {
            vectors = try VectorFileReader.read(body, schema: schema)
        } catch {
            return .judge(errorLines: ["\(Self.file): \(error)"], file: Self.file)
        }
        let text = vectors.map { VectorFiles.line(schema, $0) + "\n" }.joined()
        guard let again = try? VectorFileReader.read(Data(text.utf8), schema: schema), again == vectors else {
            return .finding("re-written vectors do not read back the same: \(text.prefix(200))")
        }
        return .accepted
    }

    /// The `#op …` line (with its newline) and the rest.
    static func split(_ input: Data) -> (String, Data) {
        guard let newline = input.firstIndex(of: 0x0A) else { return ("", input) }
        return (String(decoding: input[..<newline], as: UTF8.self) + "\n", Data(input[(newline + 1)...]))
    }
}
