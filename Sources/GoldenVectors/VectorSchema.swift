/// The PE-level operation of a unit as named bit fields: what `qarch vectors` writes and
/// `qarch cosim` checks.
///
/// ```swift
/// let s = VectorRegistry.operations(for: HiF8MACKind(outputFormat: .hif8))[0].schema
/// s.operation                   // "mac"
/// s.inputs.map(\.name)          // ["a", "b", "acc_in"]
/// s.outputs.map(\.name)         // ["acc_out"]
/// ```
public struct VectorSchema: Sendable, Hashable {
    /// The operation's name, e.g. `step` (`qarch vectors --op`).
    public let operation: String
    /// One sentence on what one vector computes.
    public let summary: String
    public let inputs: [VectorField]
    public let outputs: [VectorField]

    public init(operation: String, summary: String, inputs: [VectorField], outputs: [VectorField]) {
        self.operation = operation
        self.summary = summary
        self.inputs = inputs
        self.outputs = outputs
    }

    /// Inputs then outputs.
    public var fields: [VectorField] { inputs + outputs }

    /// The field called `name`, if any.
    public func field(named name: String) -> VectorField? { fields.first { $0.name == name } }
}
