/// One operation's inputs and the outputs the bit-exact unit computes from them, in the
/// order of the schema's fields.
public struct GoldenVector: Sendable, Hashable {
    public let inputs: [FieldValue]
    public let outputs: [FieldValue]

    public init(inputs: [FieldValue], outputs: [FieldValue]) {
        self.inputs = inputs
        self.outputs = outputs
    }
}
