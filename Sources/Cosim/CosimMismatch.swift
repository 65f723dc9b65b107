import GoldenVectors

/// One operation whose module outputs differ from the golden vector: its index, the vector,
/// what each output port gave (nil: the handshake timed out) and the failing fields.
public struct CosimMismatch: Sendable {
    public let index: Int
    public let vector: GoldenVector
    /// Per output binding, the field name and the value read from the module.
    public let got: [(field: String, value: FieldValue?)]
    public let failing: [String]
}
