import ExactJSON

/// How a module's ports take a vector: its clock and reset, the protocol, each input port
/// with the field (or slice) it takes and each output port with the field it must equal.
/// Written as JSON (`Designs/ports.schema.json`) and read by `PortMap.decode`.
///
/// ```json
/// {"clock": "clk", "reset": "rst", "protocol": {"kind": "pipelined", "latency": 2},
///  "inputs": [{"port": "a", "field": "a"}, {"port": "b", "field": "b"}],
///  "outputs": [{"port": "p", "field": "p"}]}
/// ```
public struct PortMap: Sendable, Equatable {
    public var clock: String?
    public var reset: String?
    /// Whether the reset is active low (`reset_active: "low"`).
    public var resetActiveLow: Bool
    public var cosimProtocol: CosimProtocol
    public var inputs: [PortBinding]
    public var outputs: [PortBinding]

    public init(clock: String?, reset: String?, resetActiveLow: Bool, cosimProtocol: CosimProtocol,
                inputs: [PortBinding], outputs: [PortBinding]) {
        self.clock = clock
        self.reset = reset
        self.resetActiveLow = resetActiveLow
        self.cosimProtocol = cosimProtocol
        self.inputs = inputs
        self.outputs = outputs
    }

    /// The control ports the protocol drives or reads (start, done), besides clock and reset.
    public var controlPorts: [String] {
        switch cosimProtocol {
        case .handshake(let s, let d, _): return [s, d]
        case .sequence(_, let s?): return [s]
        default: return []
        }
    }
}
