import DesignModel
import GoldenVectors

/// The vector operation a command names with `--op` (default: the unit's first), or a
/// bad value (exit 1) listing the unit's operations.
///
/// ```swift
/// try VectorOperationChoice.require("epilogue", design: design, file: "Designs/mixpe-w4a8.json")
/// ```
enum VectorOperationChoice {
    static func require(_ name: String?, design: Design, file: String) throws -> any VectorOperation {
        let ops = VectorRegistry.operations(for: design.unit.configuration)
        guard !ops.isEmpty else { throw CLIError.invalidInput("\(file): unit.kind: expected a unit kind with vector operations, found '\(design.unit.kindName)'") }
        guard let op = VectorRegistry.operation(name, for: design.unit.configuration) else {
            throw CLIError.invalidInput("--op: expected an operation of \(design.unit.kindName): \(ops.map(\.schema.operation).joined(separator: ", ")), found '\(name ?? "")'")
        }
        return op
    }
}
