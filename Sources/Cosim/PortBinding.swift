import ExactJSON

/// One port of the module bound to a vector field (or, for an input, to a slice of one),
/// with the JSON path it was read from for messages.
///
/// ```swift
/// PortBinding(port: "w_lane", field: "w", lsb: 4, bits: 4, cycle: 1, path: .root)   // bits [7:4] of w on cycle 1
/// ```
public struct PortBinding: Sendable, Equatable {
    public let port: String
    public let field: String
    /// The first bit of the field the port takes (0 unless a slice).
    public let lsb: Int
    /// The bits of the slice; nil: the whole field.
    public let bits: Int?
    /// `sequence` protocol: the only cycle the input is driven on; nil: every cycle.
    public let cycle: Int?
    /// Where the binding is in the port map.
    public let path: JSONPath

    public init(port: String, field: String, lsb: Int = 0, bits: Int? = nil, cycle: Int? = nil, path: JSONPath) {
        self.port = port
        self.field = field
        self.lsb = lsb
        self.bits = bits
        self.cycle = cycle
        self.path = path
    }
}
