import ArgumentParser
import Foundation
import GoldenVectors
import Reporting
import Workloads

/// `qarch vectors --design D.json --out DIR [--op OP] [--count N] [--seed S] [--edge]`: golden
/// test vectors of the design's unit (Designs/vectors.md): `DIR/vectors.jsonl`, one
/// `$readmemh` file per field and `fields.json`, computed by the bit-exact unit.
///
/// ```
/// qarch vectors --design Designs/hif8-mac.json --count 1000 --seed 1 --out vec
/// wrote 1000 vectors of hif8-mac mac (a, b, acc_in → acc_out) to vec
/// ```
struct VectorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vectors",
        abstract: "Write golden test vectors of a design's unit (vectors.jsonl and $readmemh files).")

    @Option(help: "The design JSON file.") var design: String
    @Option(help: "Output folder: new, empty, or a previous qarch vectors folder, which is replaced as a whole.") var out: String
    @Option(help: "The unit's operation (default: its first; Designs/vectors.md lists them).") var op: String?
    @Option(parsing: .unconditional, help: "Random vectors.", transform: { try NumberOption.integer($0, in: 0...10_000_000) })
    var count = 1000
    @Option(parsing: .unconditional, help: "Seed of the random vectors.", transform: NumberOption.seed) var seed: UInt64 = 1
    @Flag(help: "Put the formats' corner cases first (zeros, subnormals, max values, NaN/Inf, saturation, wrap).") var edge = false

    func validate() throws {
        if out.isEmpty { throw CLIError.invalidInput("--out: expected a folder path, found an empty string") }
    }

    func run() throws {
        try CLIError.writing { () throws(OutputProblem) in try ReportFolder.check(out, inputs: [design]) }
        let d = try DesignFile.require(design, overrides: [])
        let operation = try VectorOperationChoice.require(op, design: d, file: design)
        let vectors = VectorGenerator.vectors(operation, count: count, seed: seed, edge: edge)
        let schema = operation.schema
        let files = VectorFiles.files(schema, vectors, kind: d.unit.kindName)
        try CLIError.writing { () throws(OutputProblem) in
            try ReportFolder.write(files, kind: "vectors", to: out, inputs: [design])
        }
        let fields = schema.inputs.map(\.name).joined(separator: ", ") + " → " + schema.outputs.map(\.name).joined(separator: ", ")
        Console.out("wrote \(vectors.count) vectors of \(d.unit.kindName) \(schema.operation) (\(fields)) to \(out)")
    }
}
